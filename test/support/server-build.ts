import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, buildIsStale, CLI_ENTRY, SERVER_ENTRY, SERVER_NODE_FLAGS } from '../../scripts/build-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How tests start a real server process: the built server, as `npm start` runs it. */
export const SERVER_ARGS: readonly string[] = [...SERVER_NODE_FLAGS, '--enable-source-maps', path.relative(ROOT, SERVER_ENTRY)];
/** How tests run the real command line: the built one, as `npm run cli` runs it. */
export const CLI_ARGS: readonly string[] = ['--enable-source-maps', path.relative(ROOT, CLI_ENTRY)];

/** Builds dist/server and dist/cli when missing or older than the sources. */
export async function ensureServerBuilt(): Promise<void> {
  if (buildIsStale('server')) await buildBundle('server');
  if (buildIsStale('cli')) await buildBundle('cli');
}

/** Global set-up of the suites that start real server or command-line processes. */
export async function setup(): Promise<void> {
  await ensureServerBuilt();
}
