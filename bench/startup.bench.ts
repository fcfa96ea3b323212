// Start to the first page, and memory of the idle server, as `npm start` does it (node scripts/start.mjs):
//  - first start of a fresh clone: builds the web app and the server, creates the PGlite folder, migrates,
//    loads the demo data;
//  - first start on an empty data folder with the builds present (migrations and demo data only);
//  - second start on that folder (the everyday case);
//  - PostgreSQL: first start on an empty database, and a second start.
// Each run uses a fresh copy of the project's sources (node_modules linked), so the builds are really cold
// and the working tree is not touched. Run: npm run bench -- startup
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { SERVER_NODE_FLAGS } from '../scripts/build-server.mjs';
import { freePort, startTestPostgres } from '../test/support/postgres-server.js';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// What a fresh clone has that start.mjs uses (node_modules is linked, not copied).
const PROJECT_FILES = ['package.json', 'tsconfig.json', 'src', 'scripts', 'db', 'data'];

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

/** A copy of the project as a fresh clone has it: no dist/, no data/ folder of the app's own. */
function freshProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-bench-project-'));
  // Of data/ only what the repository holds (the demo data), not a database an earlier `npm start` made there.
  const appData = path.join(root, 'data');
  const shipped = (source: string) => !source.startsWith(appData + path.sep) || source.startsWith(path.join(appData, 'demo'));
  for (const entry of PROJECT_FILES) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true, filter: shipped });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** `node scripts/start.mjs` in `project` until the first page answers; then 5 s idle, RSS, SIGTERM. */
async function startOnce(project: string, env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'scripts/start.mjs'], {
    cwd: project,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/`, child, 300_000);
    const firstPageMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    return { firstPageMs, rssMb: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function benchStartup(): Promise<void> {
  const results: Record<string, Sample[]> = {
    'PGlite, fresh clone (builds + empty data folder)': [],
    'PGlite, empty data folder (built)': [],
    'PGlite, second start': [],
    'PostgreSQL, empty database (built)': [],
    'PostgreSQL, second start': [],
  };
  const record = (kind: string, sample: Sample) => results[kind]?.push(sample);
  const server = await startTestPostgres();
  try {
    for (let i = 0; i < RUNS; i++) {
      const project = freshProject();
      try {
        record('PGlite, fresh clone (builds + empty data folder)', await startOnce(project, { DATA_DIR: path.join(project, 'data-1') }));
        record('PGlite, empty data folder (built)', await startOnce(project, { DATA_DIR: path.join(project, 'data-2') }));
        record('PGlite, second start', await startOnce(project, { DATA_DIR: path.join(project, 'data-2') }));
        const name = `bench_${i}_${Date.now()}`;
        const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.url, max: 1 }) }) });
        await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
        await admin.destroy();
        record('PostgreSQL, empty database (built)', await startOnce(project, { DATABASE_URL: server.urlFor(name) }));
        record('PostgreSQL, second start', await startOnce(project, { DATABASE_URL: server.urlFor(name) }));
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    }
  } finally {
    server.stop();
  }
  console.log('\n`npm start` to the first page, and idle RSS of the server process 5 s later (demo mode)');
  console.log(`median of ${RUNS} runs, on ${os.cpus().length} cores`);
  for (const [kind, samples] of Object.entries(results)) {
    console.log(
      `${kind.padEnd(50)} first page ${(median(samples.map((s) => s.firstPageMs)) / 1000).toFixed(1)} s   idle RSS ${median(samples.map((s) => s.rssMb)).toFixed(0)} MB   (runs: ${samples
        .map((s) => `${(s.firstPageMs / 1000).toFixed(1)} s/${s.rssMb.toFixed(0)} MB`)
        .join(', ')})`,
    );
  }
}
