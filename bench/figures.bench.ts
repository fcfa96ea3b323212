// Choropleth values over all NL buurten, the area profile with references, and read-route throughput
// against a bare Fastify route, on PostgreSQL and PGlite with a national-scale synthetic data set.
// Run: npm run bench -- figures     (BENCH_PG_YEARS / BENCH_PGLITE_YEARS: how many years to generate, default
// 10 as the target data set; BENCH_THROUGHPUT_ROUNDS: autocannon rounds, default 3)
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/platform/server/app.js';
import { loadConfig } from '../src/platform/server/config.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/server/db.js';
import { migrate } from '../src/platform/server/migrate.js';
import { apiTokenHash, newApiTokenValue, type Actor } from '../src/platform/server/index.js';
import { authModule } from '../src/modules/auth/index.js';
import { getAreaProfile } from '../src/modules/indicators/server/profile.service.js';
import { getIndicatorValues } from '../src/modules/indicators/server/values.service.js';
import { startTestPostgres } from '../test/support/postgres-server.js';
import { generateNationalData, NATIONAL } from './national-data.js';

const RUNS = 50;
const THROUGHPUT_ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 3);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const fmt = (xs: number[]) => `median ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms (n=${xs.length})`;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i += 1) await fn(); // warm up
  const out: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

async function throughput(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: 5, headers });
  return result.requests.average;
}

async function benchOn(label: string, database: DatabaseHandle, years: number[]): Promise<void> {
  await migrate(database.db);
  await authModule.seedDemo?.(database.db);
  const started = performance.now();
  const data = await generateNationalData(database.db, { ...NATIONAL, indicators: 130, years });
  console.log(`${label}: ${data.buurten} buurten, ${data.wijken} wijken, 342 gemeenten, 130 indicators × ${years.length} year(s) = ${data.values} values, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const year = years[years.length - 1] ?? 2024;
  const analyst = await database.db.selectFrom('users').select('id').where('username', '=', 'analist').executeTakeFirstOrThrow();
  const actor = { userId: analyst.id, username: 'analist', displayName: 'analist', organisationId: '', organisationName: '', organisationKind: '', roles: ['analyst'], areaScopes: [], locale: 'nl', totpEnabled: false, via: 'token' } satisfies Actor;

  const choropleth = await time(async () => {
    const r = await getIndicatorValues(database.db, { indicator: 'bench_indicator_007', level: 'buurt', period: year });
    if (r.items.length !== data.buurten) throw new Error('wrong count');
  });
  console.log(`${label}: choropleth, one indicator over all ${data.buurten} buurten (service): ${fmt(choropleth)}`);
  const profile = await time(() => getAreaProfile(database.db, actor, data.sampleBuurt, year));
  console.log(`${label}: area profile, 130 indicators with municipality and national reference (service): ${fmt(profile)}`);

  const token = newApiTokenValue();
  await sql`INSERT INTO api_tokens (user_id, name, token_hash, token_prefix, created_by) VALUES (${analyst.id}, 'bench', ${apiTokenHash(token)}, ${token.slice(0, 8)}, ${analyst.id})`.execute(database.db);
  // Two apps on the same data: one as configured by default (caches on), one that always asks the database.
  const serve = async (env: Record<string, string>) => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000', ...env });
    const app = await buildApp({ config, database, clock: () => new Date(), version: 'bench' }, { logger: false, webDistDir: '/nonexistent' });
    return { app, address: await app.listen({ port: 0, host: '127.0.0.1' }) };
  };
  const cached = await serve({});
  const uncached = await serve({ READ_CACHE_SECONDS: '0', AUTH_CACHE_SECONDS: '0' });
  const nationalChoropleth = `/api/v1/indicators/bench_indicator_007/values?level=buurt&period=${year}`;
  const overHttp = await time(async () => {
    const r = await fetch(`${uncached.address}${nationalChoropleth}`, { headers: { authorization: `Bearer ${token}` } });
    await r.arrayBuffer();
  });
  console.log(`${label}: choropleth over HTTP incl. auth and JSON (${data.buurten} items), no caches: ${fmt(overHttp)}`);
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });
  const route = `/api/v1/indicators/bench_indicator_007/values?municipality=GM0171&level=buurt&period=${year}`;
  // Alternate the three for a few rounds and take the median ratio: on a noisy 2-core machine one
  // 8-second window can be off by a third either way.
  const ratios: { bare: number; cached: number; compressed: number; uncached: number }[] = [];
  for (let round = 0; round < THROUGHPUT_ROUNDS; round += 1) {
    const bareRps = await throughput(`${bareAddress}/bare`, {});
    const cachedRps = await throughput(`${cached.address}${route}`, { authorization: `Bearer ${token}` });
    // As a browser asks: the answer (a few KB) is then compressed on the fly.
    const compressedRps = await throughput(`${cached.address}${route}`, { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br, zstd' });
    const uncachedRps = await throughput(`${uncached.address}${route}`, { authorization: `Bearer ${token}` });
    ratios.push({ bare: bareRps, cached: cachedRps / bareRps, compressed: compressedRps / bareRps, uncached: uncachedRps / bareRps });
  }
  const median = (xs: number[]) => pct(xs, 0.5);
  console.log(
    `${label}: autocannon 10 connections, ${THROUGHPUT_ROUNDS} rounds of 5 s each: bare route median ${median(ratios.map((r) => r.bare)).toFixed(0)} req/s; ` +
      `GET values (one gemeente, 40 buurten, bearer token) with caches: median ratio ${median(ratios.map((r) => r.cached)).toFixed(2)} ` +
      `(rounds ${ratios.map((r) => r.cached.toFixed(2)).join(', ')}); the same with a browser's Accept-Encoding: ${median(ratios.map((r) => r.compressed)).toFixed(2)} ` +
      `(rounds ${ratios.map((r) => r.compressed.toFixed(2)).join(', ')}); without caches: ${median(ratios.map((r) => r.uncached)).toFixed(2)}`,
  );
  await bare.close();
  await cached.app.close();
  await uncached.app.close();
}

export async function benchFigures(): Promise<void> {
  const pgYears = Number(process.env.BENCH_PG_YEARS ?? 10);
  const pgliteYears = Number(process.env.BENCH_PGLITE_YEARS ?? 10);
  const server = await startTestPostgres();
  try {
    const pg = await openDatabase({ databaseUrl: server.url, poolSize: 10 });
    try {
      await benchOn('PostgreSQL', pg, Array.from({ length: pgYears }, (_, i) => 2025 - pgYears + 1 + i));
    } finally {
      await pg.close();
    }
  } finally {
    server.stop();
  }
  const lite = await openDatabase({});
  try {
    await benchOn('PGlite', lite, Array.from({ length: pgliteYears }, (_, i) => 2025 - pgliteYears + 1 + i));
  } finally {
    await lite.close();
  }
}
