import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverBuildIsStale, SERVER_ENTRY } from '../../scripts/build-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How tests start a real server process: the built server, as `npm start` runs it. */
export const SERVER_ARGS: readonly string[] = ['--enable-source-maps', path.relative(ROOT, SERVER_ENTRY)];

/** Builds dist/server when it is missing or older than the sources. */
export async function ensureServerBuilt(): Promise<void> {
  if (serverBuildIsStale()) await buildServer();
}

/** Global set-up of the suites that start real server processes. */
export async function setup(): Promise<void> {
  await ensureServerBuilt();
}
