import { sql } from 'kysely';
import type { ValuesDb } from './values.tables.js';

/**
 * Reads of indicator values. Values live one row per area and year (area_figures), each indicator at its
 * slot; these functions hand them out as one row per value, which is what the services reason about.
 * Every read names its columns and follows one of the two indexes.
 */

export interface IndicatorDefinition {
  code: string;
  name: string;
  unit: string;
  polarity: 'higher_is_better' | 'lower_is_better' | 'neutral';
  aggregation: 'sum' | 'weighted_mean' | 'none';
  weight_indicator: string | null;
  decimals: number;
  slot: number;
}

export async function findIndicatorDefinitions(db: ValuesDb, codes?: readonly string[]): Promise<IndicatorDefinition[]> {
  let query = db.selectFrom('indicators').select(['code', 'name', 'unit', 'polarity', 'aggregation', 'weight_indicator', 'decimals', 'slot']).orderBy('code');
  if (codes) query = query.where('code', 'in', codes.length ? [...codes] : ['']);
  const rows = await query.execute();
  // The table's CHECK constraints guarantee these enums.
  return rows as IndicatorDefinition[];
}

export interface ValueRow {
  indicator_code: string;
  area_code: string;
  year: number;
  value: number | null;
  suppressed: boolean;
}

/** Status codes of area_figures.status (see its migration). */
export const RECORDED = 0;
export const SUPPRESSED = 1;

/** The choropleth: one indicator, year and level, in a municipality or the whole country. */
export async function findChoroplethValues(
  db: ValuesDb,
  filter: { slot: number; year: number; level: string; municipality?: string | undefined },
): Promise<{ area_code: string; value: number | null; suppressed: boolean }[]> {
  const municipality = filter.municipality ? sql`AND municipality_code = ${filter.municipality}` : sql``;
  const { rows } = await sql<{ area_code: string; value: number | null; suppressed: boolean }>`
    SELECT area_code, figures[${filter.slot}::int] AS value, status[${filter.slot}::int] = ${SUPPRESSED} AS suppressed
    FROM area_figures
    WHERE year = ${filter.year} AND level = ${filter.level} ${municipality} AND status[${filter.slot}::int] IS NOT NULL
    ORDER BY area_code`.execute(db);
  return rows;
}

interface FigureRow {
  area_code: string;
  year: number;
  figures: (number | null)[];
  status: (number | null)[];
}

/** One row per recorded value of the wanted indicators. */
function unpack(rows: readonly FigureRow[], indicators: readonly Pick<IndicatorDefinition, 'code' | 'slot'>[]): ValueRow[] {
  const out: ValueRow[] = [];
  for (const row of rows) {
    for (const { code, slot } of indicators) {
      const status = row.status[slot - 1];
      if (status === null || status === undefined) continue;
      out.push({ indicator_code: code, area_code: row.area_code, year: row.year, value: status === SUPPRESSED ? null : (row.figures[slot - 1] ?? null), suppressed: status === SUPPRESSED });
    }
  }
  return out;
}

/** Values of some areas (the given indicators) in one year or in every year. */
export async function findValuesOfAreas(
  db: ValuesDb,
  areaCodes: readonly string[],
  filter: { year?: number; indicators: readonly Pick<IndicatorDefinition, 'code' | 'slot'>[] },
): Promise<ValueRow[]> {
  if (areaCodes.length === 0 || filter.indicators.length === 0) return [];
  let query = db.selectFrom('area_figures').select(['area_code', 'year', 'figures', 'status']).where('area_code', 'in', [...areaCodes]);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  return unpack(await query.execute(), filter.indicators);
}

/** Values of every area of one level in a municipality (the municipality fallback, the ranking). */
export async function findValuesOfLevel(
  db: ValuesDb,
  filter: { municipality: string; level: string; year: number; indicators: readonly Pick<IndicatorDefinition, 'code' | 'slot'>[] },
): Promise<ValueRow[]> {
  if (filter.indicators.length === 0) return [];
  const rows = await db
    .selectFrom('area_figures')
    .select(['area_code', 'year', 'figures', 'status'])
    .where('municipality_code', '=', filter.municipality)
    .where('year', '=', filter.year)
    .where('level', '=', filter.level)
    .execute();
  return unpack(rows, filter.indicators);
}

export async function findYearsOfAreas(db: ValuesDb, areaCodes: readonly string[]): Promise<number[]> {
  if (areaCodes.length === 0) return [];
  const rows = await db.selectFrom('area_figures').select('year').distinct().where('area_code', 'in', [...areaCodes]).orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** Which of the areas have figures of any year (one row is enough; in practice a few codes are asked). */
export async function findAreasWithFigures(db: ValuesDb, areaCodes: readonly string[]): Promise<Set<string>> {
  if (areaCodes.length === 0) return new Set();
  const rows = await db.selectFrom('area_figures').select('area_code').distinct().where('area_code', 'in', [...areaCodes]).execute();
  return new Set(rows.map((r) => r.area_code));
}

/** The years with any figure at a level, in a municipality or the whole country (the level index). */
export async function findYearsOfLevel(db: ValuesDb, filter: { level: string; municipality?: string | undefined }): Promise<number[]> {
  let query = db.selectFrom('area_figures').select('year').distinct().where('level', '=', filter.level).orderBy('year');
  if (filter.municipality) query = query.where('municipality_code', '=', filter.municipality);
  return (await query.execute()).map((r) => r.year);
}

/**
 * Per indicator slot, the years in which some area of a level (in a municipality or the whole country) has a
 * figure: a value, or one CBS suppressed. A recorded empty value (unknown) is no figure.
 */
export async function findSlotYearsOfLevel(db: ValuesDb, filter: { level: string; municipality?: string | undefined }): Promise<{ slot: number; year: number }[]> {
  const municipality = filter.municipality ? sql`AND f.municipality_code = ${filter.municipality}` : sql``;
  const { rows } = await sql<{ slot: number; year: number }>`
    SELECT DISTINCT s.slot::int AS slot, f.year
    FROM area_figures f
    CROSS JOIN LATERAL unnest(f.figures, f.status) WITH ORDINALITY AS s(value, status, slot)
    WHERE f.level = ${filter.level} ${municipality}
      AND (s.value IS NOT NULL OR s.status = ${SUPPRESSED})
    ORDER BY slot, f.year`.execute(db);
  return rows;
}
