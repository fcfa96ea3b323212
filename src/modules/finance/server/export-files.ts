import type { Paragraph, Table } from 'docx';

/**
 * Writes simple report documents as XLSX (exceljs) and DOCX (docx): a title, lines of text and tables.
 * Text cells that a spreadsheet could take for a formula (=, +, -, @, tab, CR first) get a leading ', like
 * the indicator exports (SECURITY.md 17); numbers stay numbers with a Dutch-looking number format.
 */
export type ReportCell = string | { value: number; format: 'thousands' | 'euro' } | null;

export interface ReportTable {
  title: string;
  header: string[];
  rows: ReportCell[][];
  /** Row indexes shown bold (totals). */
  boldRows?: number[];
}

export interface ReportDocument {
  title: string;
  lines: string[];
  tables: ReportTable[];
  notes: string[];
}

const FORMULA_START = /^[=+\-@\t\r]/;
export function escapeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Zero prints as "-", as in a municipal budget-effect table.
const NUMBER_FORMATS = { thousands: '#,##0;-#,##0;"-"', euro: '"€" #,##0.00;-"€" #,##0.00;"-"' } as const;

// exceljs and docx are loaded on the first export, not at every start of the server (together about a second).

export async function toXlsx(doc: ReportDocument, sheetName: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wijkregie';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([escapeText(doc.title)]).font = { bold: true, size: 14 };
  for (const line of doc.lines) sheet.addRow([escapeText(line)]);
  for (const table of doc.tables) {
    sheet.addRow([]);
    sheet.addRow([escapeText(table.title)]).font = { bold: true };
    sheet.addRow(table.header.map(escapeText)).font = { bold: true };
    table.rows.forEach((cells, index) => {
      const row = sheet.addRow(cells.map((cell) => (cell === null ? null : typeof cell === 'string' ? escapeText(cell) : cell.value)));
      cells.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object') row.getCell(i + 1).numFmt = NUMBER_FORMATS[cell.format];
      });
      if (table.boldRows?.includes(index)) row.font = { bold: true };
    });
  }
  if (doc.notes.length) sheet.addRow([]);
  for (const note of doc.notes) sheet.addRow([escapeText(note)]).font = { italic: true };
  sheet.getColumn(1).width = 48;
  for (let c = 2; c <= 8; c += 1) sheet.getColumn(c).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function cellText(cell: ReportCell, formatEuroCents: (cents: number) => string): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (cell.format === 'thousands') return cell.value === 0 ? '-' : cell.value.toLocaleString('nl-NL');
  return formatEuroCents(Math.round(cell.value * 100));
}

export async function toDocx(doc: ReportDocument, formatEuroCents: (cents: number) => string): Promise<Buffer> {
  const { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const children: (Paragraph | Table)[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.HEADING_1 })];
  for (const line of doc.lines) children.push(new Paragraph({ text: line }));
  for (const table of doc.tables) {
    children.push(new Paragraph({ text: table.title, heading: HeadingLevel.HEADING_2 }));
    const makeRow = (cells: ReportCell[], bold: boolean) =>
      new TableRow({
        children: cells.map(
          (cell, i) =>
            new TableCell({
              borders,
              children: [new Paragraph({ alignment: i > 0 && cell !== null && typeof cell !== 'string' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: cellText(cell, formatEuroCents), bold })] })],
            }),
        ),
      });
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [makeRow(table.header, true), ...table.rows.map((cells, index) => makeRow(cells, table.boldRows?.includes(index) ?? false))],
      }),
    );
  }
  for (const note of doc.notes) children.push(new Paragraph({ children: [new TextRun({ text: note, italics: true })] }));
  const document = new Document({ creator: 'Wijkregie', title: doc.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}
