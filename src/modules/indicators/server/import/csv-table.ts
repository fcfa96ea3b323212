import { parse } from 'csv-parse/sync';
import { fileProblem, MAX_RECORDS } from './import-model.js';

/**
 * Decodes an uploaded file strictly as UTF-8 (a BOM is dropped): a Latin-1 or Windows-1252 export would
 * otherwise turn "Súdwest-Fryslân" into garbage without anyone noticing.
 */
export function decodeUtf8(content: Buffer): string {
  if (content.length === 0) throw fileProblem('import.empty', 'The file is empty');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw fileProblem('import.encoding', 'The file is not valid UTF-8 (wrong encoding?): save it as UTF-8 and try again');
  }
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

/** Comma or semicolon, whichever the header line uses more (StatLine exports use ";"). */
function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function readCsv(text: string): CsvTable {
  if (text.trim() === '') throw fileProblem('import.empty', 'The file is empty');
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: false, skip_empty_lines: true, trim: false, to: MAX_RECORDS + 2 }) as unknown as typeof records;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    throw fileProblem('import.csv_syntax', `The file is not valid CSV${line ? ` at line ${line}` : ''}: ${message}`);
  }
  const [head, ...body] = records;
  if (!head) throw fileProblem('import.empty', 'The file is empty');
  if (body.length > MAX_RECORDS) throw fileProblem('import.too_many_rows', `The file has more than ${MAX_RECORDS} rows; split it`);
  const header = head.record.map((h) => h.trim());
  let previousEnd = head.info.lines;
  const rows = body.map(({ record, info }) => {
    const row = { line: previousEnd + 1, record };
    previousEnd = info.lines;
    return row;
  });
  // The first of equal names wins, as a lookup by name did before.
  const columnIndex = new Map<string, number>();
  header.forEach((name, i) => {
    if (!columnIndex.has(name)) columnIndex.set(name, i);
  });
  return { header, rows, delimiter, columnIndex };
}
