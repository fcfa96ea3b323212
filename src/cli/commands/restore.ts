import type { Transaction } from 'kysely';
import type { Database } from '../../platform/server/db-schema.js';
import type { DatabaseHandle } from '../../platform/server/db.js';
import { verifyAuditChain, type AuditVerification } from '../../platform/server/audit.js';
import { migrate, readMigrations, type Migration } from '../../platform/server/migrate.js';
import { BackupFormatError, BackupParser, orderTablesByForeignKeys, type BackupHeader, type BackupSummary, type TableLine } from '../backup/backup-format.js';
import {
  countTableRows,
  createStagingTable,
  deferConstraints,
  findAppliedMigrations,
  findForeignKeys,
  findOwnedSequences,
  findTables,
  insertJsonRows,
  lockTables,
  moveStagedRows,
  resetSequence,
  tableHasRows,
  deleteAllRows,
  type CatalogTable,
} from '../backup/catalog.queries.js';
import { readBackupLines } from '../backup/read-lines.js';
import { badInput, parseCommandArgs, resolvePath, withDatabase, type CliCommand } from '../cli-support.js';
import { describeVerification } from './audit-verify.js';

// A batch is one INSERT … jsonb_populate_recordset($1): bounded in rows and in characters.
const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;
const STAGING_TABLE = 'wijkregie_restore_staging';

export interface RestoreResult {
  source: BackupHeader;
  tables: { table: string; rows: number }[];
  /** Tables whose rows the target's migrations had put in, replaced by the backup's rows. */
  referenceTablesReplaced: string[];
  /** Migrations of this build the backup did not have, applied after the data was loaded. */
  migrationsAppliedAfter: string[];
  audit: AuditVerification;
}

