import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** Where this run keeps its PGlite template databases (template-db.ts). */
    templateDir: string;
  }
}

let server: TestPostgres | undefined;
let templateDir: string | undefined;

/**
 * With TEST_DB=postgres, one PostgreSQL server for the whole run; each test file makes its own database in
 * it (from a template, template-db.ts). With PGlite, a temp folder for the run's template archives.
 */
export async function setup(project: TestProject): Promise<void> {
  const kind = process.env.TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres, not ${kind}`);
  templateDir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-templates-'));
  project.provide('templateDir', templateDir);
  if (kind === 'postgres') {
    server = await startTestPostgres();
    project.provide('postgresUrl', server.url);
  } else {
    project.provide('postgresUrl', null);
  }
}

export function teardown(): void {
  server?.stop();
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
}
