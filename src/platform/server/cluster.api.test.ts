import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../test/support/test-app.js';
import { itOn } from '../../../test/support/per-database.js';
import { buildApp } from './app.js';
import { announceChangeOverPool } from './cluster-notify.js';
import { databaseJobClaims, type JobTurn } from './job-claims.js';

/**
 * Two apps on one database, each with its own caches and link, as two server processes would be (the
 * crash suite starts real ones: test/crash/several-instances.crash.test.ts). Caches last a minute here, so
 * whatever is seen sooner came through an announcement.
 */

let t: TestApp;
let other: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp({ AUTH_CACHE_SECONDS: '60', READ_CACHE_SECONDS: '3600' });
  other = await buildApp({ config: t.config, database: t.database, clock: t.clock.now, version: 'test' }, { logger: false, webDistDir: '/nonexistent' });
  await other.ready();
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const session = (app: FastifyInstance, user: TestSession) => app.inject({ url: '/api/v1/session', headers: { cookie: user.cookie } });

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const ANALYST = 'Demo Analist';

async function rename(username: string, displayName: string): Promise<void> {
  await sql`UPDATE users SET display_name = ${displayName} WHERE username = ${username}`.execute(t.database.db);
}

async function displayName(app: FastifyInstance, user: TestSession): Promise<string> {
  const response = await session(app, user);
  expect(response.statusCode).toBe(200);
  return response.json<{ user: { displayName: string } }>().user.displayName;
}

describe('caches of several apps on one database', () => {
  itOn('postgres', 'a user disabled through one app is refused by the other at the next request', async () => {
    const administrator = await t.login('beheerder');
    const user = await t.login('corporatie');
    expect((await session(other, user)).statusCode).toBe(200);
    const users = (await t.app.inject({ url: '/api/v1/users', headers: { cookie: administrator.cookie } })).json<{ items: { id: string; username: string }[] }>();
    const id = users.items.find((item) => item.username === 'corporatie')?.id;
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: administrator.headers, payload: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect((await session(other, user)).statusCode).toBe(401);
  });

  itOn('pglite', 'one process by construction, no link, caches always on', () => {
    expect(t.app.cluster.link).toBeNull();
    expect(t.app.cluster.caches.isTrusted).toBe(true);
  });

  itOn('postgres', 'remembers nothing while its link is down, and starts empty when it is back', async () => {
    expect(other.cluster.link?.hearing).toBe(true);
    const user = await t.login('analist');
    expect(await displayName(other, user)).toBe(ANALYST);
    // Changed behind the apps' backs: only an announcement or the time limit would tell a trusting cache.
    await rename('analist', 'Renamed once');
    expect(await displayName(other, user)).toBe(ANALYST);

    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'wijkregie-link' AND datname = current_database()`.execute(t.database.db);
    await until(() => other.cluster.link?.hearing === false);
    expect(other.cluster.caches.isTrusted).toBe(false);
    expect(await displayName(other, user)).toBe('Renamed once');
    await rename('analist', 'Renamed twice');
    expect(await displayName(other, user)).toBe('Renamed twice');

    await until(() => other.cluster.link?.hearing === true && t.app.cluster.link?.hearing === true);
    expect(other.cluster.caches.isTrusted).toBe(true);
    expect(await displayName(other, user)).toBe('Renamed twice');
    await rename('analist', 'Renamed by a command');
    // Remembered again; a command-line change announces itself (as every CLI command does) and counts.
    expect(await displayName(other, user)).toBe('Renamed twice');
    await announceChangeOverPool(t.database.db);
    // Nobody waits for a command's announcement to arrive; it does, within moments.
    while ((await displayName(other, user)) === 'Renamed twice') await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await displayName(other, user)).toBe('Renamed by a command');
    await rename('analist', ANALYST);
  });
});

describe('job claims on the database', () => {
  it('of two processes asking at once, one runs the job; the other waits for the next interval', async () => {
    const first = databaseJobClaims(t.database.db, 'first', t.app.cluster.link);
    const second = databaseJobClaims(t.database.db, 'second', other.cluster.link);
    const outcomes = await Promise.all([first.claim('test.once', 3600), second.claim('test.once', 3600)]);
    const turns = outcomes.filter((outcome): outcome is JobTurn => typeof outcome !== 'string');
    expect(turns).toHaveLength(1);
    expect(outcomes.filter((outcome) => typeof outcome === 'string')).toEqual([expect.stringMatching(/ran within its interval|runs in another instance/)]);
    await turns[0]?.done();
    expect(await first.claim('test.once', 3600)).toBe('ran within its interval');
    // Due again (as if an hour had passed): the next claim gets it.
    await sql`UPDATE coordination.job_runs SET started_at = now() - interval '2 hours' WHERE job = 'test.once'`.execute(t.database.db);
    const again = await second.claim('test.once', 3600);
    expect(typeof again).toBe('object');
    await (again as JobTurn).done();
  });

  itOn('postgres', 'a run still in progress keeps the job from a second process, even when it is due', async () => {
    const first = databaseJobClaims(t.database.db, 'first', t.app.cluster.link);
    const second = databaseJobClaims(t.database.db, 'second', other.cluster.link);
    const turn = await first.claim('test.slow', 1);
    expect(typeof turn).toBe('object');
    await sql`UPDATE coordination.job_runs SET started_at = now() - interval '1 hour' WHERE job = 'test.slow'`.execute(t.database.db);
    expect(await second.claim('test.slow', 1)).toBe('runs in another instance');
    await (turn as JobTurn).done();
    const next = await second.claim('test.slow', 1);
    expect(typeof next).toBe('object');
    await (next as JobTurn).done();
  });
});
