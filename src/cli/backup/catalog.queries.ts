import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/server/db-schema.js';

/**
 * What backup and restore learn from pg_catalog, so that tables added by future modules are included
 * without a list to keep up to date. Only schema public; schema_migrations travels in the header instead.
 * Every identifier that reaches SQL text is quoted (sql.id / format('%I')).
 */

type Db = Kysely<Database> | Transaction<Database>;

export const SCHEMA = 'public';
const MIGRATIONS_TABLE = 'schema_migrations';

export interface CatalogTable {
  name: string;
  /** Columns in table order; generated columns are left out, the database recomputes them. */
  columns: string[];
  primaryKey: string[];
}

export async function findTables(db: Db): Promise<CatalogTable[]> {
  // Plain and partitioned tables; a partition's rows are read and written through its parent.
  const { rows } = await sql<{ name: string; columns: string[]; primary_key: string[] | null }>`
    SELECT c.relname AS name,
      ARRAY(SELECT a.attname::text FROM pg_attribute a
            WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            ORDER BY a.attnum) AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.ord)
         FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${SCHEMA} AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ${MIGRATIONS_TABLE}
    ORDER BY c.relname`.execute(db);
  return rows.map((row) => ({ name: row.name, columns: row.columns, primaryKey: row.primary_key ?? [] }));
}

export async function findForeignKeys(db: Db): Promise<{ table: string; references: string }[]> {
  // conparentid = 0: the constraint as declared, not its copies on each partition.
  const { rows } = await sql<{ table: string; references: string }>`
    SELECT DISTINCT c.relname AS table, r.relname AS references
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace rn ON rn.oid = r.relnamespace
    WHERE k.contype = 'f' AND k.conparentid = 0 AND cn.nspname = ${SCHEMA} AND rn.nspname = ${SCHEMA}
    ORDER BY 1, 2`.execute(db);
  return rows;
}

export interface OwnedSequence {
  /** Already quoted, as regclass text: "public"."audit_log_id_seq". */
  sequence: string;
  table: string;
  column: string;
}

/** Sequences owned by an integer column: serial, identity, and explicit OWNED BY (audit_log_id_seq). */
export async function findOwnedSequences(db: Db): Promise<OwnedSequence[]> {
  const { rows } = await sql<OwnedSequence>`
    SELECT format('%I.%I', sn.nspname, s.relname) AS sequence, t.relname AS table, a.attname AS column
    FROM pg_depend d
    JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
    JOIN pg_namespace sn ON sn.oid = s.relnamespace
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      AND tn.nspname = ${SCHEMA} AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
    ORDER BY 2, 3`.execute(db);
  return rows;
}

export async function tableHasRows(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.id(SCHEMA, table)}) AS found`.execute(db);
  return rows[0]?.found === true;
}

/** DELETE, not TRUNCATE: it fires no TRUNCATE trigger and takes no lock beyond the ones the restore holds. */
export async function deleteAllRows(tx: Transaction<Database>, table: string): Promise<void> {
  await sql`DELETE FROM ${sql.id(SCHEMA, table)}`.execute(tx);
}

export async function countTableRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.id(SCHEMA, table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The names in schema_migrations, or none when the database was never migrated. */
export async function findAppliedMigrations(db: Db): Promise<string[]> {
  const { rows: exists } = await sql<{ found: boolean }>`SELECT to_regclass(${`${SCHEMA}.${MIGRATIONS_TABLE}`}) IS NOT NULL AS found`.execute(db);
  if (!exists[0]?.found) return [];
  const { rows } = await sql<{ name: string }>`SELECT name FROM ${sql.id(SCHEMA, MIGRATIONS_TABLE)} ORDER BY name`.execute(db);
  return rows.map((row) => row.name);
}

export async function serverVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db);
  return rows[0]?.v ?? 'unknown';
}

// ---- backup: one table streamed through a cursor ----

const CURSOR = 'wijkregie_backup_rows';

/** Opens a cursor over one table's rows as JSON text, in primary-key order so the file is reproducible. */
export async function openRowCursor(tx: Transaction<Database>, table: CatalogTable): Promise<void> {
  const orderBy = table.primaryKey.length > 0 ? sql` ORDER BY ${sql.join(table.primaryKey.map((c) => sql.id('t', c)))}` : sql``;
  await sql`DECLARE ${sql.raw(CURSOR)} NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${sql.id(SCHEMA, table.name)} AS t${orderBy}`.execute(tx);
}

export async function fetchRows(tx: Transaction<Database>, count: number): Promise<string[]> {
  const { rows } = await sql<{ j: string }>`FETCH FORWARD ${sql.raw(String(Math.trunc(count)))} FROM ${sql.raw(CURSOR)}`.execute(tx);
  return rows.map((row) => row.j);
}

export async function closeRowCursor(tx: Transaction<Database>): Promise<void> {
  await sql`CLOSE ${sql.raw(CURSOR)}`.execute(tx);
}

// ---- restore ----

/** Takes every table before the emptiness check, so nothing can be written between the check and the load. */
export async function lockTables(tx: Transaction<Database>, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`LOCK TABLE ${sql.join(tables.map((t) => sql.id(SCHEMA, t)))} IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
}

/**
 * Inserts a batch of rows given as JSON objects. Only the backup's columns are named, so a column the
 * backup lacks gets its default; OVERRIDING SYSTEM VALUE keeps the ids of identity columns.
 */
export async function insertJsonRows(tx: Transaction<Database>, table: string, columns: readonly string[], jsonArray: string, into?: string): Promise<void> {
  const cols = sql.join(columns.map((c) => sql.id(c)));
  const target = into ? sql.id(into) : sql.id(SCHEMA, table);
  const overriding = into ? sql`` : sql`OVERRIDING SYSTEM VALUE `;
  await sql`INSERT INTO ${target} (${cols}) ${overriding}SELECT ${cols} FROM jsonb_populate_recordset(NULL::${sql.id(SCHEMA, table)}, ${jsonArray}::jsonb)`.execute(tx);
}

/** A session-private copy of a table's shape, for a self-referencing table loaded in one statement. */
export async function createStagingTable(tx: Transaction<Database>, staging: string, table: string): Promise<void> {
  await sql`CREATE TEMPORARY TABLE ${sql.id(staging)} (LIKE ${sql.id(SCHEMA, table)}) ON COMMIT DROP`.execute(tx);
}

export async function moveStagedRows(tx: Transaction<Database>, staging: string, table: string, columns: readonly string[]): Promise<void> {
  const cols = sql.join(columns.map((c) => sql.id(c)));
  // One statement: a non-deferrable foreign key is checked at its end, when every row of the table is in.
  await sql`INSERT INTO ${sql.id(SCHEMA, table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM ${sql.id(staging)}`.execute(tx);
  await sql`DROP TABLE ${sql.id(staging)}`.execute(tx);
}

export async function resetSequence(tx: Transaction<Database>, owned: OwnedSequence): Promise<void> {
  await sql`SELECT setval(${owned.sequence}::regclass, m) FROM (SELECT max(${sql.id(owned.column)}) AS m FROM ${sql.id(SCHEMA, owned.table)}) AS x WHERE m IS NOT NULL`.execute(tx);
}

export async function deferConstraints(tx: Transaction<Database>): Promise<void> {
  // Only DEFERRABLE constraints are affected; it lets tables in a foreign-key cycle load in any order.
  await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx);
}
