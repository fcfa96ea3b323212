import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { DatabaseHandle } from '../../platform/server/db.js';
import { APP_VERSION } from '../../platform/server/runtime.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, endLine, headerLine, orderTablesByForeignKeys, tableLine, type BackupHeader } from '../backup/backup-format.js';
import {
  closeRowCursor,
  countTableRows,
  fetchRows,
  findAppliedMigrations,
  findForeignKeys,
  findTables,
  openRowCursor,
  serverVersion,
  type CatalogTable,
} from '../backup/catalog.queries.js';
import { SYSTEM_ACTOR, withAudit } from '../../platform/server/index.js';
import { backupThroughRunningServer } from '../backup/online-backup.js';
import { badInput, cliConfig, EXIT, parseCommandArgs, resolvePath, withDatabase, type CliCommand } from '../cli-support.js';

// Rows per FETCH: small enough that a table of large rows (GeoJSON boundaries) stays within memory.
const FETCH_ROWS = 500;

export interface BackupTableResult {
  table: string;
  rows: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  migrations: string[];
  tables: BackupTableResult[];
  warnings: string[];
}

/**
 * Writes a logical backup of every table in schema public (see backup-format.ts) from one consistent
 * snapshot. The file appears only when complete (temp file, fsync, rename) and only its owner can read
 * it: it holds personal data and password hashes.
 */
export async function backupDatabase(database: DatabaseHandle, file: string, options: { now?: Date } = {}): Promise<BackupResult> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw badInput(`The folder ${dir} does not exist.`);
  if (existsSync(target) && statSync(target).isDirectory()) throw badInput(`${target} is a folder; give a file name.`);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

  // Repeatable read: every table is read from the same snapshot, so foreign keys match across tables
  // even while a PostgreSQL server keeps taking writes.
  const trx = await database.db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  try {
    const catalogTables = await findTables(trx);
    const { order, cyclic } = orderTablesByForeignKeys(
      catalogTables.map((t) => t.name),
      await findForeignKeys(trx),
    );
    const byName = new Map(catalogTables.map((t) => [t.name, t]));
    const tables = order.map((name) => byName.get(name)).filter((t): t is CatalogTable => t !== undefined);
    const counts = new Map<string, number>();
    for (const table of tables) counts.set(table.name, await countTableRows(trx, table.name));
    const migrations = await findAppliedMigrations(trx);
    if (migrations.length === 0) throw badInput('Nothing to back up: this database was never migrated (is DATA_DIR or DATABASE_URL the right one?).');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: { kind: database.kind, serverVersion: await serverVersion(trx) },
      migrations,
    };
    const hash = createHash('sha256');
    let checksum = '';
    const emit = (lines: string[]): string => {
      const chunk = `${lines.join('\n')}\n`;
      hash.update(chunk);
      return chunk;
    };

    async function* content(): AsyncGenerator<string> {
      yield emit([headerLine(header)]);
      for (const table of tables) {
        const expected = counts.get(table.name) ?? 0;
        yield emit([tableLine({ table: table.name, columns: table.columns, rows: expected })]);
        await openRowCursor(trx, table);
        let written = 0;
        for (;;) {
          const rows = await fetchRows(trx, FETCH_ROWS);
          if (rows.length > 0) yield emit(rows);
          written += rows.length;
          if (rows.length < FETCH_ROWS) break;
        }
        await closeRowCursor(trx);
        // Cannot differ inside one snapshot; if it ever did, the file would be unreadable, so stop here.
        if (written !== expected) throw new Error(`Table ${table.name}: counted ${expected} rows but read ${written}`);
      }
      checksum = hash.digest('hex');
      yield `${endLine(Object.fromEntries(counts), checksum)}\n`;
    }

    try {
      await pipeline(Readable.from(content()), createGzip(), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      await fsyncPath(temp);
      await rename(temp, target);
      await fsyncPath(dir);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return {
      file: target,
      bytes: statSync(target).size,
      sha256: checksum,
      migrations: header.migrations,
      tables: tables.map((t) => ({ table: t.name, rows: counts.get(t.name) ?? 0 })),
      warnings: cyclic.length > 0 ? [`Tables in a foreign-key cycle (restore needs DEFERRABLE constraints there): ${cyclic.join(', ')}`] : [],
    };
  } finally {
    await trx.rollback().execute();
  }
}

/** Makes the bytes (or, for a folder, the rename) durable before the backup is reported as written. */
async function fsyncPath(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A backup as an operator makes it, from the command line or through the running server: written as
 * above, then recorded in the audit log (who ran it is the system; where it went, its size and checksum).
 * If the audit row cannot be written the backup is removed and the command fails: an unrecorded copy of
 * everyone's data must not exist.
 */
export async function backupAndRecord(database: DatabaseHandle, file: string, via: 'command line' | 'running server'): Promise<BackupResult> {
  const result = await backupDatabase(database, file);
  try {
    await database.db.transaction().execute((tx) =>
      withAudit(tx, SYSTEM_ACTOR, 'database.backup', { type: 'database' }, {
        file: result.file,
        bytes: result.bytes,
        sha256: result.sha256,
        rows: result.tables.reduce((sum, t) => sum + t.rows, 0),
        tables: result.tables.length,
        via,
      }),
    );
  } catch (error) {
    await rm(result.file, { force: true });
    throw error;
  }
  return result;
}

export function describeBackup(result: BackupResult): string {
  const total = result.tables.reduce((sum, t) => sum + t.rows, 0);
  return (
    `Backup written: ${result.file} (${result.bytes} bytes, ${total} rows in ${result.tables.length} tables, sha256 ${result.sha256})\n` +
    result.tables.map((t) => `  ${t.table.padEnd(32)} ${t.rows}\n`).join('')
  );
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write a logical backup (gzip NDJSON, restorable into PGlite or PostgreSQL) to a file; on PGlite a running server writes it',
  usage: 'backup <file>',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1 });
    const file = resolvePath(io, positionals[0] ?? '');
    const config = cliConfig(io);
    // PGlite allows one process per folder: while the server runs, it writes the backup itself.
    const online = config.databaseUrl ? null : await backupThroughRunningServer(config.dataDir, file);
    const result = online?.result ?? (await withDatabase(io, { migrate: false, mustExist: true }, (database) => backupAndRecord(database, file, 'command line')));
    for (const warning of result.warnings) io.stderr(`Warning: ${warning}\n`);
    io.stdout(describeBackup(result));
    if (online) io.stdout(`Written by the running server (pid ${online.pid}) from one consistent snapshot, while it kept serving.\n`);
    return EXIT.ok;
  },
};
