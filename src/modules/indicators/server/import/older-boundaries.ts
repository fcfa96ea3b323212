import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../../platform/server/index.js';
import { findBoundaryYearsOf } from '../../../areas/index.js';
import type { FigureRow } from './figure-rows.js';

/** Areas listed one by one in the report; beyond this only the totals per year (a national file has 18,000). */
export const MAX_LISTED_OLDER_BOUNDARIES = 1_000;

export interface OlderBoundariesReport {
  /** Values whose area has no boundary (or no version) of their own year: they sit on an earlier one. */
  values: number;
  areas: number;
  byYear: { year: number; boundaryYear: number; areas: number; values: number }[];
  items: { areaCode: string; year: number; boundaryYear: number; values: number }[];
  itemsNotListed: number;
}

const recordedValues = (row: FigureRow): number => {
  let n = 0;
  for (const status of row.status) if (status !== undefined && status !== null) n += 1;
  return n;
};

/**
 * Which of the written rows sit on the boundaries of an earlier year (docs/figures.md, "Areas and years"):
 * values attached to an older area version (a values CSV for 2022 against 2020 boundaries), or a version
 * without its own boundary (a KWB year) drawn with an earlier one. Null when every row has its own year's.
 */
export async function olderBoundariesOf(tx: Kysely<Database> | Transaction<Database>, rows: readonly FigureRow[]): Promise<OlderBoundariesReport | null> {
  const byYear = new Map<number, FigureRow[]>();
  for (const row of rows) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
  const items: OlderBoundariesReport['items'] = [];
  for (const [year, group] of [...byYear].sort(([a], [b]) => a - b)) {
    for (let i = 0; i < group.length; i += 5_000) {
      const chunk = group.slice(i, i + 5_000);
      const boundaryYears = await findBoundaryYearsOf(tx, chunk.map((r) => r.areaCode), year);
      for (const row of chunk) {
        const boundaryYear = boundaryYears.get(row.areaCode);
        if (boundaryYear !== undefined && boundaryYear < year) items.push({ areaCode: row.areaCode, year, boundaryYear, values: recordedValues(row) });
      }
    }
  }
  if (items.length === 0) return null;
  const totals = new Map<string, { year: number; boundaryYear: number; areas: number; values: number }>();
  for (const item of items) {
    const key = `${item.year}|${item.boundaryYear}`;
    const total = totals.get(key) ?? { year: item.year, boundaryYear: item.boundaryYear, areas: 0, values: 0 };
    total.areas += 1;
    total.values += item.values;
    totals.set(key, total);
  }
  items.sort((a, b) => a.year - b.year || a.areaCode.localeCompare(b.areaCode));
  return {
    values: items.reduce((n, i) => n + i.values, 0),
    areas: items.length,
    byYear: [...totals.values()].sort((a, b) => a.year - b.year || a.boundaryYear - b.boundaryYear),
    items: items.slice(0, MAX_LISTED_OLDER_BOUNDARIES),
    itemsNotListed: Math.max(0, items.length - MAX_LISTED_OLDER_BOUNDARIES),
  };
}
