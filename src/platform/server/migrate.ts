import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from './db-schema.js';
import { projectPath } from './paths.js';

export const MIGRATIONS_DIR = projectPath('db', 'migrations');

// Names like 20261122T1000__areas__create-areas.sql: sortable timestamp, module, what it does.
const MIGRATION_NAME = /^\d{8}T\d{4}__[a-z0-9-]+__[a-z0-9-]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      if (!MIGRATION_NAME.test(file)) throw new Error(`Migration file name not in the expected form: ${file}`);
      const text = readFileSync(path.join(dir, file), 'utf8');
      return { name: file, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies the pending migrations, each in its own transaction, forward-only. An applied migration
 * whose file has changed since is an error: fix forward with a new file instead.
 */
export async function migrate(db: Kysely<Database>, migrations: Migration[] = readMigrations()): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (tx) => {
      // Two app instances starting at once on one server take turns here.
      await sql`SELECT pg_advisory_xact_lock(hashtext('wijkregie.migrate'))`.execute(tx);
      const existing = await tx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('name', '=', migration.name)
        .executeTakeFirst();
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await sql.raw(migration.sql).execute(tx);
      await tx.insertInto('schema_migrations').values({ name: migration.name, checksum: migration.checksum }).execute();
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
