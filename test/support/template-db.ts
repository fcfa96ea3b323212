import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/platform/server/db.js';

/**
 * A migrated and seeded database is built once per kind of content (the demo data asked for, the secret the
 * seed derives pseudonyms with) and copied for every test file that asks for the same: on PostgreSQL with
 * CREATE DATABASE … TEMPLATE, on PGlite from a data-folder archive. Migrating and seeding per file was most
 * of a file's set-up time. Templates live only as long as the test run: on the run's own PostgreSQL server,
 * or in the run's temp folder (global-setup.ts makes and removes both).
 */
export async function databaseFromTemplate(
  contentKey: string,
  build: (database: DatabaseHandle) => Promise<void>,
): Promise<{ handle: DatabaseHandle; url: string | undefined }> {
  const key = createHash('sha256').update(contentKey).digest('hex').slice(0, 16);
  const serverUrl = inject('postgresUrl');
  return serverUrl ? fromPostgresTemplate(serverUrl, key, build) : { handle: await fromPgliteTemplate(key, build), url: undefined };
}

async function fromPostgresTemplate(serverUrl: string, key: string, build: (database: DatabaseHandle) => Promise<void>) {
  const template = `tpl_${key}`;
  // One connection, so the advisory lock and the statements share a session.
  const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) });
  try {
    // Test files run in parallel workers: the first to need a template builds it, the others wait for it.
    await sql`SELECT pg_advisory_lock(hashtext(${template}))`.execute(admin);
    try {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${template}`.execute(admin);
      if ((rows[0]?.n ?? 0) === 0) {
        await sql.raw(`CREATE DATABASE ${template}`).execute(admin);
        const building = await openDatabase({ databaseUrl: serverUrl.replace(/\/postgres$/, `/${template}`), poolSize: 2 });
        try {
          await build(building);
        } catch (error) {
          await building.close();
          await sql.raw(`DROP DATABASE ${template}`).execute(admin);
          throw error;
        }
        // CREATE DATABASE … TEMPLATE needs the template without connections.
        await building.close();
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${template}))`.execute(admin);
    }
    const name = `t_${randomBytes(6).toString('hex')}`;
    await sql.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`).execute(admin);
    const url = serverUrl.replace(/\/postgres$/, `/${name}`);
    return { handle: await openDatabase({ databaseUrl: url, poolSize: 5 }), url };
  } finally {
    await admin.destroy();
  }
}

async function fromPgliteTemplate(key: string, build: (database: DatabaseHandle) => Promise<void>): Promise<DatabaseHandle> {
  const folder = inject('templateDir');
  const archive = path.join(folder, `${key}.tar`);
  if (existsSync(archive)) return openDatabase({ loadDataDir: new Blob([readFileSync(archive)]) });
  // Two workers may build the same template at once; each writes it whole and renames, so none reads half.
  const handle = await openDatabase({});
  await build(handle);
  const dump = await handle.dumpDataDir?.();
  if (!dump) throw new Error('this PGlite handle cannot dump its data folder');
  mkdirSync(folder, { recursive: true });
  const partial = `${archive}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, archive);
  return handle;
}
