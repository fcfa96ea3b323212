/**
 * What modules may use of the platform. Modules import the platform only through this file.
 */
export type { Database, UserRow, OrganisationRow, AuditRow } from './db-schema.js';
export type { AppContext } from './fastify-types.js';
export type { AppConfig, OidcConfig, SmtpConfig } from './config.js';
export type { DatabaseHandle, DatabaseKind } from './db.js';
export type { Actor } from './auth/actor.js';
export { isMfaPending, loadActorUser } from './auth/actor.js';
export { withAudit, verifyAuditChain, SYSTEM_ACTOR, type AuditActor, type AuditSubject, type AuditVerification } from './audit.js';
export { AppError, notFound, forbidden, conflict, invalid, type FieldError } from './errors.js';
// For text that arrives inside a file rather than as a request field (e.g. a signed bundle's items).
export { findMalformedText } from './malformed-text.js';
export { fieldErrorsOfIssues } from './field-error-codes.js';
export type { FieldErrorCode, FieldErrorParams } from '../shared/field-errors.js';
export { requireActor, SESSION_COOKIE } from './auth/plugin.js';
export { actorPermissions, TOKEN_EXCLUDED_PERMISSIONS } from './auth/token-permissions.js';
export { hashPassword, verifyPassword, PASSWORD_MIN_LENGTH } from './auth/passwords.js';
export { newPasswordProblem } from './auth/password-policy.js';
export { newTotpSecret, totpUri, verifyTotp, currentTotp } from './auth/totp.js';
export { deriveKey, encryptSecret, decryptSecret, sha256Hex, constantTimeEqual } from './auth/secrets.js';
export { createSession, deleteSession, deleteUserSessions, markSessionMfaVerified } from './auth/sessions.js';
export { newApiTokenValue, apiTokenHash } from './auth/api-tokens.js';
export { reserveLoginAttempt, markLoginAttemptSucceeded } from './auth/throttle.js';
export { permissionsOf, hasPermission, type Permission, type Role } from '../shared/permissions.js';
export type { ServerModule } from './server-module.js';
export { PROJECT_ROOT, projectPath } from './paths.js';
export type { ScheduledJob, JobContext } from './jobs.js';
export { observeImport } from './metrics.js';
