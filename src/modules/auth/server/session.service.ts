import type { Kysely } from 'kysely';
import {
  actorPermissions,
  AppError,
  createSession,
  decryptSecret,
  deleteSession,
  encryptSecret,
  markLoginAttemptSucceeded,
  markSessionMfaVerified,
  newTotpSecret,
  reserveLoginAttempt,
  totpUri,
  verifyPassword,
  verifyTotp,
  withAudit,
  type Actor,
  type AppConfig,
  type Database,
} from '../../../platform/server/index.js';
import { RoleCode, type CurrentUser, type LoginRequest } from '../contract.js';
import { claimTotpStep, findTotpSecret, findUserCredentials, updateUserColumns } from './users.queries.js';

export interface SessionDeps {
  db: Kysely<Database>;
  config: AppConfig;
  now: Date;
  /** AES key for TOTP secrets at rest, derived from the session secret. */
  totpKey: Buffer;
}

export function toCurrentUser(actor: Actor): CurrentUser {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    organisation: { id: actor.organisationId, name: actor.organisationName, kind: actor.organisationKind },
    roles: actor.roles.map((role) => RoleCode.parse(role)),
    areaScopes: actor.areaScopes,
    permissions: [...actorPermissions(actor)].sort(),
    locale: actor.locale,
    totpEnabled: actor.totpEnabled,
    mfaEnrolmentRequired: actor.session?.mfaPending ?? false,
  };
}

const INVALID_CREDENTIALS = (): AppError => new AppError('auth.invalid_credentials', 401, 'Wrong username or password');

const throttled = (retryAfter: number): AppError =>
  new AppError('auth.throttled', 429, `Too many failed attempts; try again in ${retryAfter} seconds`, undefined, { 'retry-after': String(retryAfter) });

/** Reserves the attempt (counted as failed until it succeeds) before any secret is checked; 429 when over the limit. */
async function reserveAttempt(deps: SessionDeps, username: string, ip: string): Promise<string> {
  const { db, config, now } = deps;
  const reservation = await reserveLoginAttempt(db, username, ip, now, { maxFailures: config.loginMaxFailures, windowMinutes: config.loginWindowMinutes });
  if (reservation.attemptId === null) throw throttled(reservation.retryAfter);
  return reservation.attemptId;
}

/**
 * Checks the credentials (and the second factor when the user has one) and opens a session.
 * Every attempt is reserved first and counts toward the limit per username and per IP unless it opens a
 * session; failures are audited; the answer never tells which part was wrong.
 */
export async function login(deps: SessionDeps, input: LoginRequest, ip: string) {
  const { db, config, now } = deps;
  const username = input.username.trim().toLowerCase();
  const attemptId = await reserveAttempt(deps, username, ip);
  const user = await findUserCredentials(db, username);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const active = user !== undefined && user.disabled_at === null && user.organisation_disabled_at === null;
  const fail = async (reason: string, error: AppError): Promise<never> => {
    await db.transaction().execute(async (tx) => {
      await withAudit(tx, { userId: user?.id ?? null, username, organisationId: null }, 'auth.login_failed', { type: 'user', id: user?.id ?? null }, { reason }, now);
    });
    throw error;
  };
  if (!user || !passwordOk) return fail('credentials', INVALID_CREDENTIALS());
  if (!active) return fail('disabled', INVALID_CREDENTIALS());
  let mfaVerified = false;
  if (user.totp_enabled_at !== null && user.totp_secret_encrypted) {
    // The right password alone is told apart (the login page then asks for the code), but it is audited
    // and its reserved attempt stays counted: it is no free oracle for guessing passwords.
    if (!input.totp) return fail('totp_missing', new AppError('auth.totp_required', 401, 'Enter the six-digit code from your authenticator app'));
    const secret = decryptSecret(deps.totpKey, user.totp_secret_encrypted);
    const lastStep = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const step = await verifyTotp(secret, input.totp, now, lastStep);
    if (step === null || !(await claimTotpStep(db, user.id, step))) return fail('totp', new AppError('auth.invalid_totp', 401, 'The code is not valid'));
    mfaVerified = true;
  }
  return db.transaction().execute(async (tx) => {
    const session = await createSession(tx, user.id, mfaVerified, now, {
      idleMinutes: config.sessionIdleMinutes,
      absoluteMinutes: config.sessionAbsoluteMinutes,
    });
    await markLoginAttemptSucceeded(tx, attemptId);
    await withAudit(tx, { userId: user.id, username, organisationId: null }, 'auth.login', { type: 'user', id: user.id }, { mfa: mfaVerified }, now);
    return { ...session, userId: user.id, mfaVerified };
  });
}

