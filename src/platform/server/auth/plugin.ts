import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { isMfaPending, loadActorUser, type Actor } from './actor.js';
import { ActorCache, type CachedSession } from './actor-cache.js';
import { apiTokenHash, resolveApiToken } from './api-tokens.js';
import type { Access } from '../../shared/permissions.js';
import { constantTimeEqual, sha256Hex } from './secrets.js';
import { resolveSession, touchIntervalMs } from './sessions.js';
import { actorPermissions, TOKEN_EXCLUDED_PERMISSIONS } from './token-permissions.js';

export const SESSION_COOKIE = 'wr_session';

/** Every API route with its declared access: the authorization tests walk this list. */
export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller of every request (session cookie or bearer token) and enforces the route's declared
 * access. Deny by default: an /api route registered without `config.access` makes the app refuse to start.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  const catalogue: ApiRoute[] = [];
  app.decorate('apiRoutes', catalogue);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, access });
    }
  });

  const cache = new ActorCache(app.ctx.config.authCacheSeconds * 1000);
  // Emptied at every change, here and in the other processes on the database (cluster.ts).
  app.cluster.caches.add(cache);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config.access;
    const resolved = await resolveActor(app, cache, request, reply);
    if (resolved === INVALID_TOKEN) {
      // A public route (or the 404 answer) needs no caller, so a broken or unknown credential does not stop
      // it: it is served as anonymous. Everywhere else the client must learn that its token is not valid.
      if (!access || access === 'public') {
        request.actor = null;
        return;
      }
      throw new AppError('auth.invalid_token', 401, 'The API token is invalid, revoked or expired');
    }
    request.actor = resolved;
    if (!access) return; // unknown route: the 404 handler answers
    enforceAccess(request, access);
  });
}

/** A bearer credential was sent that is malformed, unknown, revoked, expired or belongs to a disabled user. */
const INVALID_TOKEN = Symbol('invalid token');

async function resolveActor(app: FastifyInstance, cache: ActorCache, request: FastifyRequest, reply: FastifyReply): Promise<Actor | null | typeof INVALID_TOKEN> {
  const { database, clock, config } = app.ctx;
  const now = clock();
  const nowMs = now.getTime();
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match?.[1];
    const key = token ? `token:${apiTokenHash(token)}` : '';
    const hit = token ? cache.get(key, nowMs) : undefined;
    if (hit && (hit.tokenExpiresAt === null || (hit.tokenExpiresAt ?? 0) > nowMs)) return hit.actor;
    const generation = cache.generation;
    const resolved = token ? await resolveApiToken(database.db, token, now) : null;
    const user = resolved ? await loadActorUser(database.db, resolved.userId) : null;
    if (!resolved || !user) return INVALID_TOKEN;
    const actor = tokenActor(user, resolved.mfaVerified);
    cache.set(key, { actor, tokenExpiresAt: resolved.expiresAt, loadedAt: nowMs }, generation);
    return actor;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const policy = { idleMinutes: config.sessionIdleMinutes, absoluteMinutes: config.sessionAbsoluteMinutes };
  const key = `session:${sha256Hex(token)}`;
  const hit = cache.get(key, nowMs);
  // Timeouts count on every request, cached or not. A remembered session serves only while its last
  // activity need not be written yet: once it is due, the database path below writes it, so a session in
  // use is never timed out from a remembered, stale last_seen_at (and a session past a timeout ends there).
  if (hit?.session && nowMs < hit.session.expiresAt && nowMs - hit.session.lastSeenAt < touchIntervalMs(policy)) return hit.actor;
  if (hit) cache.delete(key);
  const generation = cache.generation;
  const session = await resolveSession(database.db, token, now, policy);
  const user = session ? await loadActorUser(database.db, session.userId) : null;
  if (!session || !user) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  const cached: CachedSession = { idHash: session.idHash, csrfToken: session.csrfToken, mfaVerified: session.mfaVerified, expiresAt: session.expiresAt, lastSeenAt: session.lastSeenAt };
  const actor = sessionActor(user, cached);
  cache.set(key, { actor, session: cached, loadedAt: nowMs }, generation);
  return actor;
}

type LoadedUser = NonNullable<Awaited<ReturnType<typeof loadActorUser>>>;

/**
 * A token obeys the MFA policy like a session: while a role of its user requires MFA, it works only when the
 * user's TOTP is in force and the token was made from a session that passed it (api-tokens.service.ts).
 */
function tokenActor(user: LoadedUser, madeWithMfa: boolean): Actor {
  const { mfaRequired, ...actorUser } = user;
  return frozen({ ...actorUser, via: 'token', tokenMfaMissing: mfaRequired && !(user.totpEnabled && madeWithMfa) });
}

function sessionActor(user: LoadedUser, session: CachedSession): Actor {
  const { mfaRequired, ...actorUser } = user;
  const mfaPending = isMfaPending(session, { mfaRequired, totpEnabled: user.totpEnabled });
  return frozen({ ...actorUser, via: 'session', session: { idHash: session.idHash, csrfToken: session.csrfToken, mfaPending, mfaVerified: session.mfaVerified } });
}

/** One actor object serves many requests from the cache: freezing it makes any attempt to change it fail loudly. */
function frozen(actor: Actor): Actor {
  Object.freeze(actor.roles);
  Object.freeze(actor.areaScopes);
  if (actor.session) Object.freeze(actor.session);
  return Object.freeze(actor);
}

function enforceAccess(request: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  const actor = request.actor;
  if (!actor) throw new AppError('auth.required', 401, 'Log in first');
  if (actor.session) {
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !constantTimeEqual(header, actor.session.csrfToken)) {
        throw new AppError('auth.csrf', 403, 'Missing or wrong X-CSRF-Token header');
      }
    }
    if (actor.session.mfaPending && !request.routeOptions.config.allowDuringMfaEnrolment) {
      if (actor.totpEnabled) throw new AppError('auth.mfa_required', 403, 'Enter the code from your authenticator app first');
      throw new AppError('auth.mfa_enrolment_required', 403, 'Your role requires two-factor authentication: set it up first');
    }
  }
  if (actor.via === 'token') {
    if (actor.tokenMfaMissing) {
      throw new AppError('auth.token_mfa_required', 403, 'The role of this token’s user requires two-factor authentication: set it up and make a new token from a session that passed it');
    }
    if (access !== 'authenticated' && TOKEN_EXCLUDED_PERMISSIONS.has(access)) {
      throw new AppError('auth.token_not_allowed', 403, 'An API token cannot read identities; log in as a person to do this');
    }
  }
  if (access !== 'authenticated' && !actorPermissions(actor).has(access)) {
    throw new AppError('forbidden', 403, 'You are not allowed to do this');
  }
}

/** For route handlers behind a non-public access rule: the actor is known there. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required', 401, 'Log in first');
  return request.actor;
}
