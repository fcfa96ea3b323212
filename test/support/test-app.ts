import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/platform/server/app.js';
import { loadConfig, type AppConfig } from '../../src/platform/server/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/server/db.js';
import { migrate } from '../../src/platform/server/migrate.js';
import { SERVER_MODULES } from '../../src/platform/server/modules.js';
import { databaseFromTemplate } from './template-db.js';

/**
 * The app in-process on a fresh, migrated database with the demo accounts: PGlite in memory, or a new
 * database on the test PostgreSQL server (TEST_DB=postgres, started by global-setup.ts).
 */
export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: AppConfig;
  clock: TestClock;
  /** Logs a demo user in; returns what a browser would hold. */
  login(username: string, password?: string): Promise<TestSession>;
  close(): Promise<void>;
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  /** Headers for a state-changing request with this session. */
  headers: Record<string, string>;
}

export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advanceMinutes(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }
}

export function testDbKind(): 'pglite' | 'postgres' {
  return inject('postgresUrl') ? 'postgres' : 'pglite';
}

export async function createTestDatabase(): Promise<{ handle: DatabaseHandle; url: string | undefined }> {
  const serverUrl = inject('postgresUrl');
  if (!serverUrl) return { handle: await openDatabase({}), url: undefined };
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) });
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
  await admin.destroy();
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  return { handle: await openDatabase({ databaseUrl: url, poolSize: 5 }), url };
}

export interface TestAppOptions {
  logStream?: NodeJS.WritableStream;
  /**
   * Which demo data to seed: the accounts only (the default: most suites need no figures, and the CBS
   * data takes seconds to load), everything `npm start` seeds in demo mode, or the demo data of the named
   * modules (with the accounts; list what the named ones build on, e.g. programmes needs indicators and areas).
   */
  demoData?: 'accounts' | 'all' | readonly string[];
}

export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000', ...env });
  const seeded = SERVER_MODULES.filter(
    (module) => options.demoData === 'all' || module.name === 'auth' || (Array.isArray(options.demoData) && options.demoData.includes(module.name)),
  );
  // What the seed depends on: which modules seed, and the secret pseudonyms are derived with.
  const contentKey = JSON.stringify({ modules: seeded.map((module) => module.name), secret: config.sessionSecret });
  const { handle: database } = await databaseFromTemplate(contentKey, async (building) => {
    await migrate(building.db);
    for (const module of seeded) await module.seedDemo?.(building.db, config);
  });
  const clock = new TestClock();
  const app = await buildApp({ config, database, clock: clock.now, version: 'test' }, {
    logger: options.logStream !== undefined,
    logStream: options.logStream,
    webDistDir: '/nonexistent',
  });
  await app.ready();
  const login = async (username: string, password = 'demo'): Promise<TestSession> => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    return sessionFrom(response);
  };
  return {
    app,
    database,
    config,
    clock,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export function sessionFrom(response: LightMyRequestResponse): TestSession {
  const setCookie = response.cookies.find((c) => c.name === 'wr_session');
  if (!setCookie) throw new Error('no session cookie set');
  const body = response.json<{ csrfToken: string; user: { id: string } }>();
  const cookie = `wr_session=${setCookie.value}`;
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

export async function countRows(database: DatabaseHandle, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db);
  return rows[0]?.n ?? 0;
}
