import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-dbfolder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the PGlite data folder', () => {
  it('is closed to other users, also when it existed with wider permissions', { timeout: 120_000 }, async () => {
    const dataDir = path.join(root, 'data');
    mkdirSync(path.join(dataDir, 'pgdata'), { recursive: true, mode: 0o777 });
    const database = await openDatabase({ dataDir });
    try {
      expect(statSync(path.join(dataDir, 'pgdata')).mode & 0o077).toBe(0);
    } finally {
      await database.close();
    }
  });
});
