import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';

/**
 * The backup file format, version 1: gzip'd NDJSON, independent of the database it came from.
 *
 *   {"format":"wijkregie-backup","formatVersion":1,"appVersion":…,"createdAt":…,"database":…,"migrations":[…]}
 *   {"table":"organisations","columns":["id",…],"rows":2}
 *   {…row as to_jsonb…}                                  ← exactly `rows` lines
 *   {"table":"users",…}
 *   …
 *   {"end":true,"rowCounts":{"organisations":2,…},"sha256":"<hex>"}
 *
 * Each table line announces its row count, so a row can never be mistaken for a table or end line
 * whatever its columns are called. The SHA-256 covers every byte before the end line (each line with its
 * "\n"); a truncated, edited or re-ordered file fails it.
 */

export const BACKUP_FORMAT = 'wijkregie-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Guards memory against a damaged or hostile file without newlines; far above any real row. */
export const MAX_LINE_CHARS = 256 * 1024 * 1024;

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.object({ kind: z.string(), serverVersion: z.string() }),
  migrations: z.array(z.string().min(1)),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

// A PostgreSQL identifier as the catalog holds it; it is quoted wherever it reaches SQL.
const Identifier = z.string().min(1).max(63);

const TableLineSchema = z.object({
  table: Identifier,
  columns: z.array(Identifier).min(1),
  rows: z.number().int().min(0),
});
export type TableLine = z.infer<typeof TableLineSchema>;

const EndLineSchema = z.object({
  end: z.literal(true),
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EndLine = z.infer<typeof EndLineSchema>;

export function headerLine(header: BackupHeader): string {
  return JSON.stringify(header);
}

export function tableLine(table: TableLine): string {
  return JSON.stringify({ table: table.table, columns: table.columns, rows: table.rows });
}

export function endLine(rowCounts: Record<string, number>, sha256: string): string {
  return JSON.stringify({ end: true, rowCounts, sha256 });
}

export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: TableLine }
  | { kind: 'row'; table: string; json: string }
  | { kind: 'end'; rowCounts: Record<string, number>; sha256: string };

export interface BackupSummary {
  header: BackupHeader;
  tables: TableLine[];
  sha256: string;
}

/**
 * Reads a backup line by line (the caller splits on "\n"), checking structure, row counts and the
 * checksum. It keeps no rows, so any size streams through. Throws BackupFormatError on the first problem.
 */
export class BackupParser {
  private readonly hash: Hash = createHash('sha256');
  private header: BackupHeader | undefined;
  private readonly tables: TableLine[] = [];
  private current: { table: TableLine; remaining: number } | undefined;
  private ended: { sha256: string } | undefined;
  private lineNumber = 0;

  push(line: string): BackupEvent | null {
    this.lineNumber += 1;
    if (this.ended) {
      if (line.trim() === '') return null;
      throw this.error('content after the end line');
    }
    if (line.length > MAX_LINE_CHARS) throw this.error('line too long');
    if (!this.header) {
      this.header = this.parseHeader(line);
      this.digest(line);
      return { kind: 'header', header: this.header };
    }
    if (this.current && this.current.remaining > 0) {
      // Only the shape is checked here; the checksum vouches for the content and the database for the types.
      if (!line.startsWith('{') || !line.endsWith('}')) throw this.error(`row of ${this.current.table.table} is not a JSON object`);
      this.current.remaining -= 1;
      this.digest(line);
      return { kind: 'row', table: this.current.table.table, json: line };
    }
    const value = this.parseJson(line);
    if (value && typeof value === 'object' && 'end' in value) return this.acceptEnd(value);
    const table = TableLineSchema.safeParse(value);
    if (!table.success) throw this.error('expected a table line or the end line');
    if (this.tables.some((t) => t.table === table.data.table)) throw this.error(`table ${table.data.table} appears twice`);
    this.tables.push(table.data);
    this.current = { table: table.data, remaining: table.data.rows };
    this.digest(line);
    return { kind: 'table', table: table.data };
  }

  /** Call after the last line: a file that stops early has no (valid) end line. */
  finish(): BackupSummary {
    if (!this.header) throw new BackupFormatError('The backup is empty.');
    if (!this.ended) throw new BackupFormatError('The backup is incomplete: it stops before its end line (truncated?).');
    return { header: this.header, tables: [...this.tables], sha256: this.ended.sha256 };
  }

  private acceptEnd(value: object): BackupEvent {
    const end = EndLineSchema.safeParse(value);
    if (!end.success) throw this.error('malformed end line');
    const actual = this.hash.digest('hex');
    if (actual !== end.data.sha256) {
      throw new BackupFormatError('The backup checksum does not match: the file was changed or damaged after it was written.');
    }
    const counted = Object.fromEntries(this.tables.map((t) => [t.table, t.rows]));
    if (JSON.stringify(sortKeys(counted)) !== JSON.stringify(sortKeys(end.data.rowCounts))) {
      throw this.error('row counts in the end line do not match the tables');
    }
    this.ended = { sha256: actual };
    return { kind: 'end', rowCounts: end.data.rowCounts, sha256: actual };
  }

  private parseHeader(line: string): BackupHeader {
    const value = this.parseJson(line, 'This is not a Wijkregie backup (its first line is not JSON).');
    const format = (value as { format?: unknown } | null)?.format;
    if (format !== BACKUP_FORMAT) throw new BackupFormatError('This is not a Wijkregie backup (no "wijkregie-backup" header).');
    const version = (value as { formatVersion?: unknown }).formatVersion;
    if (version !== BACKUP_FORMAT_VERSION) {
      throw new BackupFormatError(`This backup has format version ${String(version)}; this build reads version ${BACKUP_FORMAT_VERSION}. Restore it with the Wijkregie version that wrote it, or a newer one.`);
    }
    const header = BackupHeaderSchema.safeParse(value);
    if (!header.success) throw this.error('malformed header');
    return header.data;
  }

  private parseJson(line: string, message?: string): unknown {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw message ? new BackupFormatError(message) : this.error('not valid JSON');
    }
  }

  private digest(line: string): void {
    this.hash.update(line);
    this.hash.update('\n');
  }

  private error(what: string): BackupFormatError {
    return new BackupFormatError(`The backup is damaged at line ${this.lineNumber}: ${what}.`);
  }
}

function sortKeys(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Orders tables so that every table comes after the tables its foreign keys point to (Kahn's algorithm,
 * alphabetical among equals so the same schema always gives the same file). A self-reference is reported
 * separately: its rows need loading in one statement. Tables in a cycle cannot be ordered; they come last,
 * alphabetically, and are reported, as restoring them needs DEFERRABLE constraints.
 */
export function orderTablesByForeignKeys(
  tables: readonly string[],
  foreignKeys: readonly { table: string; references: string }[],
): { order: string[]; selfReferencing: string[]; cyclic: string[] } {
  const known = new Set(tables);
  const dependsOn = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const fk of foreignKeys) {
    if (!known.has(fk.table) || !known.has(fk.references)) continue;
    if (fk.table === fk.references) selfReferencing.add(fk.table);
    else dependsOn.get(fk.table)?.add(fk.references);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = [...dependsOn.keys()]
      .filter((t) => !placed.has(t) && [...(dependsOn.get(t) ?? [])].every((d) => placed.has(d)))
      .sort();
    const next = ready[0];
    if (next === undefined) break;
    order.push(next);
    placed.add(next);
  }
  const cyclic = tables.filter((t) => !placed.has(t)).sort();
  return { order: [...order, ...cyclic], selfReferencing: [...selfReferencing].sort(), cyclic };
}
