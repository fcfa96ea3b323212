import { KWB_EXTRACT_COLUMNS } from './attribute-maps.js';
import { cellOf, readCsv } from './csv-table.js';
import { MAX_CSV_COLUMNS } from './import-limits.js';
import {
  BadRows,
  fallbackName,
  fileProblem,
  levelOf,
  municipalityOf,
  normaliseAreaCode,
  parentOf,
  parseCell,
  type AreaRecord,
  type ParsedImport,
} from './import-model.js';
import { ValueColumnsBuilder } from './value-columns.js';

/** Key stems (suffix stripped) that identify the region rather than measure it. */
const REGION_STEMS = new Set(['ID', 'WijkenEnBuurten', 'Gemeentenaam', 'SoortRegio', 'Codering', 'IndelingswijzigingGemeenteWijkBuurt']);

/**
 * The CBS KWB table as CSV: OData keys (AantalInwoners_5 …, the suffix changes every year) mapped through
 * `indicators.cbs_key`, or this project's simplified national extract (snake_case, see data/demo/ATTRIBUTION.md).
 * The file does not say its year, so the caller gives it.
 */
export function parseKwbCsv(content: Buffer | string, year: number, cbsKeyToCode: ReadonlyMap<string, string>, knownCodes: ReadonlySet<string>): ParsedImport {
  const table = readCsv(content, { maxColumns: MAX_CSV_COLUMNS['kwb-csv'] });
  const extract = table.header.includes('code') && table.header.includes('soort_regio');
  const columns = new Map<string, string>();
  const skipped: string[] = [];
  const seen = new Map<string, number>();
  for (const column of table.header) {
    if (extract) {
      const code = KWB_EXTRACT_COLUMNS[column];
      if (code && knownCodes.has(code)) columns.set(column, code);
      else if (!['code', 'soort_regio', 'gemeentecode', 'gemeentenaam_2023grenzen'].includes(column)) skipped.push(column);
      continue;
    }
    const stem = column.replace(/_\d+$/, '');
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    if (REGION_STEMS.has(stem)) continue;
    const code = cbsKeyToCode.get(n === 1 ? stem : `${stem}#${n}`);
    if (code) columns.set(column, code);
    else skipped.push(column);
  }
  const codeColumn = extract ? 'code' : table.header.find((h) => /^Codering(_\d+)?$/.test(h)) ?? table.header.find((h) => /^WijkenEnBuurten$/.test(h));
  if (!codeColumn) throw fileProblem('import.kwb_header', 'No region code column (Codering_… or WijkenEnBuurten, or "code" in the simplified extract): is this a KWB file?');
  const nameColumn = extract ? 'gemeentenaam_2023grenzen' : table.header.find((h) => /^Gemeentenaam(_\d+)?$/.test(h));
  const regionNameColumn = extract ? undefined : table.header.find((h) => h === 'WijkenEnBuurten');

  const bad = new BadRows();
  const areas: AreaRecord[] = [];
  const values = new ValueColumnsBuilder();
  const seenCodes = new Set<string>();
  // Positions instead of names in the loop below: it runs once per value (2.2 million in a national file).
  const mapped = [...columns].map(([column, indicator]) => ({ column, indicator, index: table.header.indexOf(column) }));
  for (const row of table.rows) {
    const rawCode = cellOf(table, row, codeColumn);
    const code = normaliseAreaCode(rawCode);
    if (!code) {
      bad.add(`line ${row.line}, column ${codeColumn}`, `"${rawCode.trim()}" is not a CBS region code (GM…, WK…, BU…)`, 'invalid_area_code');
      continue;
    }
    if (seenCodes.has(code)) {
      bad.add(`line ${row.line}, column ${codeColumn}`, `${code} occurs twice in the file`, 'duplicate_row');
      continue;
    }
    seenCodes.add(code);
    const municipalityName = nameColumn ? cellOf(table, row, nameColumn).trim() || null : null;
    const regionName = regionNameColumn ? cellOf(table, row, regionNameColumn).trim() : '';
    const level = levelOf(code);
    const realName = level === 'gemeente' ? municipalityName : regionName && !normaliseAreaCode(regionName) ? regionName : null;
    areas.push({
      code,
      level,
      year,
      name: realName ?? fallbackName(code, municipalityName),
      nameIsFallback: realName === null,
      parentCode: parentOf(code),
      municipalityCode: municipalityOf(code),
      geometry: null,
      bbox: null,
    });
    for (const { column, indicator, index } of mapped) {
      const cell = row.record[index] ?? '';
      const value = parseCell(cell);
      if (value === undefined) bad.add(`line ${row.line}, column ${column}`, `"${cell}" is not a number`, 'not_a_number');
      else values.add(indicator, code, year, value);
    }
  }
  bad.throwIfAny();
  return {
    areas,
    values: values.build(),
    report: { format: extract ? 'kwb-extract' : 'kwb-odata', areas: areas.length, values: values.length, mappedColumns: Object.fromEntries(columns), skippedColumns: skipped },
  };
}
