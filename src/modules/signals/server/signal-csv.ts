import { isUtf8 } from 'node:buffer';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse, type Parser } from 'csv-parse';
import { invalid, type AppError, type FieldError } from '../../../platform/server/index.js';
import { REQUIRED_CSV_COLUMNS, SIGNAL_CSV_COLUMNS } from '../contract.js';

// The columns live in the contract, so the import page lists the same ones.
export { REQUIRED_CSV_COLUMNS, SIGNAL_CSV_COLUMNS };

/**
 * Reading a signals CSV (the export of a public-space reporting system or a partner): UTF-8 with or
 * without BOM, comma or semicolon, quoted newlines allowed. Any problem is reported with line and column.
 * The caps (docs/signals.md) are checked while the file is read, so a hostile file costs little: a 4 MB
 * header of a million columns gave a 211 MB answer, and one 90 MB cell blocked the server for 7 seconds.
 */
export const MAX_SIGNAL_ROWS = 20_000;
/** The contract's columns plus a margin for a source's extra columns (which are then refused by name). */
export const MAX_SIGNAL_COLUMNS = SIGNAL_CSV_COLUMNS.length + 8;
/** Bytes of one record: a description (≤ 4,000 characters, up to 16 KB in UTF-8) and the rest fit well within it. */
export const MAX_SIGNAL_RECORD_BYTES = 64 * 1024;
/** Problems listed in a 422 answer; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100;

export interface SignalCsvRow {
  line: number;
  cells: Record<string, string>;
}

const fileError = (message: string, errors: FieldError[]): AppError => invalid('signal_import.invalid', message, errors);

/** A 422 listing at most MAX_LISTED_PROBLEMS problems, and how many more there were. */
export function problemsError(what: string, problems: FieldError[]): AppError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  if (problems.length > listed.length) listed.push({ path: 'file', message: `${problems.length - listed.length} more problems not listed`, code: 'more_not_listed', params: { count: problems.length - listed.length } });
  return fileError(`${what} has ${problems.length} problem(s); nothing was imported`, listed);
}

/** Bytes read between two turns of the event loop, so other requests are answered during a large file. */
const CHUNK_BYTES = 64 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type CsvRecord = { record: string[]; info: { lines: number } };

export async function readSignalCsv(content: Buffer): Promise<{ header: string[]; rows: SignalCsvRow[] }> {
  if (content.length === 0) throw fileError('The file is empty', [{ path: 'line 1', message: 'empty file', code: 'no_rows' }]);
  if (!isUtf8(content)) throw fileError('The file is not valid UTF-8 (wrong encoding?)', [{ path: 'line 1', message: 'not UTF-8: save the file as UTF-8', code: 'invalid_characters' }]);
  if (isBlank(content)) throw fileError('The file is empty', [{ path: 'line 1', message: 'empty file', code: 'no_rows' }]);
  const [head, ...body] = await readRecords(content, detectDelimiter(content));
  if (!head) throw fileError('The file is empty', [{ path: 'line 1', message: 'empty file', code: 'no_rows' }]);
  const header = head.record.map((h) => h.trim().toLowerCase());
  const headerErrors: FieldError[] = [];
  header.forEach((name, i) => {
    if (!(SIGNAL_CSV_COLUMNS as readonly string[]).includes(name)) headerErrors.push({ path: `line 1, column ${i + 1}`, message: `unknown column "${name.slice(0, 40)}"; expected ${SIGNAL_CSV_COLUMNS.join(', ')}`, code: 'unknown_column', params: { name: name.slice(0, 40) } });
  });
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!header.includes(required)) headerErrors.push({ path: 'line 1', message: `missing column ${required}`, code: 'missing_column', params: { name: required } });
  }
  if (headerErrors.length) throw problemsError('The header', headerErrors);
  if (body.length === 0) throw fileError('The file has a header but no rows', [{ path: 'line 2', message: 'no rows', code: 'no_rows' }]);
  let previousEnd = head.info.lines;
  const rows = body.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = (record[i] ?? '').trim()));
    const row = { line: previousEnd + 1, cells };
    previousEnd = info.lines;
    return row;
  });
  // PostgreSQL text cannot hold NUL (the insert would fail with a 500); looked for only when a zero byte exists.
  if (content.includes(0)) {
    const nul: FieldError[] = [];
    for (const row of rows) {
      header.forEach((name, i) => {
        if (row.cells[name]?.includes('\u0000')) nul.push({ path: `line ${row.line}, column ${i + 1} (${name})`, message: 'contains a NUL character', code: 'invalid_characters' });
      });
    }
    if (nul.length) throw problemsError('The file', nul);
  }
  return { header, rows };
}

