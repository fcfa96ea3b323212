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
import { login, serverEnv, sessionHeaders, startServer, type ServerProcess } from '../test/crash/server-process.js';
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

/** Median ms of a small change (a user's language) through `server`, one after another: each announces itself. */
async function changeLatency(server: ServerProcess, count = 200): Promise<number> {
  const session = await login(server.baseUrl, 'analist');
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}/api/v1/me`, { method: 'PATCH', headers: sessionHeaders(session), body: JSON.stringify({ locale: i % 2 ? 'nl' : 'en' }) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`PATCH /api/v1/me: ${response.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function benchInstances(): Promise<void> {
  await ensureServerBuilt();
  const work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-bench-instances-'));
  const postgres = await startTestPostgres();
  const running: ServerProcess[] = [];
  const stopped = new Set<ServerProcess>();
  const stop = async (server: ServerProcess) => {
    stopped.add(server);
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
      if (label === 'caches on (default)') {
        // What sharing costs a change: the announcement, and waiting for the other instance's answer.
        const withOther = await changeLatency(a);
        await stop(b);
        const alone = await changeLatency(a);
        console.log(`a change (PATCH /api/v1/me, 200 one after another): median ${withOther.toFixed(2)} ms with the other instance answering, ${alone.toFixed(2)} ms alone`);
      }
      for (const server of running) if (!stopped.has(server)) await stop(server);
      running.length = 0;
    }
  } finally {
    for (const server of running) if (!stopped.has(server)) server.kill('SIGKILL');
    postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
