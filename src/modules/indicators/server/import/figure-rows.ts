import { setImmediate as nextTurn } from 'node:timers/promises';
import { BadRows } from './import-model.js';
import type { ValueColumns } from './value-columns.js';

/** What the figure rows need of an indicator in the catalogue. */
export interface CatalogueEntry {
  code: string;
  slot: number;
  weight_indicator: string | null;
  suppress_below: number | null;
}

/** Status codes of area_figures.status: recorded (a value, or unknown when the figure is null), suppressed. */
export const RECORDED = 0;
export const SUPPRESSED = 1;

/** One row of area_figures as this import writes it: each indicator at its slot (slot 1 = index 0). */
export interface FigureRow {
  municipalityCode: string;
  areaCode: string;
  year: number;
  level: string;
  figures: (number | null)[];
  status: (number | null)[];
}

/**
 * Values handled between two turns of the event loop. These loops run on the server's thread over up to
 * millions of values; in slices of this size each takes a few milliseconds, so health checks and other
 * requests are answered while a national file is stored.
 */
const SLICE = 50_000;
const sliceEnds = (i: number) => i % SLICE === SLICE - 1;

export interface FigureRows {
  rows: FigureRow[];
  /** Weight indicators that suppression needs and the file lacks, and the rows lacking them. */
  missingWeights(): Promise<{ codes: Set<string>; rows: FigureRow[] }>;
  /**
   * Small-number suppression as CBS does it: a value whose denominator (its weight indicator, or the value
   * itself for a count) is below the indicator's suppress_below is stored as null, marked suppressed. The
   * weight comes from the same file, else from what is stored for that area and year ("area|year" →
   * indicator → value). Returns how many values it suppressed.
   */
  applySuppression(stored: Map<string, Map<string, number | null>>): Promise<number>;
}

/**
 * Checks every value against the catalogue and the area versions (all bad values are reported, with the
 * file's line where it has one) and gathers them into one row per area and year. Works on the columns
 * directly: a national file has 2.2 million values.
 */
export async function buildFigureRows(
  values: ValueColumns,
  versions: ReadonlyMap<string, { level: string; municipalityCode: string }>,
  byCode: ReadonlyMap<string, CatalogueEntry>,
  /** Why an (area|year) without a version is refused, where there is more to say than "unknown". */
  refusals?: ReadonlyMap<string, string>,
  /** The year from which each refused (area|year)'s code no longer exists: what the words of `area_redivided` name. */
  refusedSince?: ReadonlyMap<string, number>,
): Promise<FigureRows> {
  const n = values.length;
  const entries = values.indicators.map((code) => byCode.get(code));
  const bad = new BadRows();
  const rows: FigureRow[] = [];
  const rowIndex = new Map<string, number>();
  const rowOf = new Int32Array(n);
  // Values come in runs of one area and year: look the row up once a run.
  let runArea = -1;
  let runYear = -1;
  let runRow = -1;
  let runVersion: { level: string; municipalityCode: string } | undefined;
  for (let i = 0; i < n; i += 1) {
    const area = values.area[i]!;
    const year = values.year[i]!;
    const areaCode = values.areaCodes[area]!;
    if (area !== runArea || year !== runYear) {
      runArea = area;
      runYear = year;
      runVersion = versions.get(`${areaCode}|${year}`);
      runRow = -1;
      if (runVersion) {
        const key = `${areaCode}|${year}`;
        let r = rowIndex.get(key);
        if (r === undefined) {
          r = rows.length;
          rows.push({ municipalityCode: runVersion.municipalityCode, areaCode, year, level: runVersion.level, figures: [], status: [] });
          rowIndex.set(key, r);
        }
        runRow = r;
      }
    }
    const entry = entries[values.indicator[i]!];
    const line = values.line[i]!;
    const where = line ? `line ${line}` : areaCode;
    if (!entry) bad.add(`${where}, column indicator`, `unknown indicator "${values.indicators[values.indicator[i]!]}": add it to the catalogue first`, 'unknown_indicator', { code: String(values.indicators[values.indicator[i]!]) });
    else if (runRow < 0) {
      const refusal = refusals?.get(`${areaCode}|${year}`);
      const since = refusedSince?.get(`${areaCode}|${year}`);
      if (refusal !== undefined && since !== undefined) bad.add(`${where}, column area_code`, refusal, 'area_redivided', { code: areaCode, year: String(since) });
      else bad.add(`${where}, column area_code`, refusal ?? `unknown area ${areaCode} for ${year}: it has no version in ${year} or before; import its boundaries (areas-geojson) or a KWB file first`, 'unknown_area', { code: areaCode, year: String(year) });
    }
    else {
      rowOf[i] = runRow;
      const row = rows[runRow]!;
      const value = values.value[i]!;
      row.figures[entry.slot - 1] = Number.isNaN(value) ? null : value;
      row.status[entry.slot - 1] = RECORDED;
    }
    if (sliceEnds(i)) await nextTurn();
  }
  bad.throwIfAny();

  const slotOf = new Map([...byCode.values()].map((c) => [c.code, c.slot]));
  const fileHas = (row: FigureRow, code: string) => row.status[(slotOf.get(code) ?? 0) - 1] !== undefined;
  const hasRule = entries.map((e) => e !== undefined && e.suppress_below !== null);

  return {
    rows,
    async missingWeights() {
      const codes = new Set<string>();
      const lacking = new Set<FigureRow>();
      for (let i = 0; i < n; i += 1) {
        const entry = entries[values.indicator[i]!];
        if (sliceEnds(i)) await nextTurn();
        if (!entry || entry.suppress_below === null || !entry.weight_indicator || Number.isNaN(values.value[i]!)) continue;
        const row = rows[rowOf[i]!]!;
        if (!fileHas(row, entry.weight_indicator)) {
          codes.add(entry.weight_indicator);
          lacking.add(row);
        }
      }
      return { codes, rows: [...lacking] };
    },
    async applySuppression(stored) {
      // Decided on the file's values as they are (a suppressed weight still counts as the denominator).
      const suppressed = new Uint8Array(n);
      let count = 0;
      for (let i = 0; i < n; i += 1) {
        if (sliceEnds(i)) await nextTurn();
        if (!hasRule[values.indicator[i]!]) continue;
        const value = values.value[i]!;
        if (Number.isNaN(value)) continue;
        const entry = entries[values.indicator[i]!]!;
        const row = rows[rowOf[i]!]!;
        let base: number | null | undefined = value;
        if (entry.weight_indicator) {
          base = fileHas(row, entry.weight_indicator) ? row.figures[(slotOf.get(entry.weight_indicator) ?? 0) - 1] : stored.get(`${row.areaCode}|${row.year}`)?.get(entry.weight_indicator);
        }
        if (base !== undefined && base !== null && base < (entry.suppress_below ?? -Infinity)) {
          suppressed[i] = 1;
          count += 1;
        }
      }
      if (count === 0) return 0;
      // Written again in file order, so a value given twice ends as the last one, as before.
      for (let i = 0; i < n; i += 1) {
        const entry = entries[values.indicator[i]!]!;
        const row = rows[rowOf[i]!]!;
        const value = values.value[i]!;
        row.figures[entry.slot - 1] = suppressed[i] || Number.isNaN(value) ? null : value;
        row.status[entry.slot - 1] = suppressed[i] ? SUPPRESSED : RECORDED;
        if (sliceEnds(i)) await nextTurn();
      }
      return count;
    },
  };
}
