import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { constantTimeEqual, sha256Hex } from './auth/secrets.js';

/**
 * The running server's door for the operator's own commands on the same machine (today: `cli backup` on
 * PGlite, which must not open a second PGlite on the folder the server holds). Never HTTP: what comes in
 * here bypasses the API's identity barrier, so only the app's own OS user can use it:
 *  - DATA_DIR/wijkregie.control (mode 0600, written by the server, removed at shutdown) says where the socket
 *    is, with a random secret that every request must carry: reading that file is the proof of being the
 *    app's user (or root);
 *  - the socket (mode 0600) is DATA_DIR/wijkregie.sock, where the command line finds it even when the service
 *    has a private /tmp (systemd PrivateTmp). A Unix socket path has at most 107 bytes: for a longer DATA_DIR
 *    it lives in a fresh folder under the temp dir instead, with mode 0700.
 * One request per connection: a JSON line {secret, command, args}, answered by one JSON line.
 */

export const CONTROL_FILE = 'wijkregie.control';
export const CONTROL_SOCKET = 'wijkregie.sock';
// sun_path holds 108 bytes with its terminating NUL; stay a little below.
const MAX_SOCKET_PATH_BYTES = 100;
const MAX_REQUEST_BYTES = 64 * 1024;
const REQUEST_READ_TIMEOUT_MS = 10_000;

export type ControlHandler = (args: unknown) => Promise<unknown>;

export interface ControlReply {
  ok: boolean;
  result?: unknown;
  /** When not ok: what went wrong, for the operator. */
  message?: string;
  /** When not ok: the exit code the command line should end with (2 = bad input, 1 = failure). */
  exitCode?: number;
}

interface ControlFile {
  pid: number;
  socket: string;
  secret: string;
}

export interface ControlSocket {
  socketPath: string;
  /** Stops taking requests, waits for those being handled, removes the socket and the control file. */
  close(): Promise<void>;
}

/** An error whose message and exit code the client should see as they are (e.g. bad input). */
export class ControlCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export async function startControlSocket(dataDir: string, handlers: Record<string, ControlHandler>, log: { error(obj: object, message: string): void }): Promise<ControlSocket> {
  const inDataDir = path.join(dataDir, CONTROL_SOCKET);
  let socketDir: string | null = null;
  let socketPath = inDataDir;
  if (Buffer.byteLength(inDataDir) > MAX_SOCKET_PATH_BYTES) {
    socketDir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-ctl-'));
    chmodSync(socketDir, 0o700);
    socketPath = path.join(socketDir, 'control.sock');
  } else {
    // Left by a killed server: this process holds the data-folder lock, so nobody else listens there.
    rmSync(inDataDir, { force: true });
  }
  const secret = randomBytes(32).toString('hex');
  const inFlight = new Set<Promise<void>>();

  const handle = async (line: string): Promise<ControlReply> => {
    let request: { secret?: unknown; command?: unknown; args?: unknown };
    try {
      request = JSON.parse(line) as typeof request;
    } catch {
      return { ok: false, message: 'The request is not JSON.', exitCode: 2 };
    }
    if (typeof request !== 'object' || request === null || typeof request.secret !== 'string' || !constantTimeEqual(sha256Hex(request.secret), sha256Hex(secret))) {
      return { ok: false, message: `Refused: the request does not carry the secret of ${path.join(dataDir, CONTROL_FILE)}.`, exitCode: 1 };
    }
    const handler = typeof request.command === 'string' && Object.hasOwn(handlers, request.command) ? handlers[request.command] : undefined;
    if (!handler) return { ok: false, message: `The server knows no command ${JSON.stringify(request.command)}.`, exitCode: 2 };
    try {
      return { ok: true, result: await handler(request.args) };
    } catch (error) {
      if (error instanceof ControlCommandError) return { ok: false, message: error.message, exitCode: error.exitCode };
      log.error({ err: error, command: request.command }, 'control command failed');
      return { ok: false, message: `The server could not do it: ${error instanceof Error ? error.message : String(error)}`, exitCode: 1 };
    }
  };

