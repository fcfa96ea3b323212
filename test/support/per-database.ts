import { it } from 'vitest';
import { testDbKind } from './test-app.js';

/**
 * A test of behaviour only one database has (several processes sharing PostgreSQL; PGlite's one process),
 * registered only in the run on that database. Not `it.runIf`: the API suite runs once per database and
 * `npm test` refuses a run that skips anything, so a test that cannot apply to a database is not one of its
 * tests, rather than a skipped one. Every file that uses this still has tests on both databases.
 */
export function itOn(kind: 'pglite' | 'postgres', name: string, body: () => Promise<void> | void, timeout?: number): void {
  if (testDbKind() === kind) it(`${name} (${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'})`, body, timeout);
}
