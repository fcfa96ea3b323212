import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { MAX_CSV_RECORD_BYTES, MAX_RECORDS } from './import-limits.js';
import { BadRows, fileProblem } from './import-model.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Decodes an uploaded file strictly as UTF-8 (a BOM is dropped): a Latin-1 or Windows-1252 export would
 * otherwise turn "Súdwest-Fryslân" into garbage without anyone noticing.
 */
export function decodeUtf8(content: Buffer): string {
  requireUtf8(content);
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
}

function requireUtf8(content: Buffer): void {
  if (content.length === 0) throw fileProblem('import.empty', 'The file is empty');
  if (!isUtf8(content)) throw fileProblem('import.encoding', 'The file is not valid UTF-8 (wrong encoding?): save it as UTF-8 and try again');
}

export interface CsvRow {
  /** The line the record starts on (1 = the header). */
  line: number;
  /** The cells in header order (an array: a national KWB file is 18,000 rows × 129 columns). */
  record: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: ',' | ';';
  /** Position of each (trimmed) header name in a record. */
  columnIndex: ReadonlyMap<string, number>;
}

/** The cell of a named column ('' when the file has no such column). */
export function cellOf(table: CsvTable, row: CsvRow, column: string): string {
  const index = table.columnIndex.get(column);
  return index === undefined ? '' : (row.record[index] ?? '');
}

/** Only a BOM, spaces and line breaks. */
function isBlank(content: Buffer): boolean {
  for (let i = content.subarray(0, 3).equals(BOM) ? 3 : 0; i < content.length; i += 1) {
    const byte = content[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

/** Comma or semicolon, whichever the header line uses more (StatLine exports use ";"). Reads at most one record's bytes. */
function detectDelimiter(content: Buffer): ',' | ';' {
  const start = content.subarray(0, 3).equals(BOM) ? 3 : 0;
  const newline = content.indexOf(0x0a, start);
  const end = Math.min(newline === -1 ? content.length : newline, start + MAX_CSV_RECORD_BYTES);
  let semicolons = 0;
  let commas = 0;
  for (let i = start; i < end; i += 1) {
    if (content[i] === 0x3b) semicolons += 1;
    else if (content[i] === 0x2c) commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

type Records = { record: string[]; info: { lines: number } }[];

function parseRecords(content: Buffer, delimiter: string, to: number): Records {
  try {
    return parse(content, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
      trim: false,
      to,
      // A record longer than this stops the parse where it happens, not after reading the whole cell.
      max_record_size: MAX_CSV_RECORD_BYTES,
    }) as unknown as Records;
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    const message = error instanceof Error ? error.message : String(error);
    const line = lines ?? /line (\d+)/i.exec(message)?.[1];
    if (code === 'CSV_MAX_RECORD_SIZE') {
      throw fileProblem('import.record_too_long', `Line ${line ?? '?'} holds a record longer than ${MAX_CSV_RECORD_BYTES} bytes (a missing closing quote?): no row of this import is that long`);
    }
    throw fileProblem('import.csv_syntax', `The file is not valid CSV${line ? ` at line ${line}` : ''}: ${message.slice(0, 300)}`);
  }
}

/**
 * Reads a CSV upload: strict UTF-8, comma or semicolon, BOM and quoted newlines allowed. Refused early: a
 * header wider than `maxColumns` (read on its own first, so a million columns cost nothing more), a record
 * longer than MAX_CSV_RECORD_BYTES, more than MAX_RECORDS rows. A NUL character in any cell is a bad row
 * (PostgreSQL text cannot hold it), reported with line and column.
 */
export function readCsv(content: Buffer | string, options: { maxColumns: number }): CsvTable {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  requireUtf8(bytes);
  if (isBlank(bytes)) throw fileProblem('import.empty', 'The file is empty');
  const delimiter = detectDelimiter(bytes);
  const [first] = parseRecords(bytes, delimiter, 1);
  if (!first) throw fileProblem('import.empty', 'The file is empty');
  if (first.record.length > options.maxColumns) {
    throw fileProblem('import.too_many_columns', `The header has ${first.record.length} columns; this kind of file has at most ${options.maxColumns}`);
  }
  const [head, ...body] = parseRecords(bytes, delimiter, MAX_RECORDS + 2);
  if (!head) throw fileProblem('import.empty', 'The file is empty');
  if (body.length > MAX_RECORDS) throw fileProblem('import.too_many_rows', `The file has more than ${MAX_RECORDS} rows; split it`);
  const header = head.record.map((h) => h.trim());
  let previousEnd = head.info.lines;
  const rows = body.map(({ record, info }) => {
    const row = { line: previousEnd + 1, record };
    previousEnd = info.lines;
    return row;
  });
  if (bytes.includes(0)) rejectNulCells(header, head.record, rows);
  // The first of equal names wins, as a lookup by name did before.
  const columnIndex = new Map<string, number>();
  header.forEach((name, i) => {
    if (!columnIndex.has(name)) columnIndex.set(name, i);
  });
  return { header, rows, delimiter, columnIndex };
}

/** Names every cell holding a NUL character (only looked for when the file has a zero byte at all). */
function rejectNulCells(header: string[], headRecord: string[], rows: CsvRow[]): void {
  const bad = new BadRows();
  const columnName = (i: number) => (header[i] && !header[i].includes('\u0000') ? header[i] : String(i + 1));
  headRecord.forEach((cell, i) => {
    if (cell.includes('\u0000')) bad.add(`line 1, column ${i + 1}`, 'the column name contains a NUL character', 'invalid_characters');
  });
  for (const row of rows) {
    row.record.forEach((cell, i) => {
      if (cell.includes('\u0000')) bad.add(`line ${row.line}, column ${columnName(i)}`, 'contains a NUL character', 'invalid_characters');
    });
  }
  bad.throwIfAny();
}
