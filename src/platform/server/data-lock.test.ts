import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-lock.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('refuses a folder locked by a live process, naming it', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(path.join(dir, 'wijkregie.lock'), JSON.stringify({ pid: holder.pid, since: '2026-11-22T10:00:00Z' }));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by another Wijkregie process \\(pid ${holder.pid}`));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that no longer runs (kill -9)', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(path.join(dir, 'wijkregie.lock'), JSON.stringify({ pid: gone.pid, since: 'earlier' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path.join(dir, 'wijkregie.lock'), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(path.join(dir, 'wijkregie.lock'))).toBe(false);
  });

  it('creates the folder and releases the lock', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const release = lockDataDir(dir);
    expect(existsSync(path.join(dir, 'wijkregie.lock'))).toBe(true);
    release();
    const again = lockDataDir(dir);
    again();
  });
});
