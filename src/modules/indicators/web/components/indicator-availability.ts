import type { IndicatorYears } from '../../contract';

/**
 * What the indicator picker offers for a place, a level and a year (docs/figures.md, "The map's choices"),
 * from GET /api/v1/figure-years: an indicator with a figure that year is offered; one with figures only in
 * other years is shown greyed out with those years; one without any figure at the level is left out.
 */
export type Availability = ReadonlyMap<string, readonly number[]>;

export const availabilityOf = (indicators: readonly IndicatorYears[]): Availability => new Map(indicators.map((item) => [item.indicator, item.years]));

export function hasFigures(availability: Availability, indicator: string, year: number | null): boolean {
  return year !== null && (availability.get(indicator)?.includes(year) ?? false);
}

/**
 * The year a page opens on: the one asked for when it has figures, else the place's preferred year when the
 * indicator has figures then, else the newest year in which the indicator has figures, else the newest year
 * with any figure. `years` are the years with figures at the level, newest first.
 */
export function chooseYear(options: { years: readonly number[]; requested: number | null; preferred?: number | undefined; indicatorYears: readonly number[] }): number | null {
  const { years, requested, preferred, indicatorYears } = options;
  if (requested !== null && years.includes(requested)) return requested;
  const usable = years.filter((year) => indicatorYears.includes(year));
  const candidates = usable.length ? usable : years;
  if (preferred !== undefined && candidates.includes(preferred)) return preferred;
  return candidates[0] ?? null;
}

/**
 * The indicator shown: the one asked for when it has figures that year, else the preferred one, else the
 * first (by code) with figures that year; the one asked for when nothing has figures (the page says so).
 */
export function chooseIndicator(availability: Availability, requested: string, preferred: string, year: number | null): string {
  if (year === null || hasFigures(availability, requested, year)) return requested;
  if (hasFigures(availability, preferred, year)) return preferred;
  for (const [code, years] of availability) if (years.includes(year)) return code;
  return requested;
}

/** The year in which the most indicators have figures (the newest of equals): where a place opens by default. */
export function richestYear(availability: Availability): number | undefined {
  const counts = new Map<number, number>();
  for (const years of availability.values()) for (const year of years) counts.set(year, (counts.get(year) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [year, count] of counts) if (!best || count > best[1] || (count === best[1] && year > best[0])) best = [year, count];
  return best?.[0];
}

/** Years as runs: 2016, 2017, 2018, 2020 → "2016–2018, 2020". */
export function yearRuns(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j += 1;
    runs.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(', ');
}
