import type { Kysely } from 'kysely';
import { notFound, type Database } from '../../../platform/server/index.js';
import type { FigureYears, IndicatorValues, IndicatorYears } from '../contract.js';
import { findChoroplethValues, findIndicatorDefinitions, findSlotYearsOfLevel, findYearsOfLevel } from './values.queries.js';
import { valuesDb } from './values.tables.js';

/** Choropleth data: one indicator over the areas of a level, in a municipality or the whole country. */
export async function getIndicatorValues(
  db: Kysely<Database>,
  query: { indicator: string; level: 'gemeente' | 'wijk' | 'buurt'; period: number; municipality?: string | undefined },
): Promise<IndicatorValues> {
  const vdb = valuesDb(db);
  const [definition] = await findIndicatorDefinitions(vdb, [query.indicator]);
  if (!definition) throw notFound('Indicator', 'indicator.not_found');
  const rows = await findChoroplethValues(vdb, { slot: definition.slot, year: query.period, level: query.level, municipality: query.municipality });
  return {
    indicator: query.indicator,
    period: query.period,
    // A suppressed value is never sent, only the fact that it is suppressed.
    items: rows.map((r) => ({ areaCode: r.area_code, value: r.suppressed ? null : r.value, suppressed: r.suppressed })),
  };
}

/**
 * The years with figures at a level, and per indicator (by code) the years in which some area of the level
 * has a value or a suppressed value of it; indicators without any are left out. A year's figures may sit on
 * older boundaries (no boundaries of their own were imported), so the map offers these years besides the
 * years with area versions.
 */
export async function getFigureYears(db: Kysely<Database>, query: { level: 'gemeente' | 'wijk' | 'buurt'; municipality?: string | undefined }): Promise<FigureYears> {
  const vdb = valuesDb(db);
  const [years, definitions, slotYears] = await Promise.all([findYearsOfLevel(vdb, query), findIndicatorDefinitions(vdb), findSlotYearsOfLevel(vdb, query)]);
  const yearsBySlot = new Map<number, number[]>();
  for (const { slot, year } of slotYears) {
    const list = yearsBySlot.get(slot) ?? [];
    list.push(year);
    yearsBySlot.set(slot, list);
  }
  const indicators: IndicatorYears[] = definitions.flatMap((d) => {
    const found = yearsBySlot.get(d.slot);
    return found ? [{ indicator: d.code, years: [...found].sort((a, b) => a - b) }] : [];
  });
  return { years, indicators };
}
