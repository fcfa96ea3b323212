import type { Kysely } from 'kysely';
import {
  AppError,
  createSession,
  deleteUserSessions,
  withAudit,
  type AppConfig,
  type AuditActor,
  type Database,
} from '../../../platform/server/index.js';
import { Username } from '../contract.js';
import { OidcFailure, type OidcFlow, type OidcIdentity, type OidcRelyingParty } from './oidc-client.js';
import {
  deleteOidcIdentitiesOfUser,
  findUserByOidcIdentity,
  findUserByUsernameForOidc,
  insertOidcIdentity,
  touchOidcIdentity,
  userHasOidcIdentity,
  type OidcLoginCandidate,
} from './oidc.queries.js';
import { findUserCredentials } from './users.queries.js';

export interface OidcLoginDeps {
  db: Kysely<Database>;
  config: AppConfig;
  now: Date;
}

export interface OidcSession {
  token: string;
  idHash: string;
  csrfToken: string;
  userId: string;
  mfaVerified: boolean;
}

/** A claimed username as it goes into the audit log: bounded, and only when the provider sent one. */
const auditName = (username: string | null): string | null => (username === null ? null : username.slice(0, 100));

/**
 * Finishes an OIDC login: verifies the callback against its flow (oidc-client.ts), finds the Wijkregie
 * user — by the link (issuer, subject) or, the first time, by the username claim of an active user,
 * whom it then links — and opens the same kind of session a password login opens. Nothing is created or
 * changed on any failure; every outcome is audited.
 *
 * The session counts as having passed MFA when the provider reports one of OIDC_MFA_AMR in `amr`;
 * otherwise a user who needs a second factor (role policy, or their own authenticator app) gets a
 * session that is pending until they pass it here (POST /api/v1/session/totp or enrolment).
 */
export async function completeOidcLogin(
  deps: OidcLoginDeps,
  relyingParty: OidcRelyingParty,
  flow: OidcFlow | OidcFailure,
  callbackQuery: URLSearchParams,
): Promise<OidcSession> {
  let identity: OidcIdentity | null = null;
  let candidate: OidcLoginCandidate | undefined;
  try {
    if (flow instanceof OidcFailure) throw flow;
    if (deps.now.getTime() >= flow.expiresAt) throw new OidcFailure('expired', 'flow past its lifetime');
    identity = await relyingParty.complete(flow, callbackQuery);
    const found = identity;
    return await deps.db.transaction().execute(async (tx) => {
      const linked = await findUserByOidcIdentity(tx, found.issuer, found.subject);
      candidate = linked ?? (found.username === null ? undefined : await findUserByUsernameForOidc(tx, normaliseUsername(found.username)));
      if (!candidate) throw new OidcFailure('unknown_user', found.username === null ? 'no username claim' : 'no such user');
      if (!candidate.active) throw new OidcFailure('disabled');
      const user = candidate;
      if (linked) {
        await touchOidcIdentity(tx, found.issuer, found.subject, deps.now);
      } else {
        // A user has one account per provider: a second account naming the same username is someone else
        // until an administrator removes the first link (unlink-oidc).
        if (await userHasOidcIdentity(tx, user.id, found.issuer)) throw new OidcFailure('already_linked');
        if (!(await insertOidcIdentity(tx, { issuer: found.issuer, subject: found.subject, userId: user.id, at: deps.now }))) {
          throw new OidcFailure('already_linked', 'linked concurrently');
        }
        await withAudit(tx, actorOf(user), 'auth.oidc_linked', { type: 'user', id: user.id }, { issuer: found.issuer, subject: found.subject }, deps.now);
      }
      const mfaVerified = found.amr.some((value) => deps.config.oidc?.mfaAmr.includes(value) ?? false);
      const session = await createSession(tx, user.id, mfaVerified, deps.now, {
        idleMinutes: deps.config.sessionIdleMinutes,
        absoluteMinutes: deps.config.sessionAbsoluteMinutes,
      });
      await withAudit(tx, actorOf(user), 'auth.login', { type: 'user', id: user.id }, { method: 'oidc', mfa: mfaVerified, linked: !linked }, deps.now);
      return { token: session.token, idHash: session.idHash, csrfToken: session.csrfToken, userId: user.id, mfaVerified };
    });
  } catch (error) {
    if (!(error instanceof OidcFailure)) throw error;
    const who: AuditActor = candidate ? actorOf(candidate) : { userId: null, username: auditName(identity?.username ?? null), organisationId: null };
    const detail: Record<string, unknown> = { method: 'oidc', reason: error.reason };
    // What exactly failed, for whoever looks into it: an error code, never a token or claim value.
    if (error.detail !== error.reason) detail.cause = error.detail;
    if (identity) Object.assign(detail, { issuer: identity.issuer, subject: identity.subject });
    await deps.db.transaction().execute((tx) => withAudit(tx, who, 'auth.login_failed', { type: 'user', id: candidate?.id ?? null }, detail, deps.now));
    throw error;
  }
}

function actorOf(user: OidcLoginCandidate): AuditActor {
  return { userId: user.id, username: user.username, organisationId: null };
}

/** Usernames are stored lowercase (the password login lowercases too); anything that is not one matches nobody. */
function normaliseUsername(claimed: string): string {
  const username = claimed.trim().toLowerCase();
  return Username.safeParse(username).success ? username : '';
}

export interface UnlinkResult {
  username: string;
  removed: { issuer: string; subject: string }[];
  sessionsEnded: number;
}

/**
 * Removes a user's OIDC links (the CLI's unlink-oidc): their next OIDC login links again by username.
 * Their sessions end as well, since one may have come from the link being removed. Audited; nothing is
 * written when there is no link.
 */
export async function unlinkOidcIdentities(db: Kysely<Database>, actor: AuditActor, username: string): Promise<UnlinkResult> {
  return db.transaction().execute(async (tx) => {
    const user = await findUserCredentials(tx, username);
    if (!user) throw new AppError('user.not_found', 404, `No user "${username}"`);
    const removed = await deleteOidcIdentitiesOfUser(tx, user.id);
    if (removed.length === 0) return { username, removed, sessionsEnded: 0 };
    const sessionsEnded = await deleteUserSessions(tx, user.id);
    await withAudit(tx, actor, 'auth.oidc_unlinked', { type: 'user', id: user.id }, { identities: removed, sessionsEnded });
    return { username, removed, sessionsEnded };
  });
}
