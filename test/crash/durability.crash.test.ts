import http from 'node:http';
import net from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestPostgres, type TestPostgres } from '../support/postgres-server.js';
import {
  killLeftoverServers,
  listOrganisationIds,
  login,
  serverEnv,
  sessionHeaders,
  spawnServer,
  startServer,
  verifyAudit,
  type ServerProcess,
  type Session,
} from './server-process.js';

/**
 * SECURITY.md 19 and 21 against the real server process.
 *  - kill -9 in the middle of a stream of acknowledged writes, on PGlite and on PostgreSQL: after a restart
 *    on the same data every acknowledged id is there and the audit chain verifies;
 *  - SIGTERM with a request in flight: it completes, new connections are refused, exit 0 within 10 s;
 *  - a second server on a data folder in use refuses to start.
 */

const ROUNDS = 3;
const CLIENTS = 4;

let work: string;
let nameCounter = 0;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-crash-'));
  mkdirSync(path.join(work, 'tmp'));
});
afterAll(async () => {
  await killLeftoverServers();
  rmSync(work, { recursive: true, force: true });
});

interface RoundResult {
  acknowledged: number;
  /** Committed but the answer was lost with the process: at most one per client. */
  unacknowledgedButCommitted: number;
  restartMs: number;
}

/** One client: writes one organisation after another until the server stops answering. */
async function writeUntilFailure(baseUrl: string, session: Session, acknowledged: string[]): Promise<void> {
  for (;;) {
    nameCounter += 1;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/v1/organisations`, {
        method: 'POST',
        headers: sessionHeaders(session),
        body: JSON.stringify({ name: `Crash test ${nameCounter}`, kind: 'overig' }),
      });
    } catch {
      return; // the server is gone: this write is unacknowledged, whatever happened to it
    }
    let body: { id?: string };
    try {
      body = (await response.json()) as { id?: string };
    } catch {
      return; // the answer was cut off: not acknowledged either
    }
    if (response.status !== 201 || typeof body.id !== 'string') throw new Error(`write refused: ${response.status} ${JSON.stringify(body)}`);
    acknowledged.push(body.id);
  }
}

/** Writes with several clients, kills the server with SIGKILL after 1–3 s, restarts it on the same data and checks. */
async function killRound(server: ServerProcess, env: NodeJS.ProcessEnv, everAcknowledged: Set<string>): Promise<{ server: ServerProcess; result: RoundResult }> {
  const session = await login(server.baseUrl);
  const before = await listOrganisationIds(server.baseUrl, session);
  const acknowledged: string[] = [];
  const writers = Array.from({ length: CLIENTS }, () => writeUntilFailure(server.baseUrl, session, acknowledged));
  // The stream must be flowing before the clock starts, or a slow first request would eat the window.
  const flowingBy = Date.now() + 30_000;
  while (acknowledged.length === 0 && Date.now() < flowingBy) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 2000));
  server.kill('SIGKILL');
  const exit = await server.exited;
  expect(exit.signal).toBe('SIGKILL');
  await Promise.all(writers);
  for (const id of acknowledged) everAcknowledged.add(id);

  const restartStarted = Date.now();
  const restarted = await startServer(env);
  const restartMs = Date.now() - restartStarted;
  const again = await login(restarted.baseUrl);
  const after = await listOrganisationIds(restarted.baseUrl, again);
  const lost = [...everAcknowledged].filter((id) => !after.has(id));
  expect(lost).toEqual([]);
  const added = [...after].filter((id) => !before.has(id)).length;
  expect(added).toBeGreaterThanOrEqual(acknowledged.length);
  expect(added - acknowledged.length).toBeLessThanOrEqual(CLIENTS);
  expect(await verifyAudit(restarted.baseUrl, again)).toMatchObject({ valid: true });
  return { server: restarted, result: { acknowledged: acknowledged.length, unacknowledgedButCommitted: added - acknowledged.length, restartMs } };
}

async function runKillRounds(env: NodeJS.ProcessEnv, label: string): Promise<ServerProcess> {
  const started = Date.now();
  let server = await startServer(env);
  const everAcknowledged = new Set<string>();
  const results: RoundResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const next = await killRound(server, env, everAcknowledged);
    server = next.server;
    results.push(next.result);
    // A round that wrote nothing would prove nothing.
    expect(next.result.acknowledged, `round ${round + 1} acknowledged writes`).toBeGreaterThanOrEqual(5);
  }
  const total = results.reduce((sum, r) => sum + r.acknowledged, 0);
  console.info(
    `[crash] ${label}: ${ROUNDS} kill -9 rounds, ${total} writes acknowledged (${results.map((r) => r.acknowledged).join(' + ')}), ` +
      `0 lost, committed-but-unanswered ${results.map((r) => r.unacknowledgedButCommitted).join('/')}, ` +
      `restart ${results.map((r) => `${(r.restartMs / 1000).toFixed(1)} s`).join('/')}, total ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return server;
}

/** A plain TCP connect: 'connected', or the error code (ECONNREFUSED once the server stopped listening). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

async function stop(server: ServerProcess | undefined): Promise<void> {
  if (!server) return;
  server.kill('SIGTERM');
  await server.exited;
}

describe('PGlite in DATA_DIR', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    dataDir = path.join(work, 'pglite');
    env = serverEnv({ dataDir }, path.join(work, 'tmp'));
  });
  afterAll(() => stop(server));

  it('loses no acknowledged write to kill -9, and the audit chain verifies after each restart', async () => {
    server = await runKillRounds(env, 'PGlite');
  });

  it('refuses a second server on the same data folder, naming the lock, and leaves the first running', async () => {
    if (!server) throw new Error('needs the server of the previous test');
    const second = spawnServer(env, await freePort());
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by another Wijkregie process (pid ${server.pid}`);
    const lock = JSON.parse(readFileSync(path.join(dataDir, 'wijkregie.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(server.pid);
    expect((await fetch(`${server.baseUrl}/api/v1/health`)).status).toBe(200);
  });

  it('on SIGTERM finishes the request in flight, refuses new connections, exits 0 within 10 s and removes its lock', async () => {
    if (!server) throw new Error('needs the server of the previous test');
    const running = server;
    const session = await login(running.baseUrl);
    const body = JSON.stringify({ name: 'Graceful shutdown', kind: 'overig' });
    const agent = new http.Agent({ keepAlive: true });
    // A slow upload: headers and half the body now, the rest after SIGTERM.
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${running.baseUrl}/api/v1/organisations`, {
        method: 'POST',
        agent,
        headers: { ...sessionHeaders(session), 'content-length': Buffer.byteLength(body) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      request.write(body.slice(0, 10));
      setTimeout(() => {
        const signalled = Date.now();
        running.kill('SIGTERM');
        // New connections: the listening socket is closed as the first step of shutting down.
        setTimeout(() => {
          void tryConnect(running.port)
            .then((outcome) => newConnection.push(outcome))
            .finally(() => request.end(body.slice(10)));
        }, 500);
        void running.exited.then(() => (exitAfterMs = Date.now() - signalled));
      }, 500);
    });
    const newConnection: string[] = [];
    let exitAfterMs = -1;

    const answer = await inFlight;
    expect(answer.status).toBe(201);
    expect(newConnection).toEqual(['ECONNREFUSED']);
    const exit = await running.exited;
    server = undefined;
    agent.destroy();
    expect(exit, running.output()).toEqual({ code: 0, signal: null });
    expect(exitAfterMs).toBeGreaterThan(0);
    expect(exitAfterMs).toBeLessThan(10_000);
    expect(existsSync(path.join(dataDir, 'wijkregie.lock'))).toBe(false);
    console.info(`[crash] PGlite SIGTERM with a request in flight: answered ${answer.status}, new connection ${newConnection.join()}, exit ${exit.code} after ${exitAfterMs} ms`);

    // The request that finished during shutdown was committed.
    const restarted = await startServer(env);
    try {
      const ids = await listOrganisationIds(restarted.baseUrl, await login(restarted.baseUrl));
      expect(ids.has((JSON.parse(answer.body) as { id: string }).id)).toBe(true);
    } finally {
      await stop(restarted);
    }
  });
});

describe('PostgreSQL server via DATABASE_URL', () => {
  let postgres: TestPostgres | undefined;
  let server: ServerProcess | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('CREATE DATABASE wijkregie_crash');
    await admin.end();
    env = serverEnv({ databaseUrl: postgres.urlFor('wijkregie_crash') }, path.join(work, 'tmp'));
  });
  afterAll(async () => {
    await stop(server);
    postgres?.stop();
  });

  it('loses no acknowledged write to kill -9, and the audit chain verifies after each restart', async () => {
    server = await runKillRounds(env, 'PostgreSQL');
  });
});
