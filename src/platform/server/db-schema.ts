import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Kysely table types of the platform tables (db/migrations/*__platform__*.sql).
 * Modules declare their own tables beside their queries and reach them with `db.withTables<…>()`.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  created_at: GeneratedTimestamp;
  disabled_at: Timestamp | null;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  organisation_id: string;
  locale: Generated<string>;
  totp_secret_encrypted: string | null;
  totp_enabled_at: Timestamp | null;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  disabled_at: Timestamp | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface UserAreaScopesTable {
  user_id: string;
  area_code: string;
}

export interface RolePoliciesTable {
  role: string;
  mfa_required: Generated<boolean>;
  updated_at: GeneratedTimestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_verified: boolean;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_by: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface AuditLogTable {
  id: ColumnType<string, string | number, never>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: GeneratedTimestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_area_scopes: UserAreaScopesTable;
  role_policies: RolePoliciesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type AuditRow = Selectable<AuditLogTable>;
