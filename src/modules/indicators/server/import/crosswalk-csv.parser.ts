import { cellOf, readCsv } from './csv-table.js';
import { MAX_CSV_COLUMNS } from './import-limits.js';
import { BadRows, fileProblem, normaliseAreaCode, parseCell, type CrosswalkLinkRecord, type ParsedImport } from './import-model.js';
import { emptyValueColumns } from './value-columns.js';

const HEADER = ['from_code', 'to_code', 'weight', 'basis'] as const;
const BASES = ['inhabitants', 'area'] as const;

/**
 * How far the weights of one old code may be from 1 in total: CBS and municipal crosswalks give shares with
 * three or four decimals, so a split in three rounds to 0.999 or 1.001.
 */
export const WEIGHT_SUM_TOLERANCE = 0.001;

const LEVEL_PREFIXES = new Map([
  ['GM', 'gemeente'],
  ['WK', 'wijk'],
  ['BU', 'buurt'],
]);

/**
 * A crosswalk (docs/figures.md, "Re-divisions"): from_code,to_code,weight,basis, one line per piece of an old
 * area that went to a new one. `weight` is the share of the old area that went to the new (0 < w ≤ 1; the
 * shares of one from_code add up to 1 within WEIGHT_SUM_TOLERANCE), `basis` says what was shared (inhabitants
 * or area; one basis per from_code). The year (the first year of the new division) is given with the upload.
 * What only the database can judge (do the codes exist, in which years) the import service checks.
 */
export function parseCrosswalkCsv(content: Buffer | string): ParsedImport {
  const table = readCsv(content, { maxColumns: MAX_CSV_COLUMNS['crosswalk-csv'] });
  const missing = HEADER.filter((h) => !table.header.includes(h));
  const unknown = table.header.filter((h) => !(HEADER as readonly string[]).includes(h));
  if (missing.length || unknown.length) {
    const what = [missing.length ? `missing: ${missing.join(', ')}` : '', unknown.length ? `unknown: ${unknown.join(', ')}` : ''].filter(Boolean).join('; ');
    throw fileProblem('import.crosswalk_header', `The header must be ${HEADER.join(',')}; ${what}`);
  }
  const bad = new BadRows();
  const links: CrosswalkLinkRecord[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const at = (column: string) => `line ${row.line}, column ${column}`;
    const cells = { from: cellOf(table, row, 'from_code'), to: cellOf(table, row, 'to_code'), weight: cellOf(table, row, 'weight'), basis: cellOf(table, row, 'basis').trim() };
    const fromCode = normaliseAreaCode(cells.from);
    const toCode = normaliseAreaCode(cells.to);
    const weight = parseCell(cells.weight);
    const before = bad.count;
    if (!fromCode || fromCode === 'NL00') bad.add(at('from_code'), `"${cells.from}" is not the code of a gemeente, wijk or buurt`, 'invalid_area_code');
    if (!toCode || toCode === 'NL00') bad.add(at('to_code'), `"${cells.to}" is not the code of a gemeente, wijk or buurt`, 'invalid_area_code');
    else if (fromCode && fromCode !== 'NL00' && fromCode.slice(0, 2) !== toCode.slice(0, 2)) {
      bad.add(at('to_code'), `${toCode} is a ${LEVEL_PREFIXES.get(toCode.slice(0, 2))} and ${fromCode} a ${LEVEL_PREFIXES.get(fromCode.slice(0, 2))}: a crosswalk links areas of one level`, 'area_level_mismatch');
    }
    if (weight === undefined || weight === null || !(weight > 0 && weight <= 1)) bad.add(at('weight'), `"${cells.weight}" is not a share above 0 and at most 1`, 'out_of_range', { minimum: 0, maximum: 1 });
    if (!(BASES as readonly string[]).includes(cells.basis)) bad.add(at('basis'), `"${cells.basis}" is not a basis: inhabitants or area`, 'invalid_choice');
    if (bad.count !== before || !fromCode || !toCode || typeof weight !== 'number') continue;
    const key = `${fromCode}|${toCode}`;
    if (seen.has(key)) {
      bad.add(at('to_code'), `${fromCode} → ${toCode} occurs twice in the file`, 'duplicate_row');
      continue;
    }
    seen.add(key);
    links.push({ fromCode, toCode, weight, basis: cells.basis as CrosswalkLinkRecord['basis'], line: row.line });
  }
  // Per old code: one basis, and the shares add up to the whole.
  const byFrom = new Map<string, CrosswalkLinkRecord[]>();
  for (const link of links) byFrom.set(link.fromCode, [...(byFrom.get(link.fromCode) ?? []), link]);
  for (const [fromCode, group] of byFrom) {
    const first = group[0]!;
    const other = group.find((l) => l.basis !== first.basis);
    if (other) bad.add(`line ${other.line}, column basis`, `${fromCode} is shared by ${first.basis} on line ${first.line} and by ${other.basis} here: one basis per old code`, 'crosswalk_conflict', { code: fromCode });
    const total = group.reduce((sum, l) => sum + l.weight, 0);
    // The sum of decimal shares is not exact in floating point (0.333 × 3 = 0.9990000000000001).
    if (Math.abs(total - 1) > WEIGHT_SUM_TOLERANCE + 1e-9) {
      const lines = group.map((l) => l.line).join(', ');
      bad.add(`line ${group[group.length - 1]!.line}, column weight`, `the weights of ${fromCode} (lines ${lines}) add up to ${Number(total.toFixed(6))}, not 1`, 'shares_not_whole', { total: Number(total.toFixed(6)) });
    }
  }
  bad.throwIfAny();
  if (links.length === 0) throw fileProblem('import.empty', 'The file has no rows to import');
  return { areas: [], values: emptyValueColumns(), crosswalk: links, report: { links: links.length, oldCodes: byFrom.size, newCodes: new Set(links.map((l) => l.toCode)).size } };
}
