import type { Kysely } from 'kysely';
import { AppError, conflict, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import type { CreateOrganisation, Organisation, UpdateOrganisation } from '../contract.js';
import { OrganisationKind } from '../contract.js';
import { revokeTokensOfOrganisation } from './api-tokens.queries.js';
import {
  deleteSessionsOfOrganisation,
  findOrganisations,
  insertOrganisation,
  organisationNameTaken,
  updateOrganisationColumns,
} from './organisations.queries.js';

function toOrganisation(row: Awaited<ReturnType<typeof findOrganisations>>[number]): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: OrganisationKind.parse(row.kind),
    disabled: row.disabled_at !== null,
    userCount: row.user_count,
  };
}

export async function listOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  return (await findOrganisations(db)).map(toOrganisation);
}

/** The API and the CLI (as the system actor) both add organisations here. */
export async function createOrganisation(db: Kysely<Database>, actor: AuditActor, input: CreateOrganisation): Promise<Organisation> {
  return db.transaction().execute(async (tx) => {
    if (await organisationNameTaken(tx, input.name)) throw conflict('organisation.name_taken', 'An organisation with this name exists');
    const id = await insertOrganisation(tx, input.name, input.kind);
    await withAudit(tx, actor, 'organisation.create', { type: 'organisation', id }, { name: input.name, kind: input.kind });
    const [row] = await findOrganisations(tx, { id });
    if (!row) throw new Error('organisation vanished after insert');
    return toOrganisation(row);
  });
}

export async function updateOrganisation(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: UpdateOrganisation,
): Promise<Organisation> {
  return db.transaction().execute(async (tx) => {
    const [existing] = await findOrganisations(tx, { id });
    if (!existing) throw notFound('Organisation', 'organisation.not_found');
    if (input.name !== undefined && (await organisationNameTaken(tx, input.name, id))) {
      throw conflict('organisation.name_taken', 'An organisation with this name exists');
    }
    if (input.disabled === true && id === actor.organisationId) {
      throw new AppError('organisation.disable_own', 409, 'You cannot disable your own organisation');
    }
    const set: Parameters<typeof updateOrganisationColumns>[2] = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.disabled !== undefined) set.disabled_at = input.disabled ? (existing.disabled_at ?? new Date()) : null;
    await updateOrganisationColumns(tx, id, set);
    // Members of a disabled organisation lose access at once, like a disabled user, and their API tokens
    // for good (enabling the organisation again brings none back).
    let tokensRevoked = 0;
    if (input.disabled === true) {
      await deleteSessionsOfOrganisation(tx, id);
      tokensRevoked = await revokeTokensOfOrganisation(tx, id, new Date());
    }
    await withAudit(tx, actor, 'organisation.update', { type: 'organisation', id }, { changes: input, tokensRevoked });
    const [row] = await findOrganisations(tx, { id });
    if (!row) throw new Error('organisation vanished after update');
    return toOrganisation(row);
  });
}
