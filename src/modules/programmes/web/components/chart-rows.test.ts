import { describe, expect, it } from 'vitest';
import type { GoalDetail } from '../../contract';
import { goalChartRows, yearTicks } from './GoalChart';
import { position, timelineRange } from './ActivityTimeline';

const goal = (over: Partial<GoalDetail> = {}): GoalDetail =>
  ({
    baseline: 100,
    baselineDate: '2020-01-01',
    target: 200,
    targetDate: '2030-01-01',
    targetKind: 'fixed',
    measurements: [
      { period: 2020, date: '2020-01-01', value: 100, municipalityValue: 150 },
      { period: 2024, date: '2024-01-01', value: 130, municipalityValue: 160 },
    ],
    ...over,
  }) as GoalDetail;

describe('goal chart rows', () => {
  it('puts the measurements and both ends of the trajectory on one year axis', () => {
    expect(goalChartRows(goal())).toEqual([
      { year: 2020, actual: 100, trajectory: 100 },
      { year: 2024, actual: 130 },
      { year: 2030, trajectory: 200 },
    ]);
  });

  it('adds the municipality line only for an average target, and no trajectory end without a target', () => {
    const rows = goalChartRows(goal({ targetKind: 'municipality_average', target: null }));
    expect(rows).toEqual([
      { year: 2020, actual: 100, municipality: 150, trajectory: 100 },
      { year: 2024, actual: 130, municipality: 160 },
    ]);
  });

  it('places a mid-year date at its fraction of the year', () => {
    expect(goalChartRows(goal({ baselineDate: '2020-07-02', measurements: [] }))[0]?.year).toBeCloseTo(2020 + 183 / 366, 9);
  });

  it('ticks whole years, sparser over long spans', () => {
    expect(yearTicks([2020, 2024.5, 2030])).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(yearTicks([2023, 2043])).toEqual([2023, 2025, 2027, 2029, 2031, 2033, 2035, 2037, 2039, 2041, 2043]);
    expect(yearTicks([])).toEqual([]);
  });
});

describe('timeline scale', () => {
  it('spans whole years from the first start to the last end, today included', () => {
    const range = timelineRange([{ start: '2024-03-01', end: '2026-06-30' }], '2027-05-01');
    expect(range).toEqual({ from: '2024-01-01', to: '2028-01-01', years: [2024, 2025, 2026, 2027] });
    expect(position('2024-01-01', range)).toBe(0);
    expect(position('2028-01-01', range)).toBe(100);
    expect(position('2026-01-01', range)).toBeCloseTo((731 / 1461) * 100, 9);
    expect(position('2030-01-01', range)).toBe(100);
  });
});
