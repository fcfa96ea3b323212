import type { ValuesDb } from './values.tables.js';

/** Reads of indicator values. Every read names its columns and follows one of the two indexes. */

export interface IndicatorDefinition {
  code: string;
  name: string;
  unit: string;
  polarity: 'higher_is_better' | 'lower_is_better' | 'neutral';
  aggregation: 'sum' | 'weighted_mean' | 'none';
  weight_indicator: string | null;
  decimals: number;
}

export async function findIndicatorDefinitions(db: ValuesDb, codes?: readonly string[]): Promise<IndicatorDefinition[]> {
  let query = db.selectFrom('indicators').select(['code', 'name', 'unit', 'polarity', 'aggregation', 'weight_indicator', 'decimals']).orderBy('code');
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

/** The choropleth: one indicator, year and level, in a municipality or the whole country. */
export async function findChoroplethValues(
  db: ValuesDb,
  filter: { indicator: string; year: number; level: string; municipality?: string | undefined },
): Promise<{ area_code: string; value: number | null; suppressed: boolean }[]> {
  let query = db
    .selectFrom('indicator_values')
    .select(['area_code', 'value', 'suppressed'])
    .where('indicator_code', '=', filter.indicator)
    .where('year', '=', filter.year)
    .where('level', '=', filter.level)
    .orderBy('area_code');
  if (filter.municipality) query = query.where('municipality_code', '=', filter.municipality);
  return query.execute();
}

/** Values of some areas (all indicators, or some) in one year or in every year. */
export async function findValuesOfAreas(
  db: ValuesDb,
  areaCodes: readonly string[],
  filter: { year?: number; indicators?: readonly string[] },
): Promise<ValueRow[]> {
  if (areaCodes.length === 0) return [];
  let query = db
    .selectFrom('indicator_values')
    .select(['indicator_code', 'area_code', 'year', 'value', 'suppressed'])
    .where('area_code', 'in', [...areaCodes]);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.indicators) query = query.where('indicator_code', 'in', filter.indicators.length ? [...filter.indicators] : ['']);
  return query.execute();
}

/** Values of every area of one level in a municipality (the municipality fallback, the ranking). */
export async function findValuesOfLevel(
  db: ValuesDb,
  filter: { municipality: string; level: string; year: number; indicators: readonly string[] },
): Promise<ValueRow[]> {
  if (filter.indicators.length === 0) return [];
  return db
    .selectFrom('indicator_values')
    .select(['indicator_code', 'area_code', 'year', 'value', 'suppressed'])
    .where('municipality_code', '=', filter.municipality)
    .where('indicator_code', 'in', [...filter.indicators])
    .where('year', '=', filter.year)
    .where('level', '=', filter.level)
    .execute();
}

export async function findYearsOfAreas(db: ValuesDb, areaCodes: readonly string[]): Promise<number[]> {
  if (areaCodes.length === 0) return [];
  const rows = await db.selectFrom('indicator_values').select('year').distinct().where('area_code', 'in', [...areaCodes]).orderBy('year').execute();
  return rows.map((r) => r.year);
}
