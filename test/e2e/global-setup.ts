import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, seedDataDir } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder the server has migrated and filled with the demo data once; each test file copies it. */
    e2eTemplateDataDir: string;
  }
}

let templateDir: string | undefined;

/**
 * Every browser test file starts its own server on its own data folder. Migrating and loading the demo data
 * (the CBS figures above all) took most of each start, so the real server does it once here, into a
 * template folder, and every file starts from a copy — the server's ordinary second start.
 */
export async function setup(project: TestProject): Promise<void> {
  ensureWebBuilt();
  templateDir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-e2e-template-'));
  await seedDataDir(templateDir);
  project.provide('e2eTemplateDataDir', templateDir);
}

export function teardown(): void {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
}
