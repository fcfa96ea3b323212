// Builds the server and the command line to JavaScript (dist/server, dist/cli), so `npm start` and
// `npm run cli` run them with plain node: no TypeScript compiler in the running process (it cost seconds at
// every start and its memory stayed). Only our own code is bundled; packages stay in node_modules and load
// as usual. tsx remains for development and the tests, which import the sources.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Started by a path relative to the file that starts it (worker threads, db.ts's initdb child): every
// bundle carries its own copy, as in the bundle every file is the bundle's main file.
const WORKERS = {
  'parse-worker': 'src/modules/indicators/server/import/parse-worker.ts',
  'render-worker': 'src/modules/reports/server/render-worker.ts',
};
const COPIED = ['src/platform/server/pglite-initdb.mjs'];

/** What is built, by name: the server process and the command line, each in a folder of its own. */
export const BUILDS = {
  server: { dir: path.join(root, 'dist', 'server'), entries: { main: 'src/platform/server/main.ts', ...WORKERS } },
  cli: { dir: path.join(root, 'dist', 'cli'), entries: { main: 'src/cli/main.ts', ...WORKERS } },
};
export const SERVER_DIST_DIR = BUILDS.server.dir;
export const SERVER_ENTRY = path.join(BUILDS.server.dir, 'main.mjs');
export const CLI_ENTRY = path.join(BUILDS.cli.dir, 'main.mjs');
/**
 * Node flags the server runs with (package.json's start script, the tests' and the benches' server
 * processes). A young generation of 4 MB instead of V8's default of up to 16 MB per semi-space: the idle
 * server keeps about 60 MB less (measured with `npm run bench -- startup`), at the cost of more frequent,
 * shorter scavenges, which a request's short-lived objects survive no worse. Two V8 worker threads instead
 * of four: each thread that compiles PGlite's WebAssembly or helps the garbage collector leaves its own
 * malloc arena behind, about 25 MB less idle memory on PGlite (idle RSS, second start, four runs each: 215–227
 * MB against 234–250); the server's own work runs on one thread, so two helpers keep up with it.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--v8-pool-size=2'];

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether the build is missing or older than any source (or the build settings themselves). */
export function buildIsStale(name = 'server') {
  const entry = path.join(BUILDS[name].dir, 'main.mjs');
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const sources = [path.join(root, 'src'), path.join(root, 'package.json'), fileURLToPath(import.meta.url)];
  return sources.some((source) => newestMtime(source) > built);
}

export async function buildBundle(name = 'server') {
  const { dir, entries } = BUILDS[name];
  // Built beside and then swapped in, so a process already running from the folder never sees half a build.
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: building,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces point at the TypeScript sources.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const file of COPIED) copyFileSync(path.join(root, file), path.join(building, path.basename(file)));
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
}

export const serverBuildIsStale = () => buildIsStale('server');
export const buildServer = () => buildBundle('server');

// `node scripts/build-server.mjs` builds both, unconditionally.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildBundle('server');
  await buildBundle('cli');
}
