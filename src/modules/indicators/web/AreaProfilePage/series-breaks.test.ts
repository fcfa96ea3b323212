import { describe, expect, it } from 'vitest';
import { chartRowsWithBreak, seriesBreaks, type SeriesPointLike } from './series-breaks';

const point = (period: number, value: number, basis?: SeriesPointLike['basis']): SeriesPointLike => ({ period, value, municipalityValue: null, nationalValue: null, ...(basis ? { basis } : {}) });
const CHANGE = { kind: 'crosswalk' as const, year: 2022 };

describe('the break in a series', () => {
  it('a new code: the years before the change are converted; the dashed line runs up to the first own year', () => {
    const points = [point(2020, 489, CHANGE), point(2021, 495, CHANGE), point(2022, 500), point(2023, 510)];
    expect(seriesBreaks(points)).toEqual({ change: { year: 2022, converted: 'before' }, olderBoundaries: null });
    expect(chartRowsWithBreak(points).map((r) => [r.period, r.value, r.carriedValue])).toEqual([
      [2020, null, 489],
      [2021, null, 495],
      [2022, 500, 500],
      [2023, 510, null],
    ]);
  });
  it('an old code carried forward: the years from the change on are converted', () => {
    const points = [point(2020, 815), point(2022, 840, CHANGE)];
    expect(seriesBreaks(points).change).toEqual({ year: 2022, converted: 'after' });
    expect(chartRowsWithBreak(points).map((r) => [r.value, r.carriedValue])).toEqual([
      [815, 815],
      [null, 840],
    ]);
  });
  it('figures on older boundaries are listed with the boundary year; a plain series has no break', () => {
    const points = [point(2020, 815), point(2022, 830, { kind: 'older_boundaries', year: 2020 }), point(2023, 835, { kind: 'older_boundaries', year: 2020 })];
    expect(seriesBreaks(points)).toEqual({ change: null, olderBoundaries: { year: 2020, periods: [2022, 2023] } });
    expect(seriesBreaks([point(2020, 1), point(2021, 2)])).toEqual({ change: null, olderBoundaries: null });
    expect(chartRowsWithBreak([point(2020, 1)])).toEqual([{ period: 2020, value: 1, carriedValue: null, municipalityValue: null, nationalValue: null }]);
  });
});
