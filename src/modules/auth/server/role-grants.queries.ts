import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** The auth module's table of four-eyes role grants (db/migrations/20261206T1100__auth__role-grants.sql). */
export interface RoleGrantRequestsTable {
  id: ColumnType<string, string | undefined, never>;
  user_id: string;
  role: string;
  requested_by: string;
  requested_at: ColumnType<Date, Date, Date>;
  status: ColumnType<RoleGrantStatus, RoleGrantStatus | undefined, RoleGrantStatus>;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type RoleGrantStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
type RoleGrantTables = { role_grant_requests: RoleGrantRequestsTable };
type Db = Kysely<Database> | Transaction<Database>;
const tables = (db: Db) => db.withTables<RoleGrantTables>();

export interface PendingGrantRow {
  id: string;
  user_id: string;
  role: string;
  requested_by: string;
  requested_by_username: string;
  requested_by_display_name: string;
  requested_at: Date;
}

/** Pending grants, for one user or all, oldest first. */
export async function findPendingGrants(db: Db, filter: { userId?: string } = {}): Promise<PendingGrantRow[]> {
  let query = tables(db)
    .selectFrom('role_grant_requests')
    .innerJoin('users', 'users.id', 'role_grant_requests.requested_by')
    .select([
      'role_grant_requests.id',
      'role_grant_requests.user_id',
      'role_grant_requests.role',
      'role_grant_requests.requested_by',
      'users.username as requested_by_username',
      'users.display_name as requested_by_display_name',
      'role_grant_requests.requested_at',
    ])
    .where('role_grant_requests.status', '=', 'pending')
    .orderBy('role_grant_requests.requested_at')
    .orderBy('role_grant_requests.role');
  if (filter.userId) query = query.where('role_grant_requests.user_id', '=', filter.userId);
  return query.execute();
}

/** Opens a grant request; returns its id, or null when one for this user and role is already pending. */
export async function insertPendingGrant(db: Db, grant: { userId: string; role: string; requestedBy: string; at: Date }): Promise<string | null> {
  const row = await tables(db)
    .insertInto('role_grant_requests')
    .values({ user_id: grant.userId, role: grant.role, requested_by: grant.requestedBy, requested_at: grant.at })
    .onConflict((oc) => oc.columns(['user_id', 'role']).where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The grant, locked until the transaction ends, so two administrators cannot decide it at once. */
export async function lockGrant(db: Db, id: string) {
  return tables(db)
    .selectFrom('role_grant_requests')
    .select(['id', 'user_id', 'role', 'requested_by', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function closeGrant(db: Db, id: string, status: Exclude<RoleGrantStatus, 'pending'>, decidedBy: string, at: Date): Promise<void> {
  await tables(db).updateTable('role_grant_requests').set({ status, decided_by: decidedBy, decided_at: at }).where('id', '=', id).where('status', '=', 'pending').execute();
}

/** Withdraws the user's pending grants of roles not in `keep`; returns the roles withdrawn. */
export async function withdrawPendingGrants(db: Db, userId: string, keep: readonly string[], by: string, at: Date): Promise<string[]> {
  let query = tables(db)
    .updateTable('role_grant_requests')
    .set({ status: 'withdrawn', decided_by: by, decided_at: at })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending');
  if (keep.length > 0) query = query.where('role', 'not in', [...keep]);
  const rows = await query.returning('role').execute();
  return rows.map((row) => row.role);
}

export async function addUserRole(db: Db, userId: string, role: string): Promise<void> {
  await db.insertInto('user_roles').values({ user_id: userId, role }).onConflict((oc) => oc.doNothing()).execute();
}
