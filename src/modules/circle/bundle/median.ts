/**
 * The circle's median per year, aggregates only (docs/circle.md): an indicator is compared only when at least
 * MIN_MEMBERS members share it, and a year's median over fewer than MIN_MEMBERS values is suppressed.
 */

export const MIN_MEMBERS = 5;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type MemberSeries = readonly { year: number; value: number | null }[];

export interface YearMedian {
  year: number;
  /** null when fewer than MIN_MEMBERS members have a value that year. */
  median: number | null;
}

export type CircleComparison = { enough: false; membersSharing: number } | { enough: true; membersSharing: number; medians: YearMedian[] };

/** Medians per year over the series of the members that share the indicator (this installation included). */
export function circleMedians(series: readonly MemberSeries[]): CircleComparison {
  const membersSharing = series.length;
  if (membersSharing < MIN_MEMBERS) return { enough: false, membersSharing };
  const byYear = new Map<number, number[]>();
  for (const member of series) {
    for (const point of member) {
      if (point.value === null || !Number.isFinite(point.value)) continue;
      byYear.set(point.year, [...(byYear.get(point.year) ?? []), point.value]);
    }
  }
  const medians = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, values]) => ({ year, median: values.length >= MIN_MEMBERS ? median(values) : null }));
  return { enough: true, membersSharing, medians };
}
