import { describe, expect, it } from 'vitest';
import { measurementDate, trajectoryValue } from '../../programmes/index.js';
import { calculateAlternative } from './calculation.js';
import { linkedBenefitLines, linkedBenefitYears, perOfUnit } from './linked-benefit.js';

/**
 * Linked benefits checked by hand. The trajectory is the programmes module's own (linear by day between the
 * baseline date and the target date, flat outside), read on 1 January of each year as its yearly figures are.
 */
const goalTrajectory = (goal: { baseline: number; baselineDate: string; target: number; targetDate: string }) => (year: number) =>
  trajectoryValue(goal, goal.target, measurementDate(year));

describe('a benefit tied to a goal: 120 incidents down to 90 in four years, € 2.500 per incident avoided', () => {
  // Baseline 120 on 2026-01-01, target 90 on 2030-01-01: 1461 days (2028 is a leap year). MKBA 2026–2032 at 2.25 %.
  // Year  days since baseline  trajectory                 avoided = 120 − trajectory     × 250 000 cents (rounded)
  // 2026     0                 120                        0                              0
  // 2027   365                 120 − 30 × 365/1461        10 950/1461 = 7.49487          1 873 717
  // 2028   730                 120 − 30 × 730/1461        21 900/1461 = 14.98973         3 747 433
  // 2029  1096                 120 − 30 × 1096/1461       32 880/1461 = 22.50513         5 626 283
  // 2030  1461 (target date)   90                         30                             7 500 000
  // 2031, 2032: past the target date the effect holds at the target: 30 avoided, 7 500 000 each.
  // Present values, amount / 1.0225^t:
  //   2027: 1 873 717 / 1.0225       = 1 832 486.06
  //   2028: 3 747 433 / 1.04550625   = 3 584 323.86
  //   2029: 5 626 283 / 1.0690301406 = 5 262 978.83
  //   2030: 7 500 000 / 1.0930833187 = 6 861 325.09
  //   2031: 7 500 000 / 1.1176776934 = 6 710 342.39
  //   2032: 7 500 000 / 1.1428254415 = 6 562 682.04
  //   sum                              30 814 138.27 → € 308.141,38
  const figures = { baseline: 120, direction: -1 as const, trajectory: goalTrajectory({ baseline: 120, baselineDate: '2026-01-01', target: 90, targetDate: '2030-01-01' }), quantity: 1, per: 1, unitValueCents: 250_000 };

  it('gives the yearly benefits computed by hand', () => {
    const years = linkedBenefitYears(figures, 2026, 6);
    expect(years.map((y) => y.amountCents)).toEqual([0, 1_873_717, 3_747_433, 5_626_283, 7_500_000, 7_500_000, 7_500_000]);
    expect(years[1]!.effect).toBeCloseTo(7.49487, 5);
    expect(years[5]!.value).toBe(90);
  });

  it('gives the present value computed by hand, as a benefit of the actor', () => {
    const lines = linkedBenefitLines(linkedBenefitYears(figures, 2026, 6), 'politie');
    expect(lines).toHaveLength(6); // the year without effect adds no line
    const result = calculateAlternative(lines, { baseYear: 2026, horizonYears: 6, rate: 0.0225 });
    expect(result.pvBenefitsCents).toBe(30_814_138);
    expect(result.actors).toEqual([{ actor: 'politie', pvCostsCents: 0, pvBenefitsCents: 30_814_138, balanceCents: 30_814_138 }]);
  });

  it('gives nothing for years before the goal starts', () => {
    const later = { ...figures, trajectory: goalTrajectory({ baseline: 120, baselineDate: '2028-01-01', target: 90, targetDate: '2032-01-01' }) };
    // Baseline on 2028-01-01: 2026, 2027 and 2028 give 0; 2029 lies 366 days (2028 is a leap year) into
    // 1461: 30 × 366/1461 × 250 000 = 1 878 850.10 → 1 878 850.
    expect(linkedBenefitYears(later, 2026, 3).map((y) => y.amountCents)).toEqual([0, 0, 0, 1_878_850]);
  });

  it('follows the target: a target of 60 doubles every year', () => {
    const deeper = { ...figures, trajectory: goalTrajectory({ baseline: 120, baselineDate: '2026-01-01', target: 60, targetDate: '2030-01-01' }) };
    expect(linkedBenefitYears(deeper, 2026, 6)[4]!.amountCents).toBe(15_000_000);
  });
});

describe('a share applied to households', () => {
  it('turns percentage points into households: 20 % → 15 % of 4 000 households at € 1.000 each', () => {
    // At the target, 5 points × 4 000 / 100 = 200 households × 100 000 cents = 20 000 000 cents.
    const figures = { baseline: 20, direction: -1 as const, trajectory: goalTrajectory({ baseline: 20, baselineDate: '2026-01-01', target: 15, targetDate: '2027-01-01' }), quantity: 4000, per: 100, unitValueCents: 100_000 };
    expect(linkedBenefitYears(figures, 2026, 2).map((y) => y.amountCents)).toEqual([0, 20_000_000, 20_000_000]);
  });

  it('reads what a point is about from the unit', () => {
    expect(perOfUnit('%')).toBe(100);
    expect(perOfUnit('per 1 000 inwoners')).toBe(1000);
    expect(perOfUnit('per 1.000 inwoners')).toBe(1000);
    expect(perOfUnit('aantal')).toBe(1);
    expect(perOfUnit('per huishouden')).toBe(1);
  });
});

describe('a goal to grow (higher is better)', () => {
  it('counts the rise as the effect', () => {
    const figures = { baseline: 30_000, direction: 1 as const, trajectory: goalTrajectory({ baseline: 30_000, baselineDate: '2026-01-01', target: 31_000, targetDate: '2027-01-01' }), quantity: 1, per: 1, unitValueCents: 10_000 };
    // 1 000 more × € 100 = € 100.000 from 2027.
    expect(linkedBenefitYears(figures, 2026, 1).map((y) => y.amountCents)).toEqual([0, 10_000_000]);
  });
});