/**
 * Parses the records a chunk at a time, giving the event loop a turn between chunks, and stops at the first
 * cap it passes: an over-long record (csv-parse's max_record_size, checked as the record grows), an
 * over-wide header, or too many rows.
 */
async function readRecords(content: Buffer, delimiter: ',' | ';'): Promise<CsvRecord[]> {
  const parser: Parser = parse({ delimiter, bom: true, info: true, relax_column_count: false, skip_empty_lines: true, max_record_size: MAX_SIGNAL_RECORD_BYTES });
  const records: CsvRecord[] = [];
  let refused: AppError | undefined;
  let failure: unknown;
  parser.on('readable', () => {
    for (let record: CsvRecord | null; !refused && (record = parser.read() as CsvRecord | null) !== null; ) {
      records.push(record);
      if (records.length === 1 && record.record.length > MAX_SIGNAL_COLUMNS) {
        refused = fileError('The header is not a signals CSV', [{ path: 'line 1', message: `${record.record.length} columns; a signals CSV has ${SIGNAL_CSV_COLUMNS.length} (at most ${MAX_SIGNAL_COLUMNS} are read)`, code: 'too_many', params: { maximum: MAX_SIGNAL_COLUMNS } }]);
      } else if (records.length > MAX_SIGNAL_ROWS + 1) {
        refused = fileError(`More than ${MAX_SIGNAL_ROWS} rows: split the file`, [{ path: `line ${record.info.lines}`, message: 'too many rows', code: 'too_many', params: { maximum: MAX_SIGNAL_ROWS } }]);
      }
    }
  });
  const ended = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('error', (error) => {
      failure = error;
      resolve();
    });
  });
  for (let offset = 0; offset < content.length && !refused && !failure; offset += CHUNK_BYTES) {
    parser.write(content.subarray(offset, offset + CHUNK_BYTES));
    await nextTurn();
  }
  if (refused) {
    parser.destroy();
    throw refused;
  }
  if (!failure) {
    parser.end();
    await ended;
  }
  if (refused) throw refused;
  if (failure) throw csvError(failure);
  return records;
}

function csvError(error: unknown): AppError {
  const { code, lines } = error as { code?: string; lines?: number };
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/i.exec(message)?.[1] ?? lines ?? '?';
  if (code === 'CSV_MAX_RECORD_SIZE') {
    const what = String(line) === '1' ? 'the header line' : 'a record';
    return fileError('The file is not valid CSV', [{ path: `line ${line}`, message: `${what} is longer than ${MAX_SIGNAL_RECORD_BYTES} bytes (a signals CSV has ${SIGNAL_CSV_COLUMNS.length} columns; a missing closing quote?)`, code: 'invalid_csv' }]);
  }
  const column = /column (\d+)|field (\d+)/i.exec(message);
  return fileError('The file is not valid CSV', [{ path: `line ${line}${column ? `, column ${column[1] ?? column[2]}` : ''}`, message: message.split('\n')[0]?.slice(0, 200) ?? 'invalid CSV', code: 'invalid_csv' }]);
}

/** Only a BOM, spaces and line breaks. */
function isBlank(content: Buffer): boolean {
  for (let i = content.subarray(0, 3).equals(BOM) ? 3 : 0; i < content.length; i += 1) {
    const byte = content[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

/** Comma or semicolon, whichever the first line uses more; reads at most one record's bytes. */
function detectDelimiter(content: Buffer): ',' | ';' {
  const newline = content.indexOf(0x0a);
  const end = Math.min(newline === -1 ? content.length : newline, MAX_SIGNAL_RECORD_BYTES);
  let semicolons = 0;
  let commas = 0;
  for (let i = 0; i < end; i += 1) {
    if (content[i] === 0x3b) semicolons += 1;
    else if (content[i] === 0x2c) commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** The 1-based column of a CSV field in this file's header, for error paths. */
export function columnOf(header: readonly string[], field: string): number {
  return header.indexOf(field) + 1;
}
