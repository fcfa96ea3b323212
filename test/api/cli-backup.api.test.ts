import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endLine } from '../../src/cli/backup/backup-format.js';
import { findAppliedMigrations, findTables } from '../../src/cli/backup/catalog.queries.js';
import { CliError, EXIT } from '../../src/cli/cli-support.js';
import { describeVerification, verifyAudit } from '../../src/cli/commands/audit-verify.js';
import { backupDatabase } from '../../src/cli/commands/backup.js';
import { createOrganisationWithSystemActor } from '../../src/cli/commands/create-organisation.js';
import { createUserWithSystemActor, validateCreateUser } from '../../src/cli/commands/create-user.js';
import { disableDemoAccounts } from '../../src/cli/commands/disable-demo-accounts.js';
import { restoreDatabase } from '../../src/cli/commands/restore.js';
import { buildApp } from '../../src/platform/server/app.js';
import { loadConfig } from '../../src/platform/server/config.js';
import { lockDataDir } from '../../src/platform/server/data-lock.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/server/db.js';
import { migrate, readMigrations } from '../../src/platform/server/migrate.js';
import { openRuntime } from '../../src/platform/server/runtime.js';
import { countRows, createTestApp, createTestDatabase, sessionFrom, testDbKind, type TestApp } from '../support/test-app.js';
import { CLI_ARGS } from '../support/server-build.js';

/**
 * Backup and restore (SECURITY.md 22) through the command functions, the CLI wiring through real
 * processes, and the account commands. Runs once per TEST_DB; on PostgreSQL it also restores across
 * database kinds (PostgreSQL → PGlite → PostgreSQL).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NEW_USER = { username: 'm.devries', password: 'een lang wachtwoord 123' };

let work: string;
let source: TestApp;
let tokenValue: string;
/** The tables this file fills with rows; other modules' tables are compared too, even when empty. */
const PLATFORM_TABLES = ['audit_log', 'login_attempts', 'organisations', 'role_policies', 'users', 'api_tokens', 'sessions', 'user_area_scopes', 'user_roles'];
/** Row counts of the source before this file added its own data: the additions are asserted exactly. */
let baseline: Map<string, number>;

async function tableNames(database: DatabaseHandle): Promise<string[]> {
  return (await findTables(database.db)).map((t) => t.name);
}

async function countsOf(database: DatabaseHandle): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of await tableNames(database)) counts.set(table, await countRows(database, table));
  return counts;
}

