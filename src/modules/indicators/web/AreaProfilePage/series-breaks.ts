import type { FigureBasis } from '../../contract';

/** What the chart and the notes need of a series point. */
export interface SeriesPointLike {
  period: number;
  value: number | null;
  municipalityValue: number | null;
  nationalValue: number | null;
  basis?: FigureBasis | undefined;
}

export interface SeriesBreaks {
  /** A re-division the series is carried across: its year, and whether the converted years lie before or after it. */
  change: { year: number; converted: 'before' | 'after' } | null;
  /** Years whose figures sit on the boundaries of an earlier year (the first such boundary year). */
  olderBoundaries: { year: number; periods: number[] } | null;
}

const carried = (point: SeriesPointLike | undefined) => point?.basis?.kind === 'crosswalk';

export function seriesBreaks(points: readonly SeriesPointLike[]): SeriesBreaks {
  const converted = points.filter(carried);
  const older = points.filter((p) => p.basis?.kind === 'older_boundaries');
  const year = converted.length ? Math.max(...converted.map((p) => p.basis?.year ?? 0)) : null;
  return {
    change: year === null ? null : { year, converted: converted.every((p) => p.period < year) ? 'before' : 'after' },
    olderBoundaries: older.length ? { year: Math.min(...older.map((p) => p.basis?.year ?? 0)), periods: older.map((p) => p.period) } : null,
  };
}

/**
 * The chart's rows: the area's own figures as `value` (a solid line) and the converted ones as `carriedValue`
 * (a dashed line). The dashed line also takes the own point next to it, so the two lines meet at the break.
 */
export function chartRowsWithBreak(points: readonly SeriesPointLike[]): Record<string, number | null>[] {
  return points.map((point, i) => {
    const isCarried = carried(point);
    const besideCarried = carried(points[i - 1]) || carried(points[i + 1]);
    return {
      period: point.period,
      value: isCarried ? null : point.value,
      carriedValue: isCarried || besideCarried ? point.value : null,
      municipalityValue: point.municipalityValue,
      nationalValue: point.nationalValue,
    };
  });
}
