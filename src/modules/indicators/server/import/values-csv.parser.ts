import { cellOf, readCsv } from './csv-table.js';
import { MAX_CSV_COLUMNS } from './import-limits.js';
import { BadRows, fileProblem, normaliseAreaCode, parseCell, type ParsedImport } from './import-model.js';
import { ValueColumnsBuilder } from './value-columns.js';

const HEADER = ['area_code', 'indicator', 'period', 'value'] as const;

/**
 * The generic CSV: area_code,indicator,period,value (comma or semicolon, UTF-8 with or without BOM).
 * Indicator and area version are checked against the database by the import service.
 */
export function parseValuesCsv(content: Buffer | string): ParsedImport {
  const table = readCsv(content, { maxColumns: MAX_CSV_COLUMNS['values-csv'] });
  const missing = HEADER.filter((h) => !table.header.includes(h));
  if (missing.length) throw fileProblem('import.values_header', `The header must be ${HEADER.join(',')}; missing: ${missing.join(', ')}`);
  const bad = new BadRows();
  const values = new ValueColumnsBuilder();
  const seen = new Set<string>();
  for (const row of table.rows) {
    const { line } = row;
    const cells = { area_code: cellOf(table, row, 'area_code'), indicator: cellOf(table, row, 'indicator'), period: cellOf(table, row, 'period'), value: cellOf(table, row, 'value') };
    const at = (column: string) => `line ${line}, column ${column}`;
    const areaCode = normaliseAreaCode(cells.area_code);
    const indicator = (cells.indicator).trim();
    const periodText = (cells.period).trim();
    const period = /^\d{4}$/.test(periodText) ? Number(periodText) : NaN;
    const value = parseCell(cells.value);
    const before = bad.count;
    if (!areaCode) bad.add(at('area_code'), `"${cells.area_code}" is not a CBS area code`, 'invalid_area_code');
    if (!/^[a-z][a-z0-9_]{1,62}$/.test(indicator)) bad.add(at('indicator'), `"${indicator}" is not an indicator code`, 'invalid_format');
    if (!(period >= 1990 && period <= 2100)) bad.add(at('period'), `"${periodText}" is not a year between 1990 and 2100`, 'out_of_range', { minimum: '1990', maximum: '2100' });
    if (value === undefined) bad.add(at('value'), `"${cells.value}" is not a number`, 'not_a_number');
    const ok = bad.count === before;
    if (!ok || !areaCode || value === undefined) continue;
    const key = `${indicator}|${areaCode}|${period}`;
    if (seen.has(key)) {
      bad.add(at('area_code'), `${indicator} for ${areaCode} in ${period} occurs twice in the file`, 'duplicate_row');
      continue;
    }
    seen.add(key);
    values.add(indicator, areaCode, period, value, line);
  }
  bad.throwIfAny();
  return { areas: [], values: values.build(), areasMustExist: true, report: { values: values.length } };
}
