import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  organisationId: string;
  organisationName: string;
  roles: string[];
  areaScopes: string[];
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: Date;
}

/** Users with their roles and scopes in one query (aggregated arrays, sorted for stable output). */
export async function findUsers(db: Db, filter: { id?: string } = {}): Promise<UserRecord[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.email',
      'users.organisation_id',
      'organisations.name as organisation_name',
      'users.totp_enabled_at',
      'users.disabled_at',
      'users.created_at',
      sql<string[]>`coalesce((SELECT array_agg(role ORDER BY role) FROM user_roles r WHERE r.user_id = users.id), '{}')`.as('roles'),
      sql<string[]>`coalesce((SELECT array_agg(area_code ORDER BY area_code) FROM user_area_scopes s WHERE s.user_id = users.id), '{}')`.as('area_scopes'),
    ])
    .orderBy('users.username');
  if (filter.id) query = query.where('users.id', '=', filter.id);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    roles: row.roles,
    areaScopes: row.area_scopes,
    totpEnabled: row.totp_enabled_at !== null,
    disabled: row.disabled_at !== null,
    createdAt: new Date(row.created_at),
  }));
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  return (await findUsers(db, { id }))[0];
}

export async function findUserCredentials(db: Db, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.password_hash',
      'users.totp_secret_encrypted',
      'users.totp_enabled_at',
      sql<string | null>`users.totp_last_step::text`.as('totp_last_step'),
      'users.disabled_at',
      'organisations.disabled_at as organisation_disabled_at',
    ])
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Db,
  user: { username: string; displayName: string; email: string | null; passwordHash: string; organisationId: string; isDemo?: boolean },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      email: user.email,
      password_hash: user.passwordHash,
      organisation_id: user.organisationId,
      is_demo: user.isDemo ?? false,
      disabled_at: null,
      totp_secret_encrypted: null,
      totp_enabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceUserRoles(db: Db, userId: string, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

export async function replaceUserAreaScopes(db: Db, userId: string, areaCodes: readonly string[]): Promise<void> {
  await db.deleteFrom('user_area_scopes').where('user_id', '=', userId).execute();
  if (areaCodes.length) {
    await db.insertInto('user_area_scopes').values(areaCodes.map((area_code) => ({ user_id: userId, area_code }))).execute();
  }
}

export async function updateUserColumns(
  db: Db,
  userId: string,
  set: Partial<{
    display_name: string;
    email: string | null;
    organisation_id: string;
    disabled_at: Date | null;
    password_hash: string;
    totp_secret_encrypted: string | null;
    totp_enabled_at: Date | null;
    locale: string;
  }>,
): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', userId).execute();
}

export async function countActiveAdministrators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(sql<number>`count(DISTINCT users.id)::int`.as('n'))
    .where('user_roles.role', '=', 'administrator')
    .where('users.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findTotpSecret(db: Db, userId: string): Promise<{ sealed: string; lastStep: number | null } | null> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret_encrypted', sql<string | null>`totp_last_step::text`.as('totp_last_step')])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row?.totp_secret_encrypted) return null;
  return { sealed: row.totp_secret_encrypted, lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step) };
}

/**
 * Records a TOTP time step as used, only when it is later than the last one: false means the code (or an
 * earlier one) was already used, perhaps by a request running at the same moment.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await sql`
    UPDATE users SET totp_last_step = ${step}
    WHERE id = ${userId} AND (totp_last_step IS NULL OR totp_last_step < ${step})`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}
