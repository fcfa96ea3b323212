import type { Kysely } from 'kysely';
import type { Database } from '../db-schema.js';
import { randomToken, sha256Hex } from './secrets.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteMinutes: number;
}

export interface NewSession {
  token: string;
  idHash: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * last_seen_at is written at most this often, so reads do not each cost a write: a tenth of the idle
 * timeout, at most a minute. The stored time can therefore lag the last request by up to this interval, so
 * the idle deadline counts from last_seen_at plus the interval: a session in use never idles out, and an
 * unused one ends at most one interval after SESSION_IDLE_MINUTES (never before).
 */
export function touchIntervalMs(policy: Pick<SessionPolicy, 'idleMinutes'>): number {
  return Math.min(60_000, (policy.idleMinutes * 60_000) / 10);
}

/** The moment a session last seen at `lastSeenAt` (epoch ms) idles out. */
export function idleDeadline(lastSeenAt: number, policy: Pick<SessionPolicy, 'idleMinutes'>): number {
  return lastSeenAt + policy.idleMinutes * 60_000 + touchIntervalMs(policy);
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  mfaVerified: boolean,
  now: Date,
  policy: SessionPolicy,
): Promise<NewSession> {
  const token = randomToken();
  const idHash = sha256Hex(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteMinutes * 60_000);
  await db
    .insertInto('sessions')
    .values({ id_hash: idHash, user_id: userId, csrf_token: csrfToken, mfa_verified: mfaVerified, created_at: now, last_seen_at: now, expires_at: expiresAt })
    .execute();
  return { token, idHash, csrfToken, expiresAt };
}

export interface ActiveSession {
  idHash: string;
  userId: string;
  csrfToken: string;
  mfaVerified: boolean;
  /** Epoch ms: the absolute end, and the last activity as stored now. */
  expiresAt: number;
  lastSeenAt: number;
}

/**
 * The session behind a cookie token, or null when it is unknown, past its idle or absolute timeout, or
 * its user is disabled. Expired sessions are deleted on sight.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<ActiveSession | null> {
  const idHash = sha256Hex(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.csrf_token', 'sessions.mfa_verified', 'sessions.last_seen_at', 'sessions.expires_at', 'users.disabled_at'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleEnd = idleDeadline(new Date(row.last_seen_at).getTime(), policy);
  if (row.disabled_at !== null || now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() >= idleEnd) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  let lastSeenAt = new Date(row.last_seen_at).getTime();
  if (now.getTime() - lastSeenAt >= touchIntervalMs(policy)) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
    lastSeenAt = now.getTime();
  }
  return { idHash, userId: row.user_id, csrfToken: row.csrf_token, mfaVerified: row.mfa_verified, expiresAt: new Date(row.expires_at).getTime(), lastSeenAt };
}

export async function markSessionMfaVerified(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa_verified: true }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user at once (disable, password or role change). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date, policy: SessionPolicy): Promise<number> {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000 - touchIntervalMs(policy));
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
