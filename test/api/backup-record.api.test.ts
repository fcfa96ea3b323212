import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBackups } from '../../src/cli/backup/serve-backups.js';
import { backupAndRecord } from '../../src/cli/commands/backup.js';
import { ControlCommandError } from '../../src/platform/server/control-socket.js';
import type { DatabaseHandle } from '../../src/platform/server/db.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every backup is audited (docs/operations.md, "Backup and restore"), from the command line or through the
 * running server's control socket, and a backup whose audit row cannot be written does not stay behind.
 * The server's backup handler refuses bad requests before it touches anything.
 */

let t: TestApp;
let work: string;
beforeAll(async () => {
  t = await createTestApp();
  work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-backup-record-'));
});
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

async function backupAuditRows(): Promise<{ actor_username: string; subject_type: string; detail: Record<string, unknown> }[]> {
  const { rows } = await sql<{ actor_username: string; subject_type: string; detail: Record<string, unknown> }>`
    SELECT actor_username, subject_type, detail FROM audit_log WHERE action = 'database.backup' ORDER BY id`.execute(t.database.db);
  return rows;
}

/** The same database, whose write transactions fail: as when the audit insert cannot be made. */
function withFailingTransactions(database: DatabaseHandle): DatabaseHandle {
  const db = new Proxy(database.db, {
    get(target, property) {
      if (property === 'transaction') return () => ({ execute: () => Promise.reject(new Error('audit insert failed')) });
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...database, db };
}

describe('recording backups', () => {
  it('writes one audit row per backup, after the file, saying where it went and how it was made', async () => {
    const before = await backupAuditRows();
    const file = path.join(work, 'recorded.wrbak');
    const result = await backupAndRecord(t.database, file, 'command line');
    const rows = await backupAuditRows();
    expect(rows).toHaveLength(before.length + 1);
    expect(rows.at(-1)).toEqual({
      actor_username: 'system',
      subject_type: 'database',
      detail: { file, bytes: result.bytes, sha256: result.sha256, rows: result.tables.reduce((n, x) => n + x.rows, 0), tables: result.tables.length, via: 'command line' },
    });
  });

  it('removes the backup and fails when its audit row cannot be written', async () => {
    const file = path.join(work, 'unrecorded.wrbak');
    await expect(backupAndRecord(withFailingTransactions(t.database), file, 'command line')).rejects.toThrow('audit insert failed');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('unrecorded'))).toEqual([]);
  });
});

describe("the server's backup handler", () => {
  it('refuses a request without an absolute file path, or with anything else, as bad input', async () => {
    const handle = serveBackups(t.database);
    const before = (await backupAuditRows()).length;
    for (const args of [undefined, null, 'x.wrbak', {}, { file: 'relative.wrbak' }, { file: '' }, { file: 42 }, { file: '/tmp/x', extra: true }, { file: `/${'a'.repeat(5000)}` }]) {
      const error = await handle(args).then(() => null, (e: unknown) => e);
      expect(error, JSON.stringify(args)).toBeInstanceOf(ControlCommandError);
      expect((error as ControlCommandError).exitCode).toBe(2);
    }
    const missing = await handle({ file: path.join(work, 'no-such-folder', 'b.wrbak') }).then(() => null, (e: unknown) => e);
    expect(missing).toBeInstanceOf(ControlCommandError);
    expect((missing as ControlCommandError).exitCode).toBe(2);
    expect((missing as Error).message).toBe(`The folder ${path.join(work, 'no-such-folder')} does not exist.`);
    expect((await backupAuditRows()).length).toBe(before);
  });

  it('writes one backup at a time, recorded as made by the running server', async () => {
    const handle = serveBackups(t.database);
    const first = handle({ file: path.join(work, 'first.wrbak') });
    const second = await handle({ file: path.join(work, 'second.wrbak') }).then(() => null, (e: unknown) => e);
    expect(second).toBeInstanceOf(ControlCommandError);
    expect((second as Error).message).toBe('A backup is being written already; try again when it is done.');
    expect(await first).toMatchObject({ file: path.join(work, 'first.wrbak') });
    expect(existsSync(path.join(work, 'second.wrbak'))).toBe(false);
    expect((await backupAuditRows()).at(-1)?.detail).toMatchObject({ file: path.join(work, 'first.wrbak'), via: 'running server' });
    // Free again once done.
    await expect(handle({ file: path.join(work, 'third.wrbak') })).resolves.toMatchObject({ file: path.join(work, 'third.wrbak') });
  });
});
