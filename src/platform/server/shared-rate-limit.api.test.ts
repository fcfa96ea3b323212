import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { itOn } from '../../../test/support/per-database.js';
import { buildApp } from './app.js';

/**
 * RATE_LIMIT_PER_MINUTE across two apps on one database, as two server processes would share it. The
 * counts are exchanged every second; the test exchanges them itself instead of waiting.
 */

const LIMIT = 10;
let t: TestApp;
let other: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  other = await buildApp({ config: t.config, database: t.database, clock: t.clock.now, version: 'test' }, { logger: false, webDistDir: '/nonexistent' });
  await other.ready();
  // Well inside a minute, so the counts do not start again halfway through the test.
  const now = t.clock.now().getTime();
  t.clock.advanceMinutes((60_000 - (now % 60_000) + 1_000) / 60_000);
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const meta = (app: FastifyInstance) => app.inject({ url: '/api/v1/meta', remoteAddress: '192.0.2.44' });

describe('rate limit of several apps on one database', () => {
  itOn('postgres', 'refuses a client once the apps together counted the limit', async () => {
    for (let i = 0; i < LIMIT - 2; i += 1) expect((await meta(t.app)).statusCode).toBe(200);
    await t.app.cluster.rateLimit?.flush();
    // Not seen by the other app this minute: it counts alone until its exchange (within a second).
    expect((await meta(other)).statusCode).toBe(200);
    await other.cluster.rateLimit?.flush();
    expect((await meta(other)).statusCode).toBe(200);
    const refused = await meta(other);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Once both have exchanged again, the first app knows the other's hits too.
    await other.cluster.rateLimit?.flush();
    await t.app.cluster.rateLimit?.flush();
    expect((await meta(t.app)).statusCode).toBe(429);
    // Another client is not affected.
    expect((await t.app.inject({ url: '/api/v1/meta', remoteAddress: '192.0.2.45' })).statusCode).toBe(200);
  });

  itOn('pglite', 'counts in the process, writing nothing', async () => {
    expect(t.app.cluster.rateLimit).toBeNull();
    for (let i = 0; i < LIMIT; i += 1) expect((await meta(t.app)).statusCode).toBe(200);
    expect((await meta(t.app)).statusCode).toBe(429);
    expect(await countRows(t.database, 'coordination.rate_limit_hits')).toBe(0);
  });
});
