import { defineConfig } from 'vitest/config';

/**
 * Test projects (scripts/test.mjs runs them all: unit first, then the browser suite beside the others, which
 * run one after the other in this order):
 *  - unit:  pure code beside the source (*.test.ts, *.test.tsx), no database.
 *  - api:   the app in-process (*.api.test.ts) against the database that TEST_DB names:
 *           "pglite" (in memory) or "postgres" (a server test/support/postgres-server.ts starts).
 *  - crash: kill -9 of a real server process during acknowledged writes, PGlite and PostgreSQL
 *           (test/crash/*.crash.test.ts; `npm run test:crash` runs it alone).
 *  - e2e:   Debian's Chromium against the real server (test/e2e/*.e2e.test.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/**/*.api.test.ts', 'test/api/**/*.api.test.ts'],
          globalSetup: ['test/support/global-setup.ts', 'test/support/server-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-hungry; two workers suit this 2-core machine.
          maxWorkers: 2,
          // Each file builds its own app and database (test-app.ts), so files need no fresh module graph of
          // their own; sharing one per worker saves importing the whole server again for every file — a third
          // of the suite's time (7 December, PGlite: 235 s isolated, 159 s shared). No test mocks modules or
          // changes process-wide state.
          isolate: false,
        },
      },
      {
        test: {
          name: 'crash',
          include: ['test/crash/**/*.crash.test.ts'],
          globalSetup: ['test/support/server-build.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/support/server-build.ts', 'test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // expect.poll waits 1 s by default: too short for a page that is still loading on a busy machine.
          expect: { poll: { timeout: 15_000 } },
          // A browser test file keeps about half a core busy (its server, Chromium and the test wait on each
          // other), so two files run at a time; npm test runs this suite beside the database suites as well.
          maxWorkers: 2,
        },
      },
    ],
  },
});
