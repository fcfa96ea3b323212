import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/postgres-server.js';
import { SERVER_ARGS } from '../support/server-build.js';

/**
 * The real server as a child process, the way `npm start` runs it, for tests that kill it, stop it and
 * start it again on the same data.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY = /runs on http:\/\//;
const START_TIMEOUT_MS = 120_000;

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  pid: number;
  output(): string;
  /** Resolves when the process has exited, with how. */
  exited: Promise<ServerExit>;
  kill(signal: NodeJS.Signals): void;
}

/** Environment for the server: demo mode (the default outside production), quiet logs, no rate limit in the way. */
export function serverEnv(database: { dataDir: string } | { databaseUrl: string }, tmpDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The highest the configuration accepts; the harness must measure durability, not the limiter.
    RATE_LIMIT_PER_MINUTE: '100000',
    // PGlite's socket folders land here, so the ones a kill -9 leaves behind are removed with the test's folder.
    TMPDIR: tmpDir,
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  delete env.DEMO_MODE;
  if ('dataDir' in database) env.DATA_DIR = database.dataDir;
  else env.DATABASE_URL = database.databaseUrl;
  return env;
}

const running = new Set<ChildProcess>();

/** Kills every server this file started that still runs: a failed assertion must not leave one behind. */
export async function killLeftoverServers(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))));
}

/** Spawns the server without waiting for it (for a start that is expected to fail). */
export function spawnServer(env: NodeJS.ProcessEnv, port: number): { child: ChildProcess; output: () => string; exited: Promise<ServerExit> } {
  const child = spawn(process.execPath, [...SERVER_ARGS], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);
  const exited = new Promise<ServerExit>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, output: () => output, exited };
}

/** Starts the server on a free port and waits until it says it listens. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  const { child, output, exited } = spawnServer(env, port);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output()}`));
    }, START_TIMEOUT_MS);
    const check = (): void => {
      if (READY.test(output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`server exited during start (${exit.code ?? exit.signal}):\n${output()}`));
    });
  });
  if (child.pid === undefined) throw new Error('server has no pid');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    output,
    exited,
    kill: (signal) => {
      child.kill(signal);
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function login(baseUrl: string, username = 'beheerder', password = 'demo'): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('wr_session='));
  if (!setCookie) throw new Error('no session cookie');
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] ?? '', csrfToken: body.csrfToken };
}

export function sessionHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
}

export async function listOrganisationIds(baseUrl: string, session: Session): Promise<Set<string>> {
  const response = await fetch(`${baseUrl}/api/v1/organisations`, { headers: { cookie: session.cookie } });
  if (response.status !== 200) throw new Error(`GET organisations: ${response.status}`);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  return new Set(body.items.map((item) => item.id));
}

export async function verifyAudit(baseUrl: string, session: Session): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/v1/audit/verify`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
  return response.json();
}