  const server = net.createServer((socket) => {
    let received = '';
    socket.setEncoding('utf8');
    socket.setTimeout(REQUEST_READ_TIMEOUT_MS, () => socket.destroy());
    const answer = (reply: ControlReply): void => {
      socket.end(`${JSON.stringify(reply)}\n`);
    };
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\n');
      if (end < 0 && received.length <= MAX_REQUEST_BYTES) return;
      const line = end < 0 ? null : received.slice(0, end);
      socket.removeAllListeners('data');
      socket.pause();
      if (line === null || line.length > MAX_REQUEST_BYTES) return answer({ ok: false, message: 'The request is too large.', exitCode: 2 });
      // The command may take long (a backup): no read timeout while it runs.
      socket.setTimeout(0);
      const work = handle(line)
        .then(answer)
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);

  const controlFile = path.join(dataDir, CONTROL_FILE);
  const temp = `${controlFile}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ pid: process.pid, socket: socketPath, secret } satisfies ControlFile), { mode: 0o600 });
  renameSync(temp, controlFile);

  let closed = false;
  return {
    socketPath,
    close: async () => {
      if (closed) return;
      closed = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
      await stopped;
      // Only our own file: a server started later on this folder may have written its own.
      if (readControlFile(dataDir)?.secret === secret) rmSync(controlFile, { force: true });
      if (socketDir) rmSync(socketDir, { recursive: true, force: true });
      else rmSync(socketPath, { force: true });
    },
  };
}

function readControlFile(dataDir: string): ControlFile | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dataDir, CONTROL_FILE), 'utf8')) as Partial<ControlFile>;
    if (typeof parsed.pid !== 'number' || typeof parsed.socket !== 'string' || typeof parsed.secret !== 'string') return null;
    return { pid: parsed.pid, socket: parsed.socket, secret: parsed.secret };
  } catch {
    return null;
  }
}

/**
 * Where the control file may point: DATA_DIR itself, or a folder only this user can enter, owned by this
 * user. Anywhere else the socket need not be the server's.
 */
function isTrustedSocketFolder(folder: string, dataDir: string): boolean {
  if (path.resolve(folder) === path.resolve(dataDir)) return true;
  try {
    const stat = lstatSync(folder);
    return stat.isDirectory() && (stat.mode & 0o077) === 0 && (process.getuid === undefined || stat.uid === process.getuid());
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface ControlTarget {
  pid: number;
  send(command: string, args: unknown): Promise<ControlReply>;
}

/**
 * The server running on DATA_DIR, when there is one that answers on its control socket; null otherwise
 * (none runs, or the file was left by a killed one). Then the caller may open the folder itself.
 */
export async function findRunningServer(dataDir: string): Promise<ControlTarget | null> {
  const file = readControlFile(dataDir);
  if (!file || !isAlive(file.pid) || !isTrustedSocketFolder(path.dirname(file.socket), dataDir)) return null;
  const socket = await new Promise<net.Socket | null>((resolve) => {
    const connection = net.connect(file.socket);
    connection.once('connect', () => resolve(connection));
    connection.once('error', () => resolve(null));
  });
  if (!socket) return null;
  // One request per connection: the first send uses the socket just opened (proof the server listens).
  let first: net.Socket | null = socket;
  return {
    pid: file.pid,
    send: (command, args) => {
      const connection = first ?? net.connect(file.socket);
      first = null;
      return exchange(connection, `${JSON.stringify({ secret: file.secret, command, args })}\n`);
    },
  };
}

function exchange(socket: net.Socket, request: string): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.once('error', reject);
    socket.once('close', () => {
      const line = received.split('\n')[0] ?? '';
      try {
        resolve(JSON.parse(line) as ControlReply);
      } catch {
        reject(new Error('The server closed the connection without an answer (did it stop?).'));
      }
    });
    socket.write(request);
  });
}
