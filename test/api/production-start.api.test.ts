import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/server/db.js';
import { migrate } from '../../src/platform/server/migrate.js';
import { SERVER_MODULES } from '../../src/platform/server/modules.js';
import { freePort } from '../support/postgres-server.js';
import { SERVER_ARGS } from '../support/server-build.js';
import { createTestDatabase, testDbKind } from '../support/test-app.js';

/** SECURITY.md 5: production refuses demo accounts and default secrets, with a clear message. */

const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let databaseUrl: string | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-prod-'));
  // A database that was once a demo: migrated, with the demo accounts.
  const database = testDbKind() === 'postgres' ? await createTestDatabase() : { handle: await openDatabase({ dataDir }), url: undefined };
  databaseUrl = database.url;
  await migrate(database.handle.db);
  for (const module of SERVER_MODULES) await module.seedDemo?.(database.handle.db);
  await database.handle.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_ARGS], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

describe('production mode', () => {
  it('refuses to start without a session secret', async () => {
    const { code, output } = await start({ NODE_ENV: 'production', DEMO_MODE: 'false' });
    expect(code).toBe(1);
    expect(output).toContain('SESSION_SECRET is missing');
  });

  it('refuses to start with demo mode on', async () => {
    const { code, output } = await start({ NODE_ENV: 'production', DEMO_MODE: 'true', SESSION_SECRET: 'p'.repeat(40) });
    expect(code).toBe(1);
    expect(output).toContain('DEMO_MODE is on');
  });

  it('refuses to start on a database that still has active demo accounts', async () => {
    const { code, output } = await start({ NODE_ENV: 'production', DEMO_MODE: 'false', SESSION_SECRET: 'p'.repeat(40) });
    expect(code).toBe(1);
    expect(output).toMatch(/holds 7 active demo account\(s\)/);
  });

  it('refuses to start with an incomplete OIDC configuration, naming every problem', async () => {
    const { code, output } = await start({ NODE_ENV: 'production', DEMO_MODE: 'false', SESSION_SECRET: 'p'.repeat(40), OIDC_ISSUER: 'http://login.gemeente.example' });
    expect(code).toBe(1);
    expect(output).toContain('Wijkregie cannot start.');
    expect(output).toContain('OIDC_ISSUER must be an https URL in production.');
    expect(output).toContain('OIDC_CLIENT_ID is missing');
    expect(output).toContain('OIDC_CLIENT_SECRET is missing');
    expect(output).toContain('PUBLIC_URL is missing: OIDC login needs it for the redirect URI');
  });
});