/** A fingerprint of a table's full content, independent of row order and of the session time zone. */
async function fingerprint(database: DatabaseHandle, table: string): Promise<string> {
  return database.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL TIME ZONE 'UTC'`.execute(tx);
    const { rows } = await sql<{ f: string | null }>`SELECT md5(string_agg(to_jsonb(t)::text, E'\n' ORDER BY to_jsonb(t)::text)) AS f FROM ${sql.table(table)} AS t`.execute(tx);
    return rows[0]?.f ?? 'empty';
  });
}

async function expectSameContent(from: DatabaseHandle, to: DatabaseHandle): Promise<void> {
  const tables = await tableNames(from);
  expect(await tableNames(to)).toEqual(tables);
  for (const table of tables) {
    expect(await countRows(to, table), table).toBe(await countRows(from, table));
    expect(await fingerprint(to, table), table).toBe(await fingerprint(from, table));
  }
}

async function appOn(database: DatabaseHandle): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });
  const app = await buildApp({ config, database, clock: () => new Date(), version: 'test' }, { logger: false, webDistDir: '/nonexistent' });
  await app.ready();
  return app;
}

async function loginStatus(app: FastifyInstance, username: string, password: string): Promise<number> {
  return (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } })).statusCode;
}

/** Decompresses a backup, lets `edit` change its lines, and writes it back with a correct checksum. */
function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[], options: { fixChecksum: boolean }): void {
  const lines = gunzipSync(readFileSync(from)).toString('utf8').replace(/\n$/, '').split('\n');
  const edited = edit(lines.slice(0, -1));
  let end = lines[lines.length - 1] ?? '';
  if (options.fixChecksum) {
    const sha = createHash('sha256').update(edited.map((l) => `${l}\n`).join('')).digest('hex');
    end = endLine((JSON.parse(end) as { rowCounts: Record<string, number> }).rowCounts, sha);
  }
  writeFileSync(to, gzipSync(`${[...edited, end].join('\n')}\n`));
}

async function expectRefused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(EXIT.badInput);
  expect((error as CliError).message).toMatch(message);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-cli-test-'));
  source = await createTestApp();
  baseline = await countsOf(source.database);
  const admin = await source.login('beheerder');
  const organisation = await source.app.inject({
    method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name: 'Gemeente Zwijndrecht', kind: 'gemeente' },
  });
  expect(organisation.statusCode).toBe(201);
  const user = await source.app.inject({
    method: 'POST', url: '/api/v1/users', headers: admin.headers,
    payload: { ...NEW_USER, displayName: 'M. de Vries', organisationId: organisation.json<{ id: string }>().id, roles: ['analyst', 'viewer'], areaScopes: ['GM0642', 'WK064201'] },
  });
  expect(user.statusCode).toBe(201);
  expect((await source.app.inject({ method: 'PUT', url: '/api/v1/role-policies/finance', headers: admin.headers, payload: { mfaRequired: true } })).statusCode).toBe(200);
  const token = await source.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: admin.headers, payload: { name: 'nightly export' } });
  expect(token.statusCode).toBe(201);
  tokenValue = token.json<{ token: string }>().token;
  expect(await loginStatus(source.app, 'regisseur', 'wrong password')).toBe(401);
  await source.login(NEW_USER.username, NEW_USER.password);
});

afterAll(async () => {
  await source?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into a fresh database with the same rows in every table, a valid audit chain, and working logins', async () => {
    const counts = await countsOf(source.database);
    // What beforeAll added, exactly; and every table holds rows, so every table is really carried over.
    expect(counts.get('organisations')).toBe((baseline.get('organisations') ?? 0) + 1);
    expect(counts.get('users')).toBe((baseline.get('users') ?? 0) + 1);
    expect(counts.get('user_area_scopes')).toBe((baseline.get('user_area_scopes') ?? 0) + 2);
    expect(counts.get('api_tokens')).toBe((baseline.get('api_tokens') ?? 0) + 1);
    for (const table of PLATFORM_TABLES) expect(counts.get(table), `${table} has rows to back up`).toBeGreaterThan(0);

    const file = path.join(work, 'full.wrb');
    const backup = await backupDatabase(source.database, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(new Map(backup.tables.map((t) => [t.table, t.rows]))).toEqual(counts);
    expect(backup.migrations).toEqual(readMigrations().map((m) => m.name));
    // Foreign keys satisfied by order: organisations before users before what hangs off users.
    const order = backup.tables.map((t) => t.table);
    expect(order.indexOf('organisations')).toBeLessThan(order.indexOf('users'));
    for (const child of ['user_roles', 'user_area_scopes', 'sessions', 'api_tokens']) expect(order.indexOf('users')).toBeLessThan(order.indexOf(child));

    const target = await createTestDatabase();
    try {
      const restored = await restoreDatabase(target.handle, file);
      expect(new Map(restored.tables.map((t) => [t.table, t.rows]))).toEqual(counts);
      const auditRows = counts.get('audit_log') ?? 0;
      expect(restored.audit).toMatchObject({ valid: true, rows: auditRows });
      expect(restored.migrationsAppliedAfter).toEqual([]);
      const { rows: maxRows } = await sql<{ id: string }>`SELECT max(id)::text AS id FROM audit_log`.execute(target.handle.db);
      const restoredMaxId = maxRows[0]?.id ?? '0';
      await expectSameContent(source.database, target.handle);
      expect(await findAppliedMigrations(target.handle.db)).toEqual(readMigrations().map((m) => m.name));

      const app = await appOn(target.handle);
      try {
        expect(await loginStatus(app, 'beheerder', 'demo')).toBe(200);
        expect(await loginStatus(app, NEW_USER.username, NEW_USER.password)).toBe(200);
        expect(await loginStatus(app, NEW_USER.username, 'not the password')).toBe(401);
        const viaToken = await app.inject({ url: '/api/v1/organisations', headers: { authorization: `Bearer ${tokenValue}` } });
        expect(viaToken.statusCode).toBe(200);
        expect(viaToken.json<{ items: unknown[] }>().items).toHaveLength(counts.get('organisations') ?? -1);
        // Sequences continue after the restored ids: a new audited write and a verifying chain prove it.
        const admin = sessionFrom(await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'beheerder', password: 'demo' } }));
        const created = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name: 'Na de restore', kind: 'overig' } });
        expect(created.statusCode).toBe(201);
        const rowsNow = await countRows(target.handle, 'audit_log');
        const verify = await app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: admin.headers });
        expect(verify.json()).toEqual({ valid: true, rows: rowsNow });
        const { rows } = await sql<{ restored: string }>`SELECT count(*)::text AS restored FROM audit_log WHERE id <= ${restoredMaxId}`.execute(target.handle.db);
        expect(Number(rows[0]?.restored)).toBe(auditRows);
      } finally {
        await app.close();
      }
    } finally {
      await target.handle.close();
    }
  });

  // Needs a PostgreSQL server, so it exists only in the PostgreSQL run (the same file runs on both).
  if (testDbKind() === 'postgres') it('restores a PostgreSQL backup into PGlite and that one back into PostgreSQL', async () => {
    const fromPostgres = path.join(work, 'from-postgres.wrb');
    await backupDatabase(source.database, fromPostgres);
    const pglite = await openDatabase({});
    try {
      const intoPglite = await restoreDatabase(pglite, fromPostgres);
      expect(intoPglite.audit.valid).toBe(true);
      await expectSameContent(source.database, pglite);
      const fromPglite = path.join(work, 'from-pglite.wrb');
      const backup = await backupDatabase(pglite, fromPglite);
      expect(backup.sha256).toMatch(/^[0-9a-f]{64}$/);
      const postgres = await createTestDatabase();
      try {
        const back = await restoreDatabase(postgres.handle, fromPglite);
        expect(back.audit).toMatchObject({ valid: true, rows: await countRows(source.database, 'audit_log') });
        await expectSameContent(source.database, postgres.handle);
      } finally {
        await postgres.handle.close();
      }
    } finally {
      await pglite.close();
    }
  });

  it('refuses broken backups and non-empty targets with a clear message, changing nothing', async () => {
    const good = path.join(work, 'good.wrb');
    await backupDatabase(source.database, good);
    const file = (name: string) => path.join(work, name);

    writeFileSync(file('plain.wrb'), 'this is not compressed\n');
    writeFileSync(file('other.wrb.gz'), gzipSync('{"hello":"world"}\n'));
    const bytes = readFileSync(good);
    writeFileSync(file('cut.wrb'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    rewriteBackup(good, file('tampered.wrb'), (lines) => lines.map((l) => l.replace('"M. de Vries"', '"M. de Vries (gewijzigd)"')), { fixChecksum: false });
    expect(gunzipSync(readFileSync(file('tampered.wrb'))).toString('utf8')).toContain('"M. de Vries (gewijzigd)"');
    writeFileSync(file('no-end.wrb'), gzipSync(`${gunzipSync(readFileSync(good)).toString('utf8').replace(/\{"end":true[^\n]*\n$/, '')}`));
    rewriteBackup(good, file('newer-build.wrb'), (lines) => {
      const header = JSON.parse(lines[0] ?? '{}') as { migrations: string[] };
      header.migrations.push('29991231T2359__future__unknown-change.sql');
      return [JSON.stringify(header), ...lines.slice(1)];
    }, { fixChecksum: true });
    rewriteBackup(good, file('v2.wrb'), (lines) => [JSON.stringify({ ...(JSON.parse(lines[0] ?? '{}') as object), formatVersion: 2 }), ...lines.slice(1)], { fixChecksum: true });

    const cases: [string, RegExp][] = [
      [file('missing.wrb'), /No such file/],
      [work, /Not a file/],
      [file('plain.wrb'), /not gzip-compressed/],
      [file('other.wrb.gz'), /not a Wijkregie backup/],
      [file('cut.wrb'), /damaged|incomplete/],
      [file('tampered.wrb'), /checksum does not match/],
      [file('no-end.wrb'), /incomplete/],
      [file('newer-build.wrb'), /does not know its migration\(s\) 29991231T2359__future__unknown-change\.sql/],
      [file('v2.wrb'), /format version 2/],
    ];
    const target = await createTestDatabase();
    try {
      for (const [backupFile, message] of cases) {
        await expectRefused(restoreDatabase(target.handle, backupFile), message);
        // Nothing changed: not even the migrations ran.
        expect(await tableNames(target.handle), path.basename(backupFile)).toEqual([]);
        expect(await findAppliedMigrations(target.handle.db)).toEqual([]);
      }
      // The target was left fresh: the good backup still goes in.
      expect((await restoreDatabase(target.handle, good)).audit.valid).toBe(true);
    } finally {
      await target.handle.close();
    }

    const before = await countsOf(source.database);
    await expectRefused(restoreDatabase(source.database, good), /target database is not empty \(rows in .*audit_log.*users/);
    expect(await countsOf(source.database)).toEqual(before);
  });

  it('handles what future modules may add: seeded reference rows, self-references across batches, identity, generated and partitioned tables, older backups', { timeout: 180_000 }, async () => {
    // A module migration of the kind still to come: a catalogue seeded by the migration, and a tree.
    const futureSql = `
      CREATE TABLE test_catalogue (code text PRIMARY KEY, label text NOT NULL);
      INSERT INTO test_catalogue VALUES ('inhabitants', 'Inwoners'), ('households', 'Huishoudens');
      CREATE TABLE test_tree (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        parent_id integer REFERENCES test_tree (id),
        catalogue_code text REFERENCES test_catalogue (code),
        code text NOT NULL,
        code_upper text GENERATED ALWAYS AS (upper(code)) STORED
      );
      CREATE TABLE test_values (area_code text NOT NULL, period integer NOT NULL, value numeric, PRIMARY KEY (area_code, period))
        PARTITION BY HASH (area_code);
      CREATE TABLE test_values_p0 PARTITION OF test_values FOR VALUES WITH (MODULUS 2, REMAINDER 0);
      CREATE TABLE test_values_p1 PARTITION OF test_values FOR VALUES WITH (MODULUS 2, REMAINDER 1);`;
    const future = { name: '29990101T0000__test__reference-data.sql', sql: futureSql, checksum: createHash('sha256').update(futureSql).digest('hex') };
    const build = [...readMigrations(), future];

    const origin = await createTestDatabase();
    const target = await createTestDatabase();
    const older = await createTestDatabase();
    try {
      await migrate(origin.handle.db, build);
      // Each node points at the next one, inserted later: 1,200 rows span three restore batches, so only
      // loading the table in one statement satisfies the foreign key.
      await sql`INSERT INTO test_tree (code, catalogue_code) SELECT 'n' || g, 'inhabitants' FROM generate_series(1, 1200) AS g`.execute(origin.handle.db);
      await sql`UPDATE test_tree SET parent_id = id + 1 WHERE id < 1200`.execute(origin.handle.db);
      await sql`UPDATE test_catalogue SET label = 'Aantal inwoners' WHERE code = 'inhabitants'`.execute(origin.handle.db);
      await sql`INSERT INTO test_catalogue VALUES ('income', 'Inkomen')`.execute(origin.handle.db);
      await sql`INSERT INTO test_values SELECT 'BU0505' || lpad(g::text, 4, '0'), 2020 + g % 5, g / 7.0 FROM generate_series(1, 300) AS g`.execute(origin.handle.db);
      const file = path.join(work, 'future.wrb');
      const backup = await backupDatabase(origin.handle, file);
      expect(backup.tables.find((t) => t.table === 'test_tree')?.rows).toBe(1200);
      // A partitioned table travels through its parent, once; its partitions are not tables of their own.
      expect(backup.tables.filter((t) => t.table.startsWith('test_values'))).toEqual([{ table: 'test_values', rows: 300 }]);
      expect(backup.tables.map((t) => t.table).indexOf('test_catalogue')).toBeLessThan(backup.tables.map((t) => t.table).indexOf('test_tree'));

      const restored = await restoreDatabase(target.handle, file, { migrations: build });
      // The test's catalogue, and the reference rows the real modules' migrations seed (categories, settings …).
      expect(restored.referenceTablesReplaced).toContain('test_catalogue');
      for (const table of restored.referenceTablesReplaced) expect(await countRows(origin.handle, table), table).toBeGreaterThan(0);
      await expectSameContent(origin.handle, target.handle);
      const { rows: labels } = await sql<{ code: string; label: string }>`SELECT code, label FROM test_catalogue ORDER BY code`.execute(target.handle.db);
      expect(labels).toEqual([{ code: 'households', label: 'Huishoudens' }, { code: 'income', label: 'Inkomen' }, { code: 'inhabitants', label: 'Aantal inwoners' }]);
      // The identity sequence continues after the restored ids.
      const { rows: next } = await sql<{ id: number }>`INSERT INTO test_tree (code) VALUES ('new') RETURNING id`.execute(target.handle.db);
      expect(next[0]?.id).toBe(1201);

      // A backup from before the migration existed: loaded first, then this build's newer migration runs.
      const beforeFuture = path.join(work, 'before-future.wrb');
      await backupDatabase(source.database, beforeFuture);
      const upgraded = await restoreDatabase(older.handle, beforeFuture, { migrations: build });
      expect(upgraded.migrationsAppliedAfter).toEqual([future.name]);
      expect(upgraded.audit.valid).toBe(true);
      expect(await countRows(older.handle, 'test_catalogue')).toBe(2);
      expect(await countRows(older.handle, 'users')).toBe(await countRows(source.database, 'users'));
      // And a target already past the backup's migrations is refused, unchanged.
      await expectRefused(restoreDatabase(older.handle, beforeFuture, { migrations: build }), /target database has migrations the backup lacks \(29990101T0000__test__reference-data\.sql\)/);
    } finally {
      await origin.handle.close();
      await target.handle.close();
      await older.handle.close();
    }
  });

  it('writes the backup only when complete, and refuses a folder that does not exist', async () => {
    await expectRefused(backupDatabase(source.database, path.join(work, 'no-such-folder', 'b.wrb')), /does not exist/);
    const file = path.join(work, 'replaced.wrb');
    writeFileSync(file, 'an older backup', { mode: 0o644 });
    await backupDatabase(source.database, file);
    expect(gunzipSync(readFileSync(file)).toString('utf8')).toMatch(/^\{"format":"wijkregie-backup"/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('account commands', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp();
  });
  afterAll(() => demo?.close());

  it('creates an organisation and a user as the system, audited, and refuses duplicates as bad input', async () => {
    const auditBefore = await countRows(demo.database, 'audit_log');
    const organisation = await createOrganisationWithSystemActor(demo.database, { name: 'Gemeente Papendrecht', kind: 'gemeente' });
    await expectRefused(createOrganisationWithSystemActor(demo.database, { name: 'gemeente papendrecht', kind: 'overig' }), /exists already/);
    const request = validateCreateUser(
      { username: 'p.admin', displayName: 'P. Admin', organisation: 'GEMEENTE PAPENDRECHT', roles: ['administrator'], areas: ['GM0590'] },
      'correct horse battery staple',
    );
    const user = await createUserWithSystemActor(demo.database, request);
    expect(user).toMatchObject({ username: 'p.admin', organisationId: organisation.id, roles: ['administrator'], areaScopes: ['GM0590'] });
    await expectRefused(createUserWithSystemActor(demo.database, request), /username is taken/);
    await expectRefused(createUserWithSystemActor(demo.database, { ...request, organisation: 'Gemeente Nergens' }), /No organisation "Gemeente Nergens"/);
    const { rows } = await sql<{ action: string; actor_username: string }>`
      SELECT action, actor_username FROM audit_log ORDER BY id DESC LIMIT 2`.execute(demo.database.db);
    expect(rows).toEqual([{ action: 'user.create', actor_username: 'system' }, { action: 'organisation.create', actor_username: 'system' }]);
    expect(await countRows(demo.database, 'audit_log')).toBe(auditBefore + 2);
    expect(await loginStatus(demo.app, 'p.admin', 'correct horse battery staple')).toBe(200);
  });

  it('disables every demo account, audited, ending their sessions; refuses while they hold the only administrator', async () => {
    const fresh = await createTestApp();
    try {
      const session = await fresh.login('beheerder');
      await expect(disableDemoAccounts(fresh.database)).rejects.toThrow(/leave no active administrator/);
      expect(await loginStatus(fresh.app, 'analist', 'demo')).toBe(200);

      await createUserWithSystemActor(fresh.database, validateCreateUser(
        { username: 'echte.beheerder', displayName: 'Echte Beheerder', organisation: 'Gemeente Dordrecht', roles: ['administrator'], areas: [] },
        'een echt sterk wachtwoord',
      ));
      const auditBefore = await countRows(fresh.database, 'audit_log');
      const result = await disableDemoAccounts(fresh.database);
      expect(result.disabled).toEqual(['analist', 'beheerder', 'corporatie', 'financien', 'politie', 'regisseur', 'zorg']);
      expect(await countRows(fresh.database, 'audit_log')).toBe(auditBefore + 7);
      expect((await fresh.app.inject({ url: '/api/v1/session', headers: { cookie: session.cookie } })).statusCode).toBe(401);
      expect(await loginStatus(fresh.app, 'beheerder', 'demo')).toBe(401);
      expect(await loginStatus(fresh.app, 'echte.beheerder', 'een echt sterk wachtwoord')).toBe(200);
      expect((await disableDemoAccounts(fresh.database)).disabled).toEqual([]);
      const verification = describeVerification(await verifyAudit(fresh.database));
      expect(verification.exitCode).toBe(EXIT.ok);
    } finally {
      await fresh.close();
    }
  });

  it('reports a tampered audit row with exit code 3', async () => {
    const { handle } = await createTestDatabase();
    try {
      const file = path.join(work, 'for-tampering.wrb');
      await backupDatabase(source.database, file);
      await restoreDatabase(handle, file);
      expect(describeVerification(await verifyAudit(handle)).exitCode).toBe(EXIT.ok);
      // As a superuser can: switch the append-only trigger off and edit a row. The chain still tells.
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`.execute(handle.db);
      await sql`UPDATE audit_log SET action = 'user.delete' WHERE id = 3`.execute(handle.db);
      const result = describeVerification(await verifyAudit(handle));
      expect(result.exitCode).toBe(EXIT.auditInvalid);
      expect(result.text).toMatch(/^INVALID at audit_log id 3: row content does not match its hash/);
    } finally {
      await handle.close();
    }
  });
});

