import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type Database } from '../../../platform/server/index.js';
import type { OrganisationKind, RoleCode } from '../contract.js';
import { findUsers } from './users.queries.js';
import { createUser } from './users.service.js';

/**
 * The demo organisations and accounts of API.md (password "demo", shorter than the API allows on purpose:
 * it is set here, never through the API). Fictitious people in named roles:
 * the organisations are labelled as demo partners, never as real ones.
 */
export const DEMO_PASSWORD = 'demo';

const ORGANISATIONS: { key: string; name: string; kind: OrganisationKind }[] = [
  { key: 'gemeente', name: 'Gemeente Dordrecht', kind: 'gemeente' },
  { key: 'politie', name: 'Politie (demopartner)', kind: 'politie' },
  { key: 'corporatie', name: 'Woningcorporatie (demopartner)', kind: 'woningcorporatie' },
  { key: 'zorg', name: 'Wijkteam welzijn en zorg (demopartner)', kind: 'welzijn_zorg' },
  { key: 'bewoners', name: 'Bewonersorganisatie Dordt West (demopartner)', kind: 'bewonersorganisatie' },
];

const ACCOUNTS: { username: string; displayName: string; organisation: string; roles: RoleCode[] }[] = [
  { username: 'beheerder', displayName: 'Demo Beheerder', organisation: 'gemeente', roles: ['administrator'] },
  { username: 'regisseur', displayName: 'Demo Programmamanager', organisation: 'gemeente', roles: ['programme_manager'] },
  { username: 'analist', displayName: 'Demo Analist', organisation: 'gemeente', roles: ['analyst'] },
  { username: 'financien', displayName: 'Demo Controller', organisation: 'gemeente', roles: ['finance'] },
  { username: 'politie', displayName: 'Demo Wijkagent', organisation: 'politie', roles: ['partner'] },
  { username: 'corporatie', displayName: 'Demo Wijkconsulent', organisation: 'corporatie', roles: ['partner'] },
  { username: 'zorg', displayName: 'Demo Wijkwerker', organisation: 'zorg', roles: ['partner'] },
];

/** Creates whatever part of the demo set is missing; a second start changes nothing. */
export async function seedDemoAccounts(db: Kysely<Database>): Promise<void> {
  const existing = new Set((await findUsers(db)).map((user) => user.username));
  if (ACCOUNTS.every((account) => existing.has(account.username))) return;
  const organisationIds = new Map<string, string>();
  for (const organisation of ORGANISATIONS) {
    const id = await db.transaction().execute(async (tx) => {
      const found = await tx.selectFrom('organisations').select('id').where('name', '=', organisation.name).executeTakeFirst();
      if (found) return found.id;
      const row = await tx.insertInto('organisations').values({ name: organisation.name, kind: organisation.kind, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
      await withAudit(tx, SYSTEM_ACTOR, 'organisation.create', { type: 'organisation', id: row.id }, { name: organisation.name, kind: organisation.kind, demo: true });
      return row.id;
    });
    organisationIds.set(organisation.key, id);
  }
  for (const account of ACCOUNTS) {
    if (existing.has(account.username)) continue;
    const organisationId = organisationIds.get(account.organisation);
    if (!organisationId) throw new Error(`demo organisation ${account.organisation} missing`);
    await createUser(
      db,
      SYSTEM_ACTOR,
      { username: account.username, displayName: account.displayName, password: DEMO_PASSWORD, organisationId, roles: account.roles, areaScopes: [] },
      { isDemo: true },
    );
  }
}

export async function countDemoAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).where('is_demo', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}
