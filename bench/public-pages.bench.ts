// The public area page's JSON under load (docs/publicpages.md, "Speed"): the built server as `npm start` runs
// it (PGlite, demo data), autocannon in this process against GET /api/v1/public/areas/FAdordt-west, and at the
// same time a logged-in reader (the programme manager's session) asking GET /api/v1/programmes/{id} one request
// after another, to show what the public traffic does to everyone else's.
//  1. the logged-in route alone (baseline);
//  2. the public page held at a fixed 1,000 requests/s (autocannon overallRate) + the logged-in route;
//  3. the public page as fast as it goes (10 connections) + the logged-in route.
// The public API's own per-IP limit (PUBLIC_RATE_LIMIT_PER_MINUTE, 1,200 by default) is raised here: all the
// load comes from one address. The logged-in route keeps RATE_LIMIT_PER_MINUTE at its default of 600.
// Run: npm run bench -- public-pages     (BENCH_SECONDS: seconds per loaded phase, default 10)
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import autocannon from 'autocannon';
import { login, serverEnv, sessionHeaders, startServer, type ServerProcess } from '../test/crash/server-process.js';
import { ensureServerBuilt } from '../test/support/server-build.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PUBLIC_ROUTE = '/api/v1/public/areas/FAdordt-west';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const fmt = (xs: number[]) => `median ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms (n=${xs.length})`;

/** The logged-in route, one request after another, until `until` resolves (or `count` requests when it is null). */
async function loggedInLatencies(server: ServerProcess, headers: Record<string, string>, url: string, until: Promise<unknown> | null, count = 150): Promise<number[]> {
  let done = false;
  void until?.then(() => (done = true));
  const times: number[] = [];
  // Spaced out a little, as people click: the route is read a few times a second, not flooded.
  while (until ? !done : times.length < count) {
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}${url}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}

function check(result: autocannon.Result): void {
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`public page: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
}

export async function benchPublicPages(): Promise<void> {
  await ensureServerBuilt();
  const work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-bench-public-'));
  let server: ServerProcess | null = null;
  try {
    const env = { ...serverEnv({ dataDir: path.join(work, 'data') }, work), RATE_LIMIT_PER_MINUTE: '600', PUBLIC_RATE_LIMIT_PER_MINUTE: '10000000' };
    server = await startServer(env);
    const session = await login(server.baseUrl, 'regisseur');
    const headers = sessionHeaders(session);
    const programmes = (await (await fetch(`${server.baseUrl}/api/v1/programmes`, { headers })).json()) as { items: { id: string }[] };
    const loggedInRoute = `/api/v1/programmes/${programmes.items[0]?.id ?? ''}`;
    const page = await fetch(`${server.baseUrl}${PUBLIC_ROUTE}`);
    if (page.status !== 200) throw new Error(`public page: ${page.status} (is the demo programme published?)`);
    const bytes = (await page.arrayBuffer()).byteLength;
    console.log(`${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}; public page ${bytes} bytes of JSON; ${SECONDS} s per loaded phase`);

    await loggedInLatencies(server, headers, loggedInRoute, null, 20); // warm up
    const alone = await loggedInLatencies(server, headers, loggedInRoute, null);
    console.log(`logged-in GET /api/v1/programmes/{id} alone: ${fmt(alone)}`);

    // Enough connections that the rate holds while an answer is recomputed (every READ_CACHE_SECONDS, or after a change).
    const fixed = autocannon({ url: `${server.baseUrl}${PUBLIC_ROUTE}`, connections: 50, overallRate: 1000, duration: SECONDS });
    const underFixed = await loggedInLatencies(server, headers, loggedInRoute, fixed);
    const fixedResult = await fixed;
    check(fixedResult);
    console.log(
      `public page held at 1,000 req/s: ${fixedResult.requests.average.toFixed(0)} req/s served (${fixedResult.requests.total} requests), latency median ${fixedResult.latency.p50} ms, p99 ${fixedResult.latency.p99} ms; ` +
        `logged-in route meanwhile: ${fmt(underFixed)}`,
    );

    const flat = autocannon({ url: `${server.baseUrl}${PUBLIC_ROUTE}`, connections: 10, duration: SECONDS });
    const underFlat = await loggedInLatencies(server, headers, loggedInRoute, flat);
    const flatResult = await flat;
    check(flatResult);
    console.log(
      `public page as fast as it goes (10 connections): ${flatResult.requests.average.toFixed(0)} req/s (${flatResult.requests.total} requests), latency median ${flatResult.latency.p50} ms, p99 ${flatResult.latency.p99} ms; ` +
        `logged-in route meanwhile: ${fmt(underFlat)}`,
    );
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await server.exited;
    }
    rmSync(work, { recursive: true, force: true });
  }
}
