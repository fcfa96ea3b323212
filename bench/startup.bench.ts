// Cold start to first page, and memory of the idle server, on PGlite and on PostgreSQL.
// Run: npm run bench -- startup   (the web app must be built: npm run build)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { freePort, startTestPostgres } from '../test/support/postgres-server.js';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 3;

interface Sample {
  firstPageMs: number;
  rssMb: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no answer from ${url}`);
}

async function startOnce(env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/`, child, 120_000);
    const firstPageMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5000)); // idle
    return { firstPageMs, rssMb: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function benchStartup(): Promise<void> {
  if (!existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('Build the web app first: npm run build');
  const results: Record<string, Sample[]> = { pglite: [], 'pglite, second start': [], postgres: [] };
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-bench-'));
    try {
      results.pglite?.push(await startOnce({ DATA_DIR: dataDir }));
      results['pglite, second start']?.push(await startOnce({ DATA_DIR: dataDir }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const server = await startTestPostgres();
  try {
    for (let i = 0; i < RUNS; i++) {
      const name = `bench_${i}_${Date.now()}`;
      const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.url, max: 1 }) }) });
      await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
      await admin.destroy();
      results.postgres?.push(await startOnce({ DATABASE_URL: server.urlFor(name) }));
    }
  } finally {
    server.stop();
  }
  console.log('\nStart to the first page (a fresh database: migrations, demo accounts and the CBS demo data; then a second start on it), and idle RSS after 5 s');
  console.log(`median of ${RUNS} runs, on ${os.cpus().length} cores`);
  for (const [kind, samples] of Object.entries(results)) {
    console.log(
      `${kind.padEnd(21)} first page ${median(samples.map((s) => s.firstPageMs)).toFixed(0)} ms   idle RSS ${median(samples.map((s) => s.rssMb)).toFixed(0)} MB   (runs: ${samples
        .map((s) => `${s.firstPageMs.toFixed(0)} ms/${s.rssMb.toFixed(0)} MB`)
        .join(', ')})`,
    );
  }
}