// ---- the real CLI, as an operator runs it ----

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCliProcess(args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env };
    if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
    if (!('DATA_DIR' in env)) delete childEnv.DATA_DIR;
    delete childEnv.WIJKREGIE_PASSWORD;
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the CLI process', () => {
  /** A fresh database for the CLI in this run's kind: a DATA_DIR folder, or a new PostgreSQL database. */
  async function freshTarget(name: string): Promise<{ env: Record<string, string>; open: () => Promise<{ database: DatabaseHandle; close: () => Promise<void> }> }> {
    if (testDbKind() === 'postgres') {
      const { handle, url } = await createTestDatabase();
      await handle.close();
      const databaseUrl = url ?? '';
      return {
        env: { DATABASE_URL: databaseUrl },
        open: async () => {
          const database = await openDatabase({ databaseUrl, poolSize: 1 });
          return { database, close: () => database.close() };
        },
      };
    }
    const dataDir = path.join(work, name);
    return {
      env: { DATA_DIR: dataDir },
      open: async () => {
        const runtime = await openRuntime({ dataDir, databaseUrl: undefined }, { migrate: false });
        return { database: runtime.database, close: () => runtime.close() };
      },
    };
  }

  it('bootstraps, backs up and restores through the real command line', { timeout: 400_000 }, async () => {
    const origin = await freshTarget('cli-origin');
    const migrated = await runCliProcess(['migrate'], origin.env);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toBe(`Applied ${readMigrations().length} of ${readMigrations().length} migrations:\n${readMigrations().map((m) => `  ${m.name}\n`).join('')}`);

    const organisation = await runCliProcess(['create-organisation', '--name', 'Gemeente Zwijndrecht', '--kind', 'gemeente'], origin.env);
    expect(organisation.code).toBe(0);
    expect(organisation.stdout).toMatch(/^Created organisation "Gemeente Zwijndrecht" \(gemeente\), id [0-9a-f-]{36}\n$/);

    const userArgs = ['create-user', '--username', 'z.admin', '--display-name', 'Z. Admin', '--organisation', 'gemeente zwijndrecht', '--role', 'administrator', '--area', 'GM0642'];
    const user = await runCliProcess(userArgs, origin.env, 'a password from stdin\n');
    expect(user.stderr).toBe('');
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/^Created user z\.admin \(id [0-9a-f-]{36}\) in "Gemeente Zwijndrecht" with role\(s\) administrator\n$/);
    // unlink-oidc: nothing to remove writes nothing (the audit count below stays 2); an unknown user is bad input.
    const unlinked = await runCliProcess(['unlink-oidc', 'Z.Admin'], origin.env);
    expect(unlinked.stdout).toBe('z.admin has no OIDC link; nothing changed.\n');
    expect(unlinked.code).toBe(0);
    const unknownUser = await runCliProcess(['unlink-oidc', 'niemand'], origin.env);
    expect(unknownUser.code).toBe(2);
    expect(unknownUser.stderr).toContain('No user "niemand"');
    const file = path.join(work, 'cli.wrb');
    const backup = await runCliProcess(['backup', file], origin.env);
    expect(backup.code).toBe(0);
    const written = /^Backup written: (.+) \(\d+ bytes, (\d+) rows in (\d+) tables, sha256 [0-9a-f]{64}\)\n/.exec(backup.stdout);
    expect(written?.[1]).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = await freshTarget('cli-target');
    const restored = await runCliProcess(['restore', file], target.env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    // audit_log 2, organisations 1, users 1, user_roles 1, user_area_scopes 1, plus whatever migrations seed.
    expect(Number(written?.[2])).toBeGreaterThanOrEqual(6);
    expect(restored.stdout).toMatch(new RegExp(`^Restored ${written?.[2]} rows in ${written?.[3]} tables from a backup of `));
    for (const [table, rows] of [['audit_log', 2], ['organisations', 1], ['users', 1], ['user_roles', 1], ['user_area_scopes', 1]] as const) {
      expect(restored.stdout).toMatch(new RegExp(`\n {2}${table} +${rows}\n`));
    }
    expect(restored.stdout).toContain('Audit chain: valid: 2 rows\n');

    const opened = await target.open();
    try {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`.execute(opened.database.db);
      await sql`UPDATE audit_log SET detail = '{"name":"Gemeente Elders"}' WHERE id = 1`.execute(opened.database.db);
    } finally {
      await opened.close();
    }
    const tampered = await runCliProcess(['audit-verify'], target.env);
    expect(tampered.code).toBe(3);
    expect(tampered.stdout).toBe('INVALID at audit_log id 1: row content does not match its hash (0 rows before it verify)\n');
  });

  it('refuses to open a data folder another process holds, naming the lock', async () => {
    const dataDir = path.join(work, 'cli-locked');
    const release = lockDataDir(dataDir);
    try {
      const result = await runCliProcess(['migrate'], { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The data folder ${dataDir} is in use by another Wijkregie process (pid ${process.pid}`);
      // Refused before PGlite opened the folder: nothing was created in it besides the lock.
      expect(readdirSync(dataDir)).toEqual(['wijkregie.lock']);
    } finally {
      release();
    }
  });

  it('exits 2 with usage on bad input, without touching the database', async () => {
    const dataDir = path.join(work, 'cli-bad-input');
    const result = await runCliProcess(['create-user', '--username', 'x', '--password', 'hunter2'], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The password is never taken from the command line');
    expect(() => readdirSync(dataDir)).toThrow();
  });
});
