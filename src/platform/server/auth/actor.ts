import type { Kysely } from 'kysely';
import type { AuditActor } from '../audit.js';
import type { Database } from '../db-schema.js';
import { isRole, type Role } from '../../shared/permissions.js';

/** The authenticated caller of a request, as every service sees it. */
export interface Actor extends AuditActor {
  userId: string;
  username: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  roles: Role[];
  /** CBS area codes the user is limited to; empty means no area limit. */
  areaScopes: string[];
  locale: 'nl' | 'en';
  totpEnabled: boolean;
  via: 'session' | 'token';
  session?: {
    idHash: string;
    csrfToken: string;
    /** True while a role requires MFA and this session has not passed it: only enrolment is allowed. */
    mfaPending: boolean;
  };
}

export type ActorUser = Omit<Actor, 'via' | 'session'>;

/** Loads an active user with roles and scopes; null when the user or their organisation is disabled. */
export async function loadActorUser(db: Kysely<Database>, userId: string): Promise<ActorUser | null> {
  const user = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.locale',
      'users.totp_enabled_at',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
    ])
    .where('users.id', '=', userId)
    .where('users.disabled_at', 'is', null)
    .where('organisations.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  const [roles, scopes] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute(),
    db.selectFrom('user_area_scopes').select('area_code').where('user_id', '=', userId).orderBy('area_code').execute(),
  ]);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    organisationId: user.organisation_id,
    organisationName: user.organisation_name,
    organisationKind: user.organisation_kind,
    roles: roles.map((r) => r.role).filter(isRole),
    areaScopes: scopes.map((s) => s.area_code),
    locale: user.locale === 'en' ? 'en' : 'nl',
    totpEnabled: user.totp_enabled_at !== null,
  };
}

/** Whether any of the user's roles requires a second factor. */
export async function mfaRequiredFor(db: Kysely<Database>, roles: readonly string[]): Promise<boolean> {
  if (roles.length === 0) return false;
  const row = await db
    .selectFrom('role_policies')
    .select('role')
    .where('role', 'in', [...roles])
    .where('mfa_required', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
