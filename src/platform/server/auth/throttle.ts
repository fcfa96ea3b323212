import { sql, type Kysely } from 'kysely';
import type { Database } from '../db-schema.js';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
}

// One IP may fail for several users (an office behind one NAT address) before it is held back.
const IP_FACTOR = 4;

/**
 * Seconds to wait before another login attempt for this username or from this IP, or 0.
 * Counted in the database so the limit holds across restarts and instances. An attempt still being
 * checked counts as a failure (see reserveLoginAttempt).
 */
export async function loginRetryAfterSeconds(
  db: Kysely<Database>,
  username: string,
  ip: string,
  now: Date,
  policy: ThrottlePolicy,
): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000);
  const { rows } = await sql<{ by_user: number; by_ip: number; oldest_user: Date | null; oldest_ip: Date | null }>`
    SELECT
      count(*) FILTER (WHERE username = ${username})::int AS by_user,
      count(*) FILTER (WHERE ip = ${ip})::int AS by_ip,
      min(at) FILTER (WHERE username = ${username}) AS oldest_user,
      min(at) FILTER (WHERE ip = ${ip}) AS oldest_ip
    FROM login_attempts
    WHERE NOT succeeded AND at > ${since} AND (username = ${username} OR ip = ${ip})`.execute(db);
  const r = rows[0];
  if (!r) return 0;
  const waits: number[] = [];
  if (r.by_user >= policy.maxFailures && r.oldest_user) waits.push(secondsUntil(r.oldest_user, policy, now));
  if (r.by_ip >= policy.maxFailures * IP_FACTOR && r.oldest_ip) waits.push(secondsUntil(r.oldest_ip, policy, now));
  return waits.length ? Math.max(1, ...waits) : 0;
}

export type LoginReservation = { attemptId: string; retryAfter: 0 } | { attemptId: null; retryAfter: number };

/**
 * Reserves one login attempt before the password (or code) is checked, or says how long to wait.
 * Checking the count and recording the attempt are one step under advisory locks on the username and the
 * IP (taken in that order, so two reservations never wait on each other crosswise), so concurrent attempts
 * are counted one after another, in the database, across processes. The attempt is stored as failed and
 * only turned into a success by markLoginAttemptSucceeded: a burst of simultaneous guesses gets no more
 * tries than the same guesses one by one, and an attempt that never finishes (a crash) still counts.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  username: string,
  ip: string,
  now: Date,
  policy: ThrottlePolicy,
): Promise<LoginReservation> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`wijkregie.login.user:${username}`}, 0))`.execute(tx);
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`wijkregie.login.ip:${ip}`}, 0))`.execute(tx);
    const retryAfter = await loginRetryAfterSeconds(tx, username, ip, now, policy);
    if (retryAfter > 0) return { attemptId: null, retryAfter };
    const row = await tx.insertInto('login_attempts').values({ username, ip, succeeded: false, at: now }).returning('id').executeTakeFirstOrThrow();
    return { attemptId: String(row.id), retryAfter: 0 };
  });
}

/** The reserved attempt turned out right: it no longer counts toward the limit. */
export async function markLoginAttemptSucceeded(db: Kysely<Database>, attemptId: string): Promise<void> {
  await db.updateTable('login_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
}

function secondsUntil(oldest: Date, policy: ThrottlePolicy, now: Date): number {
  return Math.ceil((new Date(oldest).getTime() + policy.windowMinutes * 60_000 - now.getTime()) / 1000);
}

export async function pruneLoginAttempts(db: Kysely<Database>, now: Date, policy: ThrottlePolicy): Promise<void> {
  const before = new Date(now.getTime() - policy.windowMinutes * 60_000 * 4);
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
