import { parse } from 'csv-parse/sync';
import { invalid, type AppError, type FieldError } from '../../../platform/server/index.js';
import { REQUIRED_CSV_COLUMNS, SIGNAL_CSV_COLUMNS } from '../contract.js';

// The columns live in the contract, so the import page lists the same ones.
export { REQUIRED_CSV_COLUMNS, SIGNAL_CSV_COLUMNS };

/**
 * Reading a signals CSV (the export of a public-space reporting system or a partner): UTF-8 with or
 * without BOM, comma or semicolon, quoted newlines allowed. Any problem is reported with line and column.
 */
export const MAX_SIGNAL_ROWS = 20_000;

export interface SignalCsvRow {
  line: number;
  cells: Record<string, string>;
}

const fileError = (message: string, errors: FieldError[]): AppError => invalid('signal_import.invalid', message, errors);

export function readSignalCsv(content: Buffer): { header: string[]; rows: SignalCsvRow[] } {
  if (content.length === 0) throw fileError('The file is empty', [{ path: 'line 1', message: 'empty file' }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw fileError('The file is not valid UTF-8 (wrong encoding?)', [{ path: 'line 1', message: 'not UTF-8: save the file as UTF-8' }]);
  }
  if (text.trim() === '') throw fileError('The file is empty', [{ path: 'line 1', message: 'empty file' }]);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: false, skip_empty_lines: true, to: MAX_SIGNAL_ROWS + 2 }) as unknown as typeof records;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1] ?? '?';
    const column = /column (\d+)|field (\d+)/i.exec(message);
    throw fileError('The file is not valid CSV', [{ path: `line ${line}${column ? `, column ${column[1] ?? column[2]}` : ''}`, message: message.split('\n')[0]?.slice(0, 200) ?? 'invalid CSV' }]);
  }
  const [head, ...body] = records;
  if (!head) throw fileError('The file is empty', [{ path: 'line 1', message: 'empty file' }]);
  if (body.length > MAX_SIGNAL_ROWS) throw fileError(`More than ${MAX_SIGNAL_ROWS} rows: split the file`, [{ path: `line ${MAX_SIGNAL_ROWS + 2}`, message: 'too many rows' }]);
  const header = head.record.map((h) => h.trim().toLowerCase());
  const headerErrors: FieldError[] = [];
  header.forEach((name, i) => {
    if (!(SIGNAL_CSV_COLUMNS as readonly string[]).includes(name)) headerErrors.push({ path: `line 1, column ${i + 1}`, message: `unknown column "${name.slice(0, 40)}"; expected ${SIGNAL_CSV_COLUMNS.join(', ')}` });
  });
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!header.includes(required)) headerErrors.push({ path: 'line 1', message: `missing column ${required}` });
  }
  if (headerErrors.length) throw fileError('The header is not a signals CSV', headerErrors);
  if (body.length === 0) throw fileError('The file has a header but no rows', [{ path: 'line 2', message: 'no rows' }]);
  let previousEnd = head.info.lines;
  const rows = body.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = (record[i] ?? '').trim()));
    const row = { line: previousEnd + 1, cells };
    previousEnd = info.lines;
    return row;
  });
  return { header, rows };
}

/** The 1-based column of a CSV field in this file's header, for error paths. */
export function columnOf(header: readonly string[], field: string): number {
  return header.indexOf(field) + 1;
}
