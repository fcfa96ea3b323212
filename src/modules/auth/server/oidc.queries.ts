import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** The auth module's own table for OIDC links (db/migrations/20261206T1000__auth__oidc-identities.sql). */
export interface OidcIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: ColumnType<Date, Date, Date>;
  last_login_at: ColumnType<Date, Date, Date>;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
type OidcTables = { oidc_identities: OidcIdentitiesTable };
type Db = Kysely<Database> | Transaction<Database>;
const tables = (db: Db) => db.withTables<OidcTables>();

/** The user an OIDC login may become, with what decides whether it may. */
export interface OidcLoginCandidate {
  id: string;
  username: string;
  active: boolean;
}

const candidateColumns = ['users.id', 'users.username', 'users.disabled_at', 'organisations.disabled_at as organisation_disabled_at'] as const;

function toCandidate(row: { id: string; username: string; disabled_at: Date | null; organisation_disabled_at: Date | null }): OidcLoginCandidate {
  return { id: row.id, username: row.username, active: row.disabled_at === null && row.organisation_disabled_at === null };
}

export async function findUserByOidcIdentity(db: Db, issuer: string, subject: string): Promise<OidcLoginCandidate | undefined> {
  const row = await tables(db)
    .selectFrom('oidc_identities')
    .innerJoin('users', 'users.id', 'oidc_identities.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(candidateColumns)
    .where('oidc_identities.issuer', '=', issuer)
    .where('oidc_identities.subject', '=', subject)
    .executeTakeFirst();
  return row && toCandidate(row);
}

export async function findUserByUsernameForOidc(db: Db, username: string): Promise<OidcLoginCandidate | undefined> {
  const row = await tables(db)
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(candidateColumns)
    .where('users.username', '=', username)
    .executeTakeFirst();
  return row && toCandidate(row);
}

export async function userHasOidcIdentity(db: Db, userId: string, issuer: string): Promise<boolean> {
  const row = await tables(db).selectFrom('oidc_identities').select('subject').where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
  return row !== undefined;
}

/** Links an account at the provider to a user; false when either side got linked meanwhile (a concurrent login). */
export async function insertOidcIdentity(db: Db, link: { issuer: string; subject: string; userId: string; at: Date }): Promise<boolean> {
  const result = await tables(db)
    .insertInto('oidc_identities')
    .values({ issuer: link.issuer, subject: link.subject, user_id: link.userId, created_at: link.at, last_login_at: link.at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function touchOidcIdentity(db: Db, issuer: string, subject: string, at: Date): Promise<void> {
  await tables(db).updateTable('oidc_identities').set({ last_login_at: at }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
}

export async function deleteOidcIdentitiesOfUser(db: Db, userId: string): Promise<{ issuer: string; subject: string }[]> {
  return tables(db).deleteFrom('oidc_identities').where('user_id', '=', userId).returning(['issuer', 'subject']).execute();
}
