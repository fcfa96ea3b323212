// Builds the server to JavaScript in dist/server, so `npm start` runs it with plain node: no TypeScript
// compiler in the running process (its start cost seconds and its memory stayed). Only our own code is
// bundled; packages stay in node_modules and load as usual. tsx remains for development, tests and the CLI.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIST_DIR = path.join(root, 'dist', 'server');
export const SERVER_ENTRY = path.join(SERVER_DIST_DIR, 'main.mjs');

/**
 * Entry points of the server process, by the name the code finds them under: a worker or child script is
 * started by a path relative to the file that starts it, and in the bundle every file is main.mjs.
 */
const ENTRIES = {
  main: 'src/platform/server/main.ts',
  'parse-worker': 'src/modules/indicators/server/import/parse-worker.ts',
  'render-worker': 'src/modules/reports/server/render-worker.ts',
};
// Plain JavaScript run as a child process by its own path (db.ts): copied as it is.
const COPIED = ['src/platform/server/pglite-initdb.mjs'];

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether dist/server is missing or older than any server source (or the build settings themselves). */
export function serverBuildIsStale() {
  if (!existsSync(SERVER_ENTRY)) return true;
  const built = statSync(SERVER_ENTRY).mtimeMs;
  const sources = [path.join(root, 'src'), path.join(root, 'package.json'), fileURLToPath(import.meta.url)];
  return sources.some((source) => newestMtime(source) > built);
}

export async function buildServer() {
  // Built beside and then swapped in, so a server already running from dist/server never sees half a build.
  const building = `${SERVER_DIST_DIR}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: building,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces in the logs point at the TypeScript sources.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const file of COPIED) copyFileSync(path.join(root, file), path.join(building, path.basename(file)));
  rmSync(SERVER_DIST_DIR, { recursive: true, force: true });
  renameSync(building, SERVER_DIST_DIR);
}

// `node scripts/build-server.mjs` builds unconditionally.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServer();
