// Read throughput with one and with two server processes on one PostgreSQL (docs/operations.md, "Several
// instances"): the built server as `npm start` runs it, in demo mode, a cached figures read with a bearer
// token (the choropleth values of Dordrecht's buurten), autocannon in this process. The same 10 connections
// go to one process, or half to each of two; the rounds alternate, with the caches on (the default) and off.
// Run: npm run bench -- instances     (BENCH_ROUNDS: rounds per setting, default 3; BENCH_SECONDS: 5)
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { apiTokenHash, newApiTokenValue } from '../src/platform/server/index.js';
import { serverEnv, startServer, type ServerProcess } from '../test/crash/server-process.js';
import { startTestPostgres } from '../test/support/postgres-server.js';
import { ensureServerBuilt } from '../test/support/server-build.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUTE = '/api/v1/indicators/inhabitants/values?municipality=GM0505&level=buurt&period=2020';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Requests per second of `connections` connections to each of `servers`, all at once. Each client reads as
 * another user, in turn: the rate limit (at its highest, 100,000 a minute per user) counts across instances.
 */
let turn = 0;
async function throughput(servers: ServerProcess[], connections: number, tokens: string[]): Promise<number> {
  const results = await Promise.all(
    servers.map((server) => {
      const token = tokens[turn++ % tokens.length] ?? '';
      return autocannon({ url: `${server.baseUrl}${ROUTE}`, connections, duration: SECONDS, headers: { authorization: `Bearer ${token}` } });
    }),
  );
  for (const result of results) if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return results.reduce((sum, result) => sum + result.requests.average, 0);
}

async function measure(label: string, a: ServerProcess, b: ServerProcess, tokens: string[]): Promise<void> {
  const one: number[] = [];
  const two: number[] = [];
  await throughput([a, b], 2, tokens); // warm up both
  for (let round = 0; round < ROUNDS; round += 1) {
    // Two clients of 5 connections in both cases, so only where they go differs.
    one.push(await throughput([a, a], 5, tokens));
    two.push(await throughput([a, b], 5, tokens));
  }
  console.log(
    `${label}: one instance median ${median(one).toFixed(0)} req/s (rounds ${one.map((n) => n.toFixed(0)).join(', ')}); ` +
      `two instances median ${median(two).toFixed(0)} req/s (rounds ${two.map((n) => n.toFixed(0)).join(', ')}); ratio ${(median(two) / median(one)).toFixed(2)}`,
  );
}

export async function benchInstances(): Promise<void> {
  await ensureServerBuilt();
  const work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-bench-instances-'));
  const postgres = await startTestPostgres();
  const running: ServerProcess[] = [];
  const stop = async (server: ServerProcess) => {
    server.kill('SIGTERM');
    await server.exited;
  };
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('CREATE DATABASE wijkregie');
    await admin.end();
    const env = (extra: Record<string, string>) => ({ ...serverEnv({ databaseUrl: postgres.urlFor('wijkregie') }, work), ...extra });
    // The first start loads the demo data alone; then a token for each demo user (every role reads figures).
    const seeding = await startServer(env({}));
    await stop(seeding);
    const db = new pg.Client({ connectionString: postgres.urlFor('wijkregie') });
    await db.connect();
    const tokens: string[] = [];
    for (const { id } of (await db.query<{ id: string }>('SELECT id FROM users WHERE disabled_at IS NULL ORDER BY username')).rows) {
      const value = newApiTokenValue();
      await db.query(`INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, created_by) VALUES ($1, 'bench', $2, $3, $1)`, [id, apiTokenHash(value), value.slice(0, 8)]);
      tokens.push(value);
    }
    await db.end();
    console.log(`${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}; ${ROUNDS} rounds of ${SECONDS} s per setting`);
    for (const [label, extra] of [
      ['caches on (default)', {}],
      ['caches off (AUTH_CACHE_SECONDS=0 READ_CACHE_SECONDS=0)', { AUTH_CACHE_SECONDS: '0', READ_CACHE_SECONDS: '0' }],
    ] as const) {
      const [a, b] = await Promise.all([startServer(env(extra)), startServer(env(extra))]);
      running.push(a, b);
      await measure(label, a, b, tokens);
      await Promise.all([stop(a), stop(b)]);
      running.length = 0;
    }
  } finally {
    for (const server of running) server.kill('SIGKILL');
    postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