export async function logout(db: Kysely<Database>, actor: Actor): Promise<void> {
  const session = actor.session;
  if (!session) return;
  await db.transaction().execute(async (tx) => {
    await deleteSession(tx, session.idHash);
    await withAudit(tx, actor, 'auth.logout', { type: 'user', id: actor.userId });
  });
}

/**
 * The second step of a login that did not pass a second factor yet (OIDC without MFA at the provider,
 * for a user with an authenticator app): the code marks the session as verified. Throttled and audited
 * like a password login, on the same counters, so the pending session gives no extra guesses.
 */
export async function completeMfaWithTotp(deps: SessionDeps, actor: Actor, code: string, ip: string): Promise<void> {
  const { db, now } = deps;
  const session = actor.session;
  if (!session?.mfaPending) throw new AppError('auth.mfa_not_pending', 409, 'This session needs no verification code');
  const totp = actor.totpEnabled ? await findTotpSecret(db, actor.userId) : null;
  if (!totp) throw new AppError('auth.totp_not_enabled', 409, 'Set up an authenticator app first');
  const attemptId = await reserveAttempt(deps, actor.username, ip);
  const step = await verifyTotp(decryptSecret(deps.totpKey, totp.sealed), code, now, totp.lastStep);
  const valid = await db.transaction().execute(async (tx) => {
    const claimed = step !== null && (await claimTotpStep(tx, actor.userId, step));
    if (claimed) {
      await markLoginAttemptSucceeded(tx, attemptId);
      await markSessionMfaVerified(tx, session.idHash);
      await withAudit(tx, actor, 'auth.mfa_verified', { type: 'user', id: actor.userId }, { factor: 'totp' }, now);
    } else {
      await withAudit(tx, actor, 'auth.login_failed', { type: 'user', id: actor.userId }, { reason: 'totp', step: 'mfa' }, now);
    }
    return claimed;
  });
  if (!valid) throw new AppError('auth.invalid_totp', 422, 'The code is not valid', [{ path: 'body.code', message: 'not the current code' }]);
}

/** Starts (or restarts) TOTP enrolment: a new secret, stored sealed, not yet in force. */
export async function startTotpEnrolment(deps: SessionDeps, actor: Actor) {
  // Replacing a working second factor from a session alone would let a stolen session remove it:
  // an administrator resets it instead (PATCH /users/{id} resetTotp).
  if (actor.totpEnabled) throw new AppError('auth.totp_already_enabled', 409, 'Two-factor authentication is already set up; ask an administrator to reset it');
  const secret = newTotpSecret();
  await deps.db.transaction().execute(async (tx) => {
    await updateUserColumns(tx, actor.userId, { totp_secret_encrypted: encryptSecret(deps.totpKey, secret), totp_enabled_at: null });
    await withAudit(tx, actor, 'auth.totp_enrolment_started', { type: 'user', id: actor.userId });
  });
  return { secret, otpauthUri: totpUri(secret, actor.username) };
}

/** Puts TOTP in force once the user proves their app shows the right code; the session counts as verified. */
export async function confirmTotpEnrolment(deps: SessionDeps, actor: Actor, code: string): Promise<void> {
  // Once in force, a code proves a login (POST /api/v1/session/totp, throttled), not an enrolment: this
  // route must not become an unthrottled way to pass a pending session's second factor.
  if (actor.totpEnabled) throw new AppError('auth.totp_already_enabled', 409, 'Two-factor authentication is already set up; ask an administrator to reset it');
  const totp = await findTotpSecret(deps.db, actor.userId);
  if (!totp) throw new AppError('auth.totp_not_started', 409, 'Start the set-up first');
  const invalidCode = () => new AppError('auth.invalid_totp', 422, 'The code is not valid', [{ path: 'body.code', message: 'not the current code' }]);
  const step = await verifyTotp(decryptSecret(deps.totpKey, totp.sealed), code, deps.now, totp.lastStep);
  if (step === null) throw invalidCode();
  await deps.db.transaction().execute(async (tx) => {
    // The confirming code is spent too: it cannot open a session afterwards.
    if (!(await claimTotpStep(tx, actor.userId, step))) throw invalidCode();
    await updateUserColumns(tx, actor.userId, { totp_enabled_at: deps.now });
    if (actor.session) await markSessionMfaVerified(tx, actor.session.idHash);
    await withAudit(tx, actor, 'auth.totp_enrolled', { type: 'user', id: actor.userId });
  });
}

export async function updateMyLocale(db: Kysely<Database>, actor: Actor, locale: 'nl' | 'en'): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await updateUserColumns(tx, actor.userId, { locale });
    await withAudit(tx, actor, 'user.preferences', { type: 'user', id: actor.userId }, { locale });
  });
}

