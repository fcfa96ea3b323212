import type { CsvCell } from './export-csv.js';

/**
 * The same rows as the CSV, as an Excel workbook. Cells are typed (numbers as numbers, text as shared
 * strings), so a text cell cannot become a formula here; we still prefix formula-like text the same way as
 * the CSV, so a user who saves the sheet as CSV does not re-open the hole.
 */
export async function toXlsx(sheetName: string, rows: readonly (readonly CsvCell[])[], escape: (text: string) => string): Promise<Buffer> {
  // Loaded on the first export, not at every start of the server (it takes most of a second).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkregie';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? escape(cell) : cell)));
  sheet.getRow(3).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