/** Reads the whole file once: structure, row counts and checksum. Changes nothing. */
export async function verifyBackupFile(file: string): Promise<BackupSummary> {
  const parser = new BackupParser();
  try {
    for await (const line of readBackupLines(file)) parser.push(line);
    return parser.finish();
  } catch (error) {
    if (error instanceof BackupFormatError) throw badInput(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * Restores a backup into an empty database (PGlite or PostgreSQL, whichever made the backup). Every check
 * that can refuse runs before the first change; the data goes in as one transaction, so a failure leaves
 * no rows behind. Order: verify file → check migrations → check the target is fresh → migrate the target
 * to the backup's migrations → load → set sequences → apply this build's newer migrations → verify audit.
 */
export async function restoreDatabase(database: DatabaseHandle, file: string, options: { migrations?: Migration[] } = {}): Promise<RestoreResult> {
  const summary = await verifyBackupFile(file);
  const build = options.migrations ?? readMigrations();
  const buildNames = new Set(build.map((m) => m.name));
  const backupMigrations = new Set(summary.header.migrations);

  const unknown = summary.header.migrations.filter((name) => !buildNames.has(name));
  if (unknown.length > 0) {
    throw badInput(
      `The backup was made by a newer Wijkregie (${summary.header.appVersion}): this build does not know its migration(s) ${unknown.join(', ')}. ` +
        'Restore it with that version or a newer one.',
    );
  }
  const db = database.db;
  const applied = await findAppliedMigrations(db);
  const ahead = applied.filter((name) => !backupMigrations.has(name));
  if (ahead.length > 0) {
    throw badInput(`The target database has migrations the backup lacks (${ahead.join(', ')}). Restore into a new, empty data folder or database.`);
  }
  await refuseUnlessFresh(db, await findTables(db));

  await migrate(db, build.filter((m) => backupMigrations.has(m.name)));
  const { tables, replaced } = await db.transaction().execute((tx) => loadBackup(tx, file, summary));
  const migrationsAppliedAfter = await migrate(db, build);
  const audit = await verifyAuditChain(db);
  return { source: summary.header, tables, referenceTablesReplaced: replaced, migrationsAppliedAfter, audit };
}

/**
 * Every change made through the application writes an audit row in the same transaction, and nothing
 * happens without a user, so a database with neither has only what migrations put in it: fresh.
 */
const APPLICATION_DATA_TABLES = ['audit_log', 'users'];

async function refuseUnlessFresh(db: DatabaseHandle['db'] | Transaction<Database>, tables: readonly CatalogTable[]): Promise<void> {
  const withRows: string[] = [];
  for (const table of tables) {
    if (APPLICATION_DATA_TABLES.includes(table.name) && (await tableHasRows(db, table.name))) withRows.push(table.name);
  }
  if (withRows.length > 0) {
    throw badInput(
      `The target database is not empty (rows in ${withRows.join(', ')}). A restore only goes into a fresh database: ` +
        'a new DATA_DIR folder, or a new database for DATABASE_URL. Nothing was changed.',
    );
  }
}

interface LoadResult {
  tables: { table: string; rows: number }[];
  replaced: string[];
}

async function loadBackup(tx: Transaction<Database>, file: string, verified: BackupSummary): Promise<LoadResult> {
  await deferConstraints(tx);
  const targetTables = await findTables(tx);
  await lockTables(tx, targetTables.map((t) => t.name));
  // Again, under the locks: a server on the same PostgreSQL database may have written since the first check.
  await refuseUnlessFresh(tx, targetTables);
  const byName = new Map(targetTables.map((t) => [t.name, t]));
  for (const table of verified.tables) {
    const target = byName.get(table.table);
    if (!target) throw badInput(`The backup has a table ${table.table} that this database does not have after migrating; is the backup from another application?`);
    const missing = table.columns.filter((c) => !target.columns.includes(c));
    if (missing.length > 0) throw badInput(`Table ${table.table} in the backup has columns this database does not: ${missing.join(', ')}.`);
  }
  const { order, selfReferencing } = orderTablesByForeignKeys(targetTables.map((t) => t.name), await findForeignKeys(tx));
  const staged = new Set(selfReferencing);
  // Reference rows a migration inserted (a catalogue, defaults) are in the backup too, possibly edited
  // since: the backup's version replaces them. Children first, for the foreign keys.
  const replaced: string[] = [];
  for (const table of [...order].reverse()) {
    if (await tableHasRows(tx, table)) {
      await deleteAllRows(tx, table);
      replaced.push(table);
    }
  }

  let current: TableLine | undefined;
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async (): Promise<void> => {
    if (!current || batch.length === 0) return;
    await insertJsonRows(tx, current.table, current.columns, `[${batch.join(',')}]`, staged.has(current.table) ? STAGING_TABLE : undefined);
    batch = [];
    batchChars = 0;
  };
  const finishTable = async (): Promise<void> => {
    await flush();
    if (current && staged.has(current.table)) await moveStagedRows(tx, STAGING_TABLE, current.table, current.columns);
    current = undefined;
  };

  // The file is read a second time and checked again as it goes: it could have been replaced since the
  // first pass, and only a matching checksum at the end lets the transaction commit.
  const parser = new BackupParser();
  try {
    for await (const line of readBackupLines(file)) {
      const event = parser.push(line);
      if (!event) continue;
      if (event.kind === 'table') {
        await finishTable();
        current = event.table;
        if (staged.has(current.table)) await createStagingTable(tx, STAGING_TABLE, current.table);
      } else if (event.kind === 'row') {
        batch.push(event.json);
        batchChars += event.json.length;
        if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
      } else if (event.kind === 'end') {
        await finishTable();
      }
    }
    const again = parser.finish();
    if (again.sha256 !== verified.sha256) throw new BackupFormatError('The backup file changed while it was being restored.');
  } catch (error) {
    if (error instanceof BackupFormatError) throw badInput(`${file}: ${error.message}`);
    throw error;
  }

  const counts: { table: string; rows: number }[] = [];
  for (const table of verified.tables) {
    const rows = await countTableRows(tx, table.table);
    if (rows !== table.rows) throw new Error(`Table ${table.table}: the backup holds ${table.rows} rows, but ${rows} arrived.`);
    counts.push({ table: table.table, rows });
  }
  // Ids restored as they were; the sequences behind them must continue after the highest one.
  for (const owned of await findOwnedSequences(tx)) await resetSequence(tx, owned);
  return { tables: counts, replaced: replaced.sort() };
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore a backup into an empty database (a new DATA_DIR folder or a new PostgreSQL database)',
  usage: 'restore <file>',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1 });
    const file = resolvePath(io, positionals[0] ?? '');
    // Not migrated on open: the target is migrated to the backup's own migrations before the data goes in.
    const result = await withDatabase(io, { migrate: false }, (database) => restoreDatabase(database, file));
    const total = result.tables.reduce((sum, t) => sum + t.rows, 0);
    io.stdout(
      `Restored ${total} rows in ${result.tables.length} tables from a backup of ${result.source.createdAt} ` +
        `(Wijkregie ${result.source.appVersion}, ${result.source.database.kind} ${result.source.database.serverVersion}):\n` +
        result.tables.map((t) => `  ${t.table.padEnd(32)} ${t.rows}\n`).join(''),
    );
    if (result.referenceTablesReplaced.length > 0) io.stdout(`Replaced the rows the migrations had put in: ${result.referenceTablesReplaced.join(', ')}\n`);
    if (result.migrationsAppliedAfter.length > 0) io.stdout(`Then applied ${result.migrationsAppliedAfter.length} newer migration(s): ${result.migrationsAppliedAfter.join(', ')}\n`);
    const { text, exitCode } = describeVerification(result.audit);
    io.stdout(`Audit chain: ${text}`);
    return exitCode;
  },
};
