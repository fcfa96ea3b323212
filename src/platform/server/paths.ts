import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder, where package.json, db/migrations, data/demo and dist/web are. Found by walking up
 * from this file, because the server runs from two places: its TypeScript sources (tsx, tests, the CLI) and
 * the bundle in dist/server that `npm start` builds, where every module shares one file's location and a
 * path relative to a source file would point elsewhere.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'db', 'migrations'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Wijkregie project folder (package.json beside db/migrations)');
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();

/** A path inside the project folder. */
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
