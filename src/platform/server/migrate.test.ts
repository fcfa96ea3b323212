import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, readMigrations } from './migrate.js';

describe('readMigrations', () => {
  it('reads the project migrations in name order, each named time__module__what', () => {
    const migrations = readMigrations(MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    const names = migrations.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file that does not follow the naming rule', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-mig-'));
    try {
      writeFileSync(path.join(dir, '001_init.sql'), 'SELECT 1;');
      expect(() => readMigrations(dir)).toThrow(/not in the expected form/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
