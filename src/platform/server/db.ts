import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './db-schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** What the connection pool reports (pg.Pool's counters), for the metrics. */
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Kysely<Database>;
  poolStats?(): PoolStats;
  /**
   * PostgreSQL server only: a connection of its own, outside the pool, for what must stay on one session
   * (LISTEN for other processes' changes, job locks: cluster-notify.ts). PGlite has one process per database.
   */
  openClient?(applicationName: string): pg.Client;
  /** Flushes PGlite's WAL into its data files; a no-op on a PostgreSQL server, which does this itself. */
  checkpoint(): Promise<void>;
  /** PGlite only: its whole data folder as a tar archive, which `loadDataDir` starts a new instance from. */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL: use that server. Otherwise PGlite in `dataDir`, or in memory when dataDir is absent. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PGlite in memory only: start from this data folder (a `dumpDataDir` archive) instead of an empty one. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

// PGlite runs one backend: every query queues on it. The pool waits this long for that connection
// before failing, so a query issued outside a running transaction shows up as an error, not a hang.
const PGLITE_ACQUIRE_TIMEOUT_MS = 60_000;

/**
 * Opens the database. PGlite is reached exactly like a PostgreSQL server: it is served on a private
 * Unix socket (pglite-socket) and used through `pg` and Kysely, so both databases share one code path.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'wijkregie' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const { rows } = await sql<{ server_version_num: string }>`SHOW server_version_num`.execute(db);
  const version = Number(rows[0]?.server_version_num ?? 0);
  if (version < 150000) {
    await db.destroy();
    throw new Error(`PostgreSQL 15 or newer is required; this server is version ${version}.`);
  }
  return {
    kind: 'postgres',
    db,
    poolStats: () => statsOf(pool, poolSize),
    // TCP keepalive, so a connection whose network path died is noticed even while nothing is sent.
    openClient: (applicationName) => new pg.Client({ connectionString: url, application_name: applicationName, keepAlive: true, keepAliveInitialDelayMillis: 10_000 }),
    checkpoint: async () => {},
    close: () => db.destroy(),
  };
}

function statsOf(pool: pg.Pool, max: number): PoolStats {
  return { max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/**
 * PGlite runs PostgreSQL inside this process, and PostgreSQL's default of 128 MB of shared buffers was most
 * of the server's memory (PGlite touches them all at start). 16 MB keeps the idle server small (measured in
 * the WebAssembly memory's resident pages: 48 MB with 32 MB of buffers, 30 MB with 16); the pages it no
 * longer holds come from the operating system's file cache, and the hot reads from the app's read cache.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

const INITDB_SCRIPT = fileURLToPath(new URL('./pglite-initdb.mjs', import.meta.url));

/** A fresh data folder is made in a child process, so initdb's memory does not stay with the server. */
async function initialisePgliteDir(pgliteDir: string): Promise<void> {
  await promisify(execFile)(process.execPath, [INITDB_SCRIPT, pgliteDir], { timeout: 120_000 });
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<DatabaseHandle> {
  if (dataDir && loadDataDir) throw new Error('loadDataDir starts an in-memory database; it cannot be combined with dataDir');
  let pgliteDir: string | undefined;
  if (dataDir) {
    pgliteDir = path.join(dataDir, 'pgdata');
    mkdirSync(pgliteDir, { recursive: true, mode: 0o700 });
    // The database holds person data and PGlite creates its files readable by everyone: like PostgreSQL,
    // which refuses a data folder others can enter, only the app's own user may enter this one.
    chmodSync(pgliteDir, 0o700);
    if (!existsSync(path.join(pgliteDir, 'PG_VERSION'))) await initialisePgliteDir(pgliteDir);
  }
  const pglite = await PGlite.create({ ...(pgliteDir ? { dataDir: pgliteDir } : loadDataDir ? { loadDataDir } : {}), startParams: PGLITE_START_PARAMS });
  // The socket lives in a fresh folder only this user can enter: PGlite has no authentication.
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-pg-'));
  chmodSync(socketDir, 0o700);
  const server = new PGLiteSocketServer({ db: pglite, path: path.join(socketDir, '.s.PGSQL.5432') });
  await server.start();
  const pool = new pg.Pool({
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: PGLITE_ACQUIRE_TIMEOUT_MS,
    // Keep the one connection: a reconnect can race the socket server's single slot (write EPIPE).
    idleTimeoutMillis: 0,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    poolStats: () => statsOf(pool, 1),
    checkpoint: async () => {
      if (!closed) await sql`CHECKPOINT`.execute(db);
    },
    dumpDataDir: async () => {
      // Checkpoint first, so the archive's data files hold every committed change.
      await sql`CHECKPOINT`.execute(db);
      return pglite.dumpDataDir('none');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await sql`CHECKPOINT`.execute(db);
      } finally {
        await db.destroy();
        await server.stop();
        await pglite.close();
        rmSync(socketDir, { recursive: true, force: true });
      }
    },
  };
}
