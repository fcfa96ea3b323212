import { z } from 'zod';
import { IsoDateTime } from '../../platform/shared/dates.js';
import { ROLES } from '../../platform/shared/permissions.js';

/**
 * The auth module's API shapes, shared by the server (validation, OpenAPI) and the web app (types).
 * Every request object is strict: unknown properties are refused with 422.
 */

export const ROLE_CODES = ROLES;
export const RoleCode = z.enum(ROLES);
export type RoleCode = z.infer<typeof RoleCode>;

export const ORGANISATION_KINDS = [
  'gemeente',
  'politie',
  'woningcorporatie',
  'welzijn_zorg',
  'zorg_veiligheidshuis',
  'onderwijs',
  'bewonersorganisatie',
  'ondernemers',
  'rijk',
  'overig',
] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** gemeente GM0505, wijk WK050503, buurt BU05050301, or a focus area FA… */
export const AreaCode = z.string().regex(/^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}|FA[A-Za-z0-9_-]{1,40})$/, 'not a CBS area code (GM0505, WK050503, BU05050301)');

export const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lowercase letters, digits, dot, dash or underscore; 2–63 characters');
export const Password = z.string().min(12, 'at least 12 characters').max(200);
export const Uuid = z.uuid();

// ---- session ----

export const LoginRequest = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  totp: z.string().regex(/^\d{6}$/, 'six digits').optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CurrentUser = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  organisation: z.object({ id: Uuid, name: z.string(), kind: z.string() }),
  roles: z.array(RoleCode),
  areaScopes: z.array(z.string()),
  permissions: z.array(z.string()),
  locale: z.enum(['nl', 'en']),
  totpEnabled: z.boolean(),
  /**
   * The session must pass a second factor before anything else: set up an authenticator app when
   * `totpEnabled` is false (a role requires MFA), or enter its code when it is true (OIDC login without
   * MFA at the identity provider).
   */
  mfaEnrolmentRequired: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionResponse = z.object({ user: CurrentUser, csrfToken: z.string(), demoMode: z.boolean() });
export type SessionResponse = z.infer<typeof SessionResponse>;

/**
 * Why an OIDC login did not open a session: the callback sends a browser to `/login?oidc=<reason>` and
 * answers other clients with the problem `auth.oidc_<reason>`.
 */
export const OIDC_FAILURE_REASONS = [
  /** The login took longer than the flow may live, or started in another browser (no flow cookie). */
  'expired',
  /** The state parameter does not belong to this browser's flow: a forged or replayed callback. */
  'state_mismatch',
  /** The identity provider answered with an error (the user cancelled, no access, …). */
  'idp_error',
  /** The provider's answer did not verify (code, PKCE, ID token signature, nonce, issuer, audience). */
  'invalid_response',
  /** The identity provider could not be reached. */
  'unavailable',
  /** No Wijkregie user is linked to this account, and none has the username the provider names. */
  'unknown_user',
  /** The Wijkregie user (or their organisation) is disabled. */
  'disabled',
  /** The Wijkregie user is already linked to another account at this provider. */
  'already_linked',
] as const;
export const OidcFailureReason = z.enum(OIDC_FAILURE_REASONS);
export type OidcFailureReason = z.infer<typeof OidcFailureReason>;

export const UpdateMyPreferences = z.strictObject({ locale: z.enum(['nl', 'en']) });

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpConfirmRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') });

// ---- organisations ----

export const Organisation = z.object({
  id: Uuid,
  name: z.string(),
  kind: OrganisationKind,
  disabled: z.boolean(),
  userCount: z.number().int(),
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationList = z.object({ items: z.array(Organisation) });

export const CreateOrganisation = z.strictObject({ name: z.string().trim().min(1).max(200), kind: OrganisationKind });
export type CreateOrganisation = z.infer<typeof CreateOrganisation>;
export const UpdateOrganisation = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  kind: OrganisationKind.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateOrganisation = z.infer<typeof UpdateOrganisation>;

// ---- users ----

/**
 * Roles that an administrator cannot give alone through the API (docs/adr/0007): case_officer opens the
 * identity barrier, and administrator decides these grants (one administrator could otherwise make a
 * helper who approves). A grant of one of them waits for another administrator's approval.
 */
export const FOUR_EYES_ROLES = ['administrator', 'case_officer'] as const satisfies readonly RoleCode[];
export const isFourEyesRole = (role: string): boolean => (FOUR_EYES_ROLES as readonly string[]).includes(role);

export const PendingRoleGrant = z.object({
  id: Uuid,
  role: RoleCode,
  requestedBy: z.object({ id: Uuid, username: z.string(), displayName: z.string() }),
  requestedAt: z.string(),
});
export type PendingRoleGrant = z.infer<typeof PendingRoleGrant>;

export const User = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  organisationId: Uuid,
  organisationName: z.string(),
  roles: z.array(RoleCode),
  areaScopes: z.array(z.string()),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** Grants of four-eyes roles that wait for a second administrator; not part of `roles` until approved. */
  pendingRoleGrants: z.array(PendingRoleGrant),
});
export type User = z.infer<typeof User>;
export const UserList = z.object({ items: z.array(User) });

export const CreateUser = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(320).optional(),
  password: Password,
  organisationId: Uuid,
  roles: z.array(RoleCode).min(1).max(ROLE_CODES.length),
  areaScopes: z.array(AreaCode).max(500).default([]),
});
export type CreateUser = z.input<typeof CreateUser>;

export const UpdateUser = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).nullable().optional(),
  organisationId: Uuid.optional(),
  roles: z.array(RoleCode).min(1).max(ROLE_CODES.length).optional(),
  areaScopes: z.array(AreaCode).max(500).optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
  resetTotp: z.literal(true).optional(),
});
export type UpdateUser = z.infer<typeof UpdateUser>;

export const RoleGrantDecision = z.strictObject({ decision: z.enum(['approve', 'reject']) });
export type RoleGrantDecision = z.infer<typeof RoleGrantDecision>;

export const UserIdParams = z.strictObject({ id: Uuid });
export const IdParams = z.strictObject({ id: Uuid });

// ---- role policies ----

export const RolePolicy = z.object({ role: RoleCode, mfaRequired: z.boolean() });
export type RolePolicy = z.infer<typeof RolePolicy>;
export const RolePolicyList = z.object({ items: z.array(RolePolicy) });
export const UpdateRolePolicy = z.strictObject({ mfaRequired: z.boolean() });
export const RoleParams = z.strictObject({ role: RoleCode });

// ---- API tokens ----

export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  userId: Uuid,
  username: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenList = z.object({ items: z.array(ApiToken) });
/** A token is always the caller's own: there is no field to name another user (docs/adr/0007). */
export const CreateApiToken = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: IsoDateTime.optional(),
});
export type CreateApiToken = z.infer<typeof CreateApiToken>;
/** The token value is shown once, at creation, and never again. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
