import { describe, expect, it } from 'vitest';
import { circleMedians, median } from './median.js';

/** Medians computed by hand, and the threshold of five members at 4 and 5. */

const series = (...values: (number | null)[]) => values.map((value, i) => ({ year: 2020 + i, value }));

describe('median', () => {
  it('takes the middle of an odd count: 3, 9, 1, 7, 5 → sorted 1 3 5 7 9 → 5', () => {
    expect(median([3, 9, 1, 7, 5])).toBe(5);
  });
  it('averages the two middle values of an even count: 4, 1, 10, 6, 2, 8 → 1 2 4 6 8 10 → (4 + 6) / 2 = 5', () => {
    expect(median([4, 1, 10, 6, 2, 8])).toBe(5);
  });
  it('handles decimals: 12.5, 11.1, 13.9, 10.2 → (11.1 + 12.5) / 2 = 11.8', () => {
    expect(median([12.5, 11.1, 13.9, 10.2])).toBeCloseTo(11.8, 10);
  });
});

describe('the circle median per year', () => {
  it('shows nothing when only 4 members share the indicator', () => {
    expect(circleMedians([series(1), series(2), series(3), series(4)])).toEqual({ enough: false, membersSharing: 4 });
  });

  it('gives the median per year from 5 members, and suppresses a year with fewer than 5 values', () => {
    const result = circleMedians([series(10, 20, null), series(30, 40, 1), series(50, 60, 2), series(20, 10, 3), series(40, 30, 4)]);
    // 2020: 10 20 30 40 50 → 30; 2021: 10 20 30 40 60 → 30; 2022: only 4 values (one member has none) → suppressed.
    expect(result).toEqual({ enough: true, membersSharing: 5, medians: [{ year: 2020, median: 30 }, { year: 2021, median: 30 }, { year: 2022, median: null }] });
  });

  it('gives the even-count median from 6 members: 1 2 3 4 5 6 → 3.5', () => {
    const result = circleMedians([series(6), series(1), series(5), series(2), series(4), series(3)]);
    expect(result).toEqual({ enough: true, membersSharing: 6, medians: [{ year: 2020, median: 3.5 }] });
  });
});
