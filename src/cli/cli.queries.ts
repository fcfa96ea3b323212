import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/server/db-schema.js';

/**
 * The few reads the account commands need that the auth module does not export: finding an organisation
 * by name or id, and listing demo accounts.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
  disabled: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By id when the reference looks like a UUID, otherwise by name, case-insensitively (names are unique that way). */
export async function findOrganisationByRef(db: Db, reference: string): Promise<OrganisationRef | undefined> {
  let query = db.selectFrom('organisations').select(['id', 'name', 'kind', 'disabled_at']);
  query = UUID.test(reference) ? query.where('id', '=', reference) : query.where(sql<boolean>`lower(name) = lower(${reference})`);
  const row = await query.executeTakeFirst();
  return row && { id: row.id, name: row.name, kind: row.kind, disabled: row.disabled_at !== null };
}

export interface DemoAccount {
  id: string;
  username: string;
  isAdministrator: boolean;
}

export async function findActiveDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await db
    .selectFrom('users')
    .select([
      'id',
      'username',
      sql<boolean>`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role = 'administrator')`.as('is_administrator'),
    ])
    .where('is_demo', '=', true)
    .where('disabled_at', 'is', null)
    .orderBy('username')
    .execute();
  return rows.map((row) => ({ id: row.id, username: row.username, isAdministrator: row.is_administrator }));
}

export async function countActiveRealAdministrators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('is_demo', '=', false)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role = 'administrator')`)
    .executeTakeFirstOrThrow();
  return row.n;
}
