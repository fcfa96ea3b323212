import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/platform/server/migrate.js';
import { createTestApp, testDbKind, type TestApp } from '../support/test-app.js';

/**
 * GET /api/v1/ready (docs/operations.md): 200 while the database answers and every migration is applied,
 * a problem+json 503 when the database is gone, a migration is pending, or the server shuts down. Liveness
 * (/api/v1/health) keeps its shape whatever readiness says.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
});
afterAll(() => t.close());

async function expectNotReady(app: TestApp['app'], detail: RegExp): Promise<void> {
  const response = await app.inject({ url: '/api/v1/ready' });
  expect(response.statusCode).toBe(503);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:not_ready', title: 'Service unavailable', status: 503 });
  expect(response.json<{ detail: string }>().detail).toMatch(detail);
}

describe('readiness', () => {
  it('is ready on a migrated database, with every migration of this build counted', async () => {
    const response = await t.app.inject({ url: '/api/v1/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', database: testDbKind(), migrations: { applied: readMigrations().length, pending: 0 } });
  });

  it('is public and not rate-limited, like health (probes come every few seconds)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.app.inject({ url: '/api/v1/ready' })).statusCode);
    expect(statuses).toEqual(Array(8).fill(200));
    // A broken bearer credential does not stop a public route.
    expect((await t.app.inject({ url: '/api/v1/ready', headers: { authorization: 'Bearer not-a-token' } })).statusCode).toBe(200);
  });

  it('answers 503 naming the migration while one is pending, and 200 again once it is applied', async () => {
    const last = readMigrations().at(-1);
    if (!last) throw new Error('no migrations');
    const { rows } = await sql<{ checksum: string; applied_at: Date }>`SELECT checksum, applied_at FROM schema_migrations WHERE name = ${last.name}`.execute(t.database.db);
    const row = rows[0];
    if (!row) throw new Error('last migration not recorded');
    await sql`DELETE FROM schema_migrations WHERE name = ${last.name}`.execute(t.database.db);
    try {
      await expectNotReady(t.app, new RegExp(`^1 migration\\(s\\) not applied: ${last.name.replace(/\./g, '\\.')}$`));
      // Liveness is another question: the process is alive and stays so.
      expect((await t.app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok', database: testDbKind(), version: 'test' });
    } finally {
      await sql`INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (${last.name}, ${row.checksum}, ${row.applied_at})`.execute(t.database.db);
    }
    expect((await t.app.inject({ url: '/api/v1/ready' })).statusCode).toBe(200);
  });

  it('answers 503 when the database does not answer in time', async () => {
    // A transaction holds the migrations table locked: on PostgreSQL the readiness query waits for the lock,
    // on PGlite for its only connection, which the transaction holds; either way until the check's timeout.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding: () => void = () => {};
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    const transaction = t.database.db.transaction().execute(async (tx) => {
      await sql`LOCK TABLE schema_migrations IN ACCESS EXCLUSIVE MODE`.execute(tx);
      holding();
      await held;
    });
    await isHolding;
    try {
      await expectNotReady(t.app, /^The database did not answer within \d+ ms$/);
    } finally {
      release();
      await transaction;
    }
    expect((await t.app.inject({ url: '/api/v1/ready' })).statusCode).toBe(200);
  });

  it('answers 503 when the database is gone', async () => {
    const other = await createTestApp();
    try {
      await other.database.close();
      await expectNotReady(other.app, /^The database cannot be reached or is not migrated$/);
      expect((await other.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await other.app.close();
    }
  });

  it('answers 503 once the server has begun to shut down', async () => {
    const other = await createTestApp();
    try {
      const closing = other.app.close();
      // From here the load balancer must stop sending: depending on how far close() got, the route answers
      // "shutting down" itself or Fastify answers every route with 503 while it drains.
      const response = await other.app.inject({ url: '/api/v1/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toMatch(/shutting down|Service Unavailable/);
      await closing;
    } finally {
      await other.database.close();
    }
  });

  it('is in the OpenAPI document with its answer', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, { get?: { responses?: Record<string, unknown> } }> }>();
    expect(doc.paths['/api/v1/ready']?.get?.responses?.['200']).toBeDefined();
  });
});
