import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftoverServers, listOrganisationIds, login, serverEnv, sessionHeaders, startServer, verifyAudit, type Session } from './server-process.js';
import { CLI_ARGS } from '../support/server-build.js';

/**
 * `cli backup` while the server runs on PGlite (docs/operations.md, "Backup while the server runs"): a real
 * server process takes a stream of writes, the real command line asks it for a backup over its control
 * socket, and `cli restore` of that file into a fresh folder gives the same row counts and a valid audit
 * chain. Bad input reaches the operator as it would offline, and with the server killed the command falls
 * back to opening the folder itself.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let work: string;
let tmp: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-online-backup-'));
  tmp = path.join(work, 'tmp');
  mkdirSync(tmp);
});
afterAll(async () => {
  await killLeftoverServers();
  rmSync(work, { recursive: true, force: true });
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The server's environment without the demo data: the accounts come from the command line, as in production. */
function env(dataDir: string): NodeJS.ProcessEnv {
  return { ...serverEnv({ dataDir }, tmp), DEMO_MODE: 'false', WIJKREGIE_PASSWORD: ADMIN.password };
}

const ADMIN = { username: 'beheer', password: 'correct horse battery staple' };

function runCli(args: string[], dataDir: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, env: env(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** "  table   rows" lines of a backup or restore report. */
function tableCounts(report: string): Map<string, number> {
  return new Map([...report.matchAll(/^ {2}(\w+) +(\d+)$/gm)].map((m) => [m[1] ?? '', Number(m[2])]));
}

/** Writes organisations one after another until told to stop; every 201 is remembered. */
async function writeWhile(keepGoing: () => boolean, baseUrl: string, session: Session, acknowledged: string[], prefix: string): Promise<void> {
  for (let i = 0; keepGoing(); i += 1) {
    const response = await fetch(`${baseUrl}/api/v1/organisations`, {
      method: 'POST',
      headers: sessionHeaders(session),
      body: JSON.stringify({ name: `${prefix} ${i}`, kind: 'overig' }),
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 201 || typeof body.id !== 'string') throw new Error(`write refused: ${response.status} ${JSON.stringify(body)}`);
    acknowledged.push(body.id);
  }
}

/** Waits (without a deadline of its own: the test's timeout is the limit) until the condition holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('backup while the PGlite server runs', () => {
  it('is written by the running server from one snapshot, audited, and restores with the same counts and a valid chain', async () => {
    const dataDir = path.join(work, 'live');
    expect((await runCli(['create-organisation', '--name', 'Gemeente Backupstad', '--kind', 'gemeente'], dataDir)).code).toBe(0);
    const created = await runCli(['create-user', '--username', ADMIN.username, '--display-name', 'Beheer', '--organisation', 'Gemeente Backupstad', '--role', 'administrator'], dataDir);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const server = await startServer(env(dataDir));
    const session = await login(server.baseUrl, ADMIN.username, ADMIN.password);
    const seeded = (await listOrganisationIds(server.baseUrl, session)).size;
    const acknowledged: string[] = [];
    let writing = true;
    const writers = [1, 2, 3].map((n) => writeWhile(() => writing, server.baseUrl, session, acknowledged, `Online backup ${n}`));
    try {
      await until(() => acknowledged.length >= 10);
      const ackedBefore = acknowledged.length;
      const file = path.join(work, 'online.wrbak');
      const backup = await runCli(['backup', file], dataDir);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/^Backup written: (.+) \(\d+ bytes, (\d+) rows in (\d+) tables, sha256 [0-9a-f]{64}\)\n/);
      expect(backup.stdout).toContain(`\nWritten by the running server (pid ${server.pid}) from one consistent snapshot, while it kept serving.\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const ackedDuring = acknowledged.length;
      // The server went on taking writes after the backup, through the same single PGlite connection.
      await until(() => acknowledged.length >= ackedDuring + 10);
      writing = false;
      await Promise.all(writers);

      const counts = tableCounts(backup.stdout);
      const organisations = counts.get('organisations') ?? 0;
      expect(seeded).toBe(1);
      // One snapshot: every write acknowledged before the command started is in it, none acknowledged after
      // it ended (give or take the one write per client whose answer was still on its way).
      expect(organisations).toBeGreaterThanOrEqual(seeded + ackedBefore);
      expect(organisations).toBeLessThanOrEqual(seeded + ackedDuring + writers.length);

      // Audited on the live server, where it went and what it holds; its own row is not in the file.
      const audit = await fetch(`${server.baseUrl}/api/v1/audit?action=database.backup`, { headers: { cookie: session.cookie } });
      const entries = ((await audit.json()) as { items: { actorUsername: string; detail: Record<string, unknown> }[] }).items;
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorUsername: 'system', detail: { file, via: 'running server', tables: counts.size } });
      expect(await verifyAudit(server.baseUrl, session)).toMatchObject({ valid: true });

      // Bad input reaches the operator as offline: exit 2, nothing written, the server unaffected.
      const missing = await runCli(['backup', path.join(work, 'no-such-folder', 'b.wrbak')], dataDir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(`The folder ${path.join(work, 'no-such-folder')} does not exist.`);
      expect(missing.stdout).toBe('');
      expect((await fetch(`${server.baseUrl}/api/v1/ready`)).status).toBe(200);

      const restoredDir = path.join(work, 'restored');
      const restored = await runCli(['restore', file], restoredDir);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(tableCounts(restored.stdout)).toEqual(counts);
      expect(restored.stdout).toContain(`Audit chain: valid: ${counts.get('audit_log')} rows\n`);
    } finally {
      writing = false;
      await Promise.allSettled(writers);
    }

    // Killed: the control file stays behind, names a process that is gone, and the command opens the folder itself.
    server.kill('SIGKILL');
    await server.exited;
    expect(existsSync(path.join(dataDir, 'wijkregie.control'))).toBe(true);
    const offline = await runCli(['backup', path.join(work, 'offline.wrbak')], dataDir);
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/^Backup written: /);
    expect(offline.stdout).not.toContain('running server');

    // Started again and stopped cleanly, the server removes its control file.
    const again = await startServer(env(dataDir));
    expect(existsSync(path.join(dataDir, 'wijkregie.control'))).toBe(true);
    // One answer first: main.ts announces the server a moment before it installs its SIGTERM handler.
    expect((await fetch(`${again.baseUrl}/api/v1/ready`)).status).toBe(200);
    again.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, 'wijkregie.control'))).toBe(false);
  });
});
