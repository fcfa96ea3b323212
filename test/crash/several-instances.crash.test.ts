import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server.js';
import { killLeftoverServers, login, serverEnv, sessionHeaders, startServer, type ServerProcess, type Session } from './server-process.js';

/**
 * Two real server processes on one PostgreSQL database behave as one (docs/operations.md, "Several
 * instances"): a change through one is seen at the next request through the other although both remember
 * callers and figures far longer than the test takes, and a scheduled job started by both at the same
 * moment runs once.
 */

let work: string;
let postgres: TestPostgres;
let databaseUrl: string;
let admin: pg.Client;
let a: ServerProcess;
let b: ServerProcess;

/** Caches long enough that anything seen within the test came through the other process's notification. */
function env(): NodeJS.ProcessEnv {
  return { ...serverEnv({ databaseUrl }, path.join(work, 'tmp')), AUTH_CACHE_SECONDS: '60', READ_CACHE_SECONDS: '3600', LOG_LEVEL: 'debug' };
}

/** Waits (without a deadline of its own: the test's timeout is the limit) until the condition holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
}

interface LogLine {
  msg?: string;
  job?: string;
}

function jobLines(server: ServerProcess, job: string): LogLine[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.job === job);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-instances-'));
  mkdirSync(path.join(work, 'tmp'));
  postgres = await startTestPostgres();
  admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE wijkregie');
  await admin.end();
  databaseUrl = postgres.urlFor('wijkregie');
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  // The first start migrates and loads the demo data alone (two seeds at once would trip over each other).
  const first = await startServer(env());
  first.kill('SIGTERM');
  expect((await first.exited).code).toBe(0);
  // One signal past its retention date, and no job run on record, as if the last run were long ago.
  await admin.query(`UPDATE signals SET retention_until = current_date - 1 WHERE id = (SELECT id FROM signals ORDER BY id LIMIT 1)`);
  await admin.query(`DO $$ BEGIN IF to_regclass('coordination.job_runs') IS NOT NULL THEN DELETE FROM coordination.job_runs; END IF; END $$`);
  [a, b] = await Promise.all([startServer(env()), startServer(env())]);
});

afterAll(async () => {
  await killLeftoverServers();
  await admin?.end();
  postgres?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function get(server: ServerProcess, url: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.baseUrl}${url}`, { headers });
}

describe('two server processes on one PostgreSQL', () => {
  it('figures imported through one are read through the other at the next request', async () => {
    const analyst = await login(a.baseUrl, 'analist');
    const reader = await login(b.baseUrl, 'beheerder');
    const url = '/api/v1/indicators/inhabitants/values?municipality=GM0505&level=buurt&period=2020';
    const inhabitants = async (): Promise<number | null | undefined> => {
      const response = await get(b, url, { cookie: reader.cookie });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: { areaCode: string; value: number | null }[] };
      return body.items.find((item) => item.areaCode === 'BU05050100')?.value;
    };
    const before = await inhabitants();
    expect(typeof before).toBe('number');
    // Remembered now by the other process: asked twice, the same.
    expect(await inhabitants()).toBe(before);
    const changed = (before ?? 0) + 7;
    const form = new FormData();
    form.append('kind', 'values-csv');
    form.append('file', new Blob([`area_code,indicator,period,value\nBU05050100,inhabitants,2020,${changed}\n`]), 'inwoners.csv');
    const imported = await fetch(`${a.baseUrl}/api/v1/imports`, { method: 'POST', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrfToken }, body: form });
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(await inhabitants()).toBe(changed);
  });

  it('a user disabled through one is refused by the other at once, on a session and on a token', async () => {
    const administrator = await login(a.baseUrl, 'beheerder');
    const user: Session = await login(b.baseUrl, 'politie');
    const me = (server: ServerProcess, headers: Record<string, string>) => get(server, '/api/v1/session', headers);
    expect((await me(b, { cookie: user.cookie })).status).toBe(200);
    expect((await me(b, { cookie: user.cookie })).status).toBe(200);

    // A token of the administrator, used through the other process, then revoked through this one.
    const created = await fetch(`${a.baseUrl}/api/v1/api-tokens`, { method: 'POST', headers: sessionHeaders(administrator), body: JSON.stringify({ name: 'two instances' }) });
    expect(created.status).toBe(201);
    const token = (await created.json()) as { id: string; token: string };
    expect((await me(b, { authorization: `Bearer ${token.token}` })).status).toBe(200);
    expect((await me(b, { authorization: `Bearer ${token.token}` })).status).toBe(200);
    const revoked = await fetch(`${a.baseUrl}/api/v1/api-tokens/${token.id}`, { method: 'DELETE', headers: { cookie: administrator.cookie, 'x-csrf-token': administrator.csrfToken } });
    expect(revoked.status).toBe(204);
    expect((await me(b, { authorization: `Bearer ${token.token}` })).status).toBe(401);

    const users = (await (await get(a, '/api/v1/users', { cookie: administrator.cookie })).json()) as { items: { id: string; username: string }[] };
    const police = users.items.find((item) => item.username === 'politie');
    expect(police).toBeDefined();
    const disabled = await fetch(`${a.baseUrl}/api/v1/users/${police?.id}`, { method: 'PATCH', headers: sessionHeaders(administrator), body: JSON.stringify({ disabled: true }) });
    expect(disabled.status).toBe(200);
    expect((await me(b, { cookie: user.cookie })).status).toBe(401);
  });

  it('the retention job, started by both at the same moment, runs in one of them', async () => {
    const outcome = (server: ServerProcess) => jobLines(server, 'signals.retention').filter((line) => line.msg === 'job done' || line.msg === 'job skipped');
    // Both start their jobs five seconds after starting; each says what it did.
    await until(() => outcome(a).length > 0 && outcome(b).length > 0);
    const ran = [...outcome(a), ...outcome(b)].filter((line) => line.msg === 'job done');
    expect(ran).toHaveLength(1);
    const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM signals WHERE retention_until < current_date`);
    expect(rows[0]?.n).toBe(0);
  });
});
