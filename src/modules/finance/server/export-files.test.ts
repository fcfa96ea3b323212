import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatEuro } from '../money/format.js';
import { budgetEffectDocument } from './export.service.js';
import { escapeText, toDocx, toXlsx } from './export-files.js';
import { readZipEntry } from './read-zip-entry.js';

describe('report files', () => {
  const doc = {
    title: 'Test',
    lines: ['=cmd|/c calc', '+1', 'Gewone tekst'],
    tables: [{ title: 'Tabel', header: ['Post', '2026'], rows: [['@SUM(A1)', { value: 19, format: 'thousands' as const }], ['Nul', { value: 0, format: 'thousands' as const }]] }],
    notes: [],
  };

  it('escapes text a spreadsheet would run as a formula, and keeps numbers numbers', async () => {
    expect(escapeText('=1+1')).toBe("'=1+1");
    expect(escapeText('-5')).toBe("'-5");
    expect(escapeText('Tekst')).toBe('Tekst');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(doc, 'Blad')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A2').value).toBe("'=cmd|/c calc");
    expect(sheet?.getCell('A3').value).toBe("'+1");
    const cells: unknown[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain("'@SUM(A1)");
    expect(cells).toContain(19);
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
  });

  it('writes a DOCX that Word opens: document.xml with the table, zero as a dash', async () => {
    const xml = readZipEntry(await toDocx(doc, (c) => formatEuro(c)), 'word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('@SUM(A1)');
    expect(xml).toMatch(/Nul<\/w:t>.*?<w:t[^>]*>-<\/w:t>/s);
  });

  it('labels the rows of a budget-effect table as the municipal format does', () => {
    const document = budgetEffectDocument({
      id: '00000000-0000-4000-8000-000000000000',
      title: 'T',
      reference: '',
      subject: '',
      activityId: null,
      illustrative: false,
      firstYear: 2021,
      lastYear: 2021,
      structural: true,
      operating: [],
      financing: [],
      investment: null,
      interestBp: 150,
      reserveCoversCapital: false,
      table: [{ year: 2021, exactCents: { depreciation: 0, interest: 0, release: 0, operating: 1_900_000, coverage: 0, toCover: 1_900_000 }, thousands: { depreciation: 0, interest: 0, release: 0, operating: 19, coverage: 0, toCover: 19 } }],
      outsideBudget: [{ year: 2021, amountCents: 1_900_000 }],
    });
    expect(document.tables[0]?.rows.map((r) => r[0])).toEqual([
      'Kapitaallasten (afschrijving)',
      'Kapitaallasten (rente 1,5%)',
      'Vrijval kapitaallasten 1e jaar',
      'Overige exploitatielasten',
      'Dekking: bijdrage reserve (dekking kapitaallasten) / bijdrage derden',
      'Te dekken',
    ]);
    expect(document.notes.join(' ')).toContain('€\u00a019.000');
  });
});
