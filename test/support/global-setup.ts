import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

let server: TestPostgres | undefined;

/** With TEST_DB=postgres, one PostgreSQL server for the whole run; each test file makes its own database in it. */
export async function setup(project: TestProject): Promise<void> {
  const kind = process.env.TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres, not ${kind}`);
  if (kind === 'postgres') {
    server = await startTestPostgres();
    project.provide('postgresUrl', server.url);
  } else {
    project.provide('postgresUrl', null);
  }
}

export function teardown(): void {
  server?.stop();
}
