// `npm start`: builds the web app when it is missing or older than its sources, then runs the server
// in this process (TypeScript through tsx), so signals reach it directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const dirs = [path.join(root, 'src/platform/web'), path.join(root, 'src/platform/shared')];
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

const { register } = await import('tsx/esm/api');
register();
await import(path.join(root, 'src/platform/server/main.ts'));
