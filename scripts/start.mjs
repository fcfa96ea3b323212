// `npm start`: builds the web app and the server (dist/web, dist/server) when missing or older than their
// sources, then runs the built server in this process with plain node, so signals reach it directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function webSourcesNewest() {
  // The build's own precompression step counts as a source: its output (.br, .gz) is part of the build.
  const dirs = [path.join(root, 'src/platform/web'), path.join(root, 'src/platform/shared'), path.join(root, 'scripts/precompress-web.ts')];
  const modules = path.join(root, 'src/modules');
  if (existsSync(modules)) {
    for (const name of readdirSync(modules)) {
      dirs.push(path.join(modules, name, 'web'), path.join(modules, name, 'contract.ts'));
    }
  }
  return Math.max(...dirs.map((dir) => (existsSync(dir) && statSync(dir).isFile() ? statSync(dir).mtimeMs : newestMtime(dir))));
}

if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < webSourcesNewest()) {
  process.stdout.write('Building the web app (first start, or its sources changed)…\n');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/platform/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { buildServer, serverBuildIsStale, SERVER_ENTRY } = await import('./build-server.mjs');
if (serverBuildIsStale()) {
  process.stdout.write('Building the server (first start, or its sources changed)…\n');
  await buildServer();
}
// Errors in the log point at the TypeScript sources.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(SERVER_ENTRY).href);
