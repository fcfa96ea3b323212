import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTROL_FILE, ControlCommandError, findRunningServer, startControlSocket, type ControlSocket } from './control-socket.js';

let dataDir: string;
let control: ControlSocket | undefined;
const log = { error: vi.fn() };

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-control-test-'));
});
afterEach(async () => {
  await control?.close();
  control = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends raw bytes to the socket and returns what comes back before it closes. */
function raw(socketPath: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(text);
  });
}

describe('the control socket', () => {
  it('runs a command for a client that holds the secret of the control file, and only the app user can reach it', async () => {
    const seen: unknown[] = [];
    control = await startControlSocket(dataDir, { echo: async (args) => (seen.push(args), { got: args }) }, log);
    const file = path.join(dataDir, CONTROL_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // In DATA_DIR, where the command line finds it even when the service has a private /tmp.
    expect(control.socketPath).toBe(path.join(dataDir, 'wijkregie.sock'));
    expect(statSync(control.socketPath).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, socket: control.socketPath });

    const server = await findRunningServer(dataDir);
    expect(server?.pid).toBe(process.pid);
    expect(await server?.send('echo', { file: '/x' })).toEqual({ ok: true, result: { got: { file: '/x' } } });
    expect(seen).toEqual([{ file: '/x' }]);
  });

  it('refuses a wrong or missing secret, unknown commands, non-JSON and oversized requests, running nothing', async () => {
    const handler = vi.fn(async () => 'done');
    control = await startControlSocket(dataDir, { backup: handler }, log);
    const { secret } = JSON.parse(readFileSync(path.join(dataDir, CONTROL_FILE), 'utf8')) as { secret: string };
    const ask = async (text: string) => JSON.parse(await raw(control?.socketPath ?? '', text)) as { ok: boolean; message: string; exitCode: number };

    expect(await ask(`${JSON.stringify({ secret: 'f'.repeat(64), command: 'backup', args: {} })}\n`)).toMatchObject({ ok: false, exitCode: 1, message: expect.stringMatching(/^Refused/) });
    expect(await ask(`${JSON.stringify({ command: 'backup', args: {} })}\n`)).toMatchObject({ ok: false, message: expect.stringMatching(/^Refused/) });
    expect(await ask(`${JSON.stringify({ secret, command: 'shutdown' })}\n`)).toMatchObject({ ok: false, exitCode: 2, message: 'The server knows no command "shutdown".' });
    expect(await ask(`${JSON.stringify({ secret, command: 'toString' })}\n`)).toMatchObject({ ok: false, exitCode: 2 });
    expect(await ask('not json\n')).toMatchObject({ ok: false, exitCode: 2, message: 'The request is not JSON.' });
    expect(await ask('null\n')).toMatchObject({ ok: false, message: expect.stringMatching(/^Refused/) });
    expect(await ask('x'.repeat(70 * 1024))).toMatchObject({ ok: false, exitCode: 2, message: 'The request is too large.' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes a command error on with its exit code, and hides nothing else the operator needs', async () => {
    control = await startControlSocket(dataDir, {
      bad: async () => {
        throw new ControlCommandError('The folder /nope does not exist.', 2);
      },
      broken: async () => {
        throw new Error('disk full');
      },
    }, log);
    const server = await findRunningServer(dataDir);
    expect(await server?.send('bad', {})).toEqual({ ok: false, message: 'The folder /nope does not exist.', exitCode: 2 });
    const again = await findRunningServer(dataDir);
    expect(await again?.send('broken', {})).toEqual({ ok: false, message: 'The server could not do it: disk full', exitCode: 1 });
    expect(log.error).toHaveBeenCalled();
  });

  it('removes its file and socket at close, and finds no server then or from a file a killed server left', async () => {
    control = await startControlSocket(dataDir, {}, log);
    const socketPath = control.socketPath;
    await control.close();
    control = undefined;
    expect(existsSync(path.join(dataDir, CONTROL_FILE))).toBe(false);
    expect(existsSync(socketPath)).toBe(false);
    expect(await findRunningServer(dataDir)).toBeNull();

    // A file left by a process that no longer runs, or naming a socket nobody listens on.
    writeFileSync(path.join(dataDir, CONTROL_FILE), JSON.stringify({ pid: 2 ** 22 + 7, socket: socketPath, secret: 'x' }));
    expect(await findRunningServer(dataDir)).toBeNull();
    writeFileSync(path.join(dataDir, CONTROL_FILE), JSON.stringify({ pid: process.pid, socket: path.join(dataDir, 'gone.sock'), secret: 'x' }));
    expect(await findRunningServer(dataDir)).toBeNull();
    writeFileSync(path.join(dataDir, CONTROL_FILE), 'garbage');
    expect(await findRunningServer(dataDir)).toBeNull();
  });

  it('puts the socket in a private folder under the temp dir when DATA_DIR is too long for a socket path', async () => {
    const deep = path.join(dataDir, 'a-data-folder-with-a-rather-long-name', 'and-another-level-below-it', 'wijkregie-data');
    mkdirSync(deep, { recursive: true });
    control = await startControlSocket(deep, { echo: async () => 'yes' }, log);
    expect(control.socketPath.startsWith(os.tmpdir())).toBe(true);
    expect(Buffer.byteLength(control.socketPath)).toBeLessThanOrEqual(100);
    expect(statSync(path.dirname(control.socketPath)).mode & 0o777).toBe(0o700);
    expect(statSync(control.socketPath).mode & 0o777).toBe(0o600);
    expect(await (await findRunningServer(deep))?.send('echo', {})).toEqual({ ok: true, result: 'yes' });
    const folder = path.dirname(control.socketPath);
    await control.close();
    control = undefined;
    expect(existsSync(folder)).toBe(false);
  });

  it('takes over a socket file a killed server left in DATA_DIR', async () => {
    // A kill -9 leaves the socket's file behind (a clean close removes it); listening there would fail.
    const socketPath = path.join(dataDir, 'wijkregie.sock');
    writeFileSync(socketPath, '');
    control = await startControlSocket(dataDir, { echo: async () => 'yes' }, log);
    expect(await (await findRunningServer(dataDir))?.send('echo', {})).toEqual({ ok: true, result: 'yes' });
  });

  it('does not trust a socket in a folder others can enter', async () => {
    control = await startControlSocket(dataDir, { echo: async () => 'yes' }, log);
    const file = path.join(dataDir, CONTROL_FILE);
    const content = JSON.parse(readFileSync(file, 'utf8')) as { socket: string };
    // The same socket, reached through a path in a shared folder (/tmp itself is 1777).
    const shared = path.join(os.tmpdir(), `wijkregie-control-link-${process.pid}.sock`);
    rmSync(shared, { force: true });
    symlinkSync(content.socket, shared);
    try {
      writeFileSync(file, JSON.stringify({ ...content, socket: shared }), { mode: 0o600 });
      expect(await findRunningServer(dataDir)).toBeNull();
    } finally {
      rmSync(shared, { force: true });
    }
  });
});
