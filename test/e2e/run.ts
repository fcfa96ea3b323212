import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './harness';

/**
 * `npm run test:e2e`: builds the web app fresh (the harness alone only builds when there is no build), then
 * runs the browser tests. Extra arguments go to vitest, e.g. `npm run test:e2e -- test/e2e/admin.e2e.test.ts`.
 */

function run(args: string[]): number {
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

const built = run(['node_modules/vite/bin/vite.js', 'build', '--config', 'src/platform/web/vite.config.ts', '--logLevel', 'warn']);
if (built !== 0) {
  process.stderr.write('The web app does not build.\n');
  process.exit(built);
}
process.exit(run(['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e', ...process.argv.slice(2)]));
