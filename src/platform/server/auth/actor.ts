import { sql, type Kysely } from 'kysely';
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
    /**
     * True while this session has not passed a second factor that it needs: a role requires MFA, or the
     * user has an authenticator app (a session from OIDC login without the provider's MFA). Only
     * enrolment, or entering the code, is allowed until then.
     */
    mfaPending: boolean;
    /** The session passed a second factor (TOTP at login or afterwards, or MFA at the identity provider). */
    mfaVerified: boolean;
  };
  /**
   * For a bearer token: true while the user's role requires MFA and the token does not meet it (the user
   * has no TOTP in force, or the token was made from a session without a second factor). Such a token is
   * refused like a session that still owes its second factor.
   */
  tokenMfaMissing?: boolean;
}

export type ActorUser = Omit<Actor, 'via' | 'session'>;

/**
 * Whether a session still owes a second factor. A password login with TOTP always passes it at login, so
 * for those sessions only the role's requirement can leave it pending (enrolment).
 */
export function isMfaPending(session: { mfaVerified: boolean }, user: { mfaRequired: boolean; totpEnabled: boolean }): boolean {
  return !session.mfaVerified && (user.mfaRequired || user.totpEnabled);
}

/**
 * Loads an active user with roles, scopes and whether a role requires MFA, in one query: this runs on
 * every request. Null when the user or their organisation is disabled.
 */
export async function loadActorUser(db: Kysely<Database>, userId: string): Promise<(ActorUser & { mfaRequired: boolean }) | null> {
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
      sql<string[]>`ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = users.id ORDER BY r.role)`.as('roles'),
      sql<string[]>`ARRAY(SELECT s.area_code FROM user_area_scopes s WHERE s.user_id = users.id ORDER BY s.area_code)`.as('area_scopes'),
      sql<boolean>`EXISTS (SELECT 1 FROM user_roles r JOIN role_policies p ON p.role = r.role AND p.mfa_required WHERE r.user_id = users.id)`.as('mfa_required'),
    ])
    .where('users.id', '=', userId)
    .where('users.disabled_at', 'is', null)
    .where('organisations.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    organisationId: user.organisation_id,
    organisationName: user.organisation_name,
    organisationKind: user.organisation_kind,
    roles: user.roles.filter(isRole),
    areaScopes: user.area_scopes,
    locale: user.locale === 'en' ? 'en' : 'nl',
    totpEnabled: user.totp_enabled_at !== null,
    mfaRequired: user.mfa_required,
  };
}
