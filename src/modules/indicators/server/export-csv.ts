/**
 * CSV for Dutch Excel: `;` between cells and a decimal comma (what Excel with Dutch regional settings
 * expects when a file is double-clicked), CRLF line ends, UTF-8 with a BOM so Excel reads ë and é right.
 * Formula injection (SECURITY.md 17): a text cell starting with =, +, -, @, tab or CR gets a leading ' so a
 * spreadsheet shows it as text instead of running it. Numbers are written by us from doubles (digits, one
 * comma, a leading minus) and stay numbers: "-3,5" is a value, not a formula, and quoting it would turn
 * every negative figure into text.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeTextCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Up to 4 decimals, no thousands separator, trailing zeros trimmed.
  return String(Number(value.toFixed(4))).replace('.', ',');
}

function quote(cell: string): string {
  return /[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  return quote(escapeTextCell(cell));
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(toCsvCell).join(';')).join('\r\n')}\r\n`;
}
