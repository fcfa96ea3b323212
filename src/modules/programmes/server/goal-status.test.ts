import { describe, expect, it } from 'vitest';
import type { GoalMeasurement } from '../contract.js';
import { evaluateGoal, measurementDate, shortfallOf, statusFromShortfall, trajectoryValue, type GoalDefinition } from './goal-status.js';

const m = (period: number, value: number | null, municipalityValue: number | null = null): GoalMeasurement => ({ period, date: measurementDate(period), value, municipalityValue });

// Baseline 2020-01-01, target 2030-01-01: 3653 days; 2024-01-01 lies 1461 days in (f = 1461/3653).
const F_2024 = 1461 / 3653;
const fixed = (baseline: number, target: number, polarity: GoalDefinition['polarity'] = 'neutral'): GoalDefinition => ({
  baseline,
  baselineDate: '2020-01-01',
  targetKind: 'fixed',
  target,
  targetDate: '2030-01-01',
  polarity,
});

describe('trajectory', () => {
  it('is linear between baseline and target and flat outside', () => {
    const goal = { baseline: 100, baselineDate: '2020-01-01', targetDate: '2030-01-01' };
    expect(trajectoryValue(goal, 200, '2020-01-01')).toBe(100);
    expect(trajectoryValue(goal, 200, '2024-01-01')).toBeCloseTo(100 + 100 * F_2024, 9);
    expect(trajectoryValue(goal, 200, '2030-01-01')).toBe(200);
    expect(trajectoryValue(goal, 200, '2035-06-01')).toBe(200);
    expect(trajectoryValue(goal, 200, '2019-01-01')).toBe(100);
  });
});

describe('status thresholds', () => {
  it.each([
    [-0.5, 'on_track'],
    [0, 'on_track'],
    [0.1, 'on_track'],
    [0.1000001, 'at_risk'],
    [0.25, 'at_risk'],
    [0.2500001, 'off_track'],
    [3, 'off_track'],
  ] as const)('shortfall %s → %s', (shortfall, status) => {
    expect(statusFromShortfall(shortfall)).toBe(status);
  });
});

describe('evaluateGoal, hand-computed cases', () => {
  it('Dordt West inhabitants 30,495 (2020) → 33,000 (2030), 31,030 measured in 2024: at risk', () => {
    // expected = 30495 + 2505 × 0.39995 = 31496.86; shortfall = (31496.86 − 31030) / 2505 = 0.1864
    const result = evaluateGoal(fixed(30495, 33000), [m(2020, 30495), m(2024, 31030)]);
    expect(result.expected).toBeCloseTo(30495 + 2505 * F_2024, 6);
    expect(result.shortfall).toBeCloseTo(0.18637, 4);
    expect(result.status).toBe('at_risk');
    expect(result.latest?.period).toBe(2024);
  });

  it('ahead of the trajectory is on track (Wielwijk 6,120 → 7,000, 6,560 in 2024)', () => {
    const result = evaluateGoal(fixed(6120, 7000), [m(2024, 6560)]);
    expect(result.shortfall).toBeCloseTo(-0.10005, 4);
    expect(result.status).toBe('on_track');
  });

  it('moving away from the target is off track (Nieuw-Krispijn 5,285 → 5,600, 4,915 in 2024)', () => {
    const result = evaluateGoal(fixed(5285, 5600), [m(2024, 4915)]);
    expect(result.shortfall).toBeCloseTo((5285 + 315 * F_2024 - 4915) / 315, 9);
    expect(result.status).toBe('off_track');
  });

  it('a downward target counts a fall as progress (unemployment 12 % → 8 %)', () => {
    // expected 2024 = 12 − 4 × 0.39995 = 10.4002; actual 10.0 → shortfall (10.4002 − 10) × −1 / 4 = −0.10 → on track
    expect(evaluateGoal(fixed(12, 8, 'lower_is_better'), [m(2024, 10)]).status).toBe('on_track');
    // actual 11.2 → shortfall (10.4002 − 11.2) × −1 / 4 = 0.19995 → at risk
    expect(evaluateGoal(fixed(12, 8, 'lower_is_better'), [m(2024, 11.2)]).shortfall).toBeCloseTo(0.19995, 4);
    // actual 12.5 → 0.52495 → off track
    expect(evaluateGoal(fixed(12, 8, 'lower_is_better'), [m(2024, 12.5)]).status).toBe('off_track');
  });

  it('after the target date the target itself is expected', () => {
    const result = evaluateGoal(fixed(100, 200), [m(2031, 180)]);
    expect(result.expected).toBe(200);
    expect(result.shortfall).toBeCloseTo(0.2, 9);
    expect(result.status).toBe('at_risk');
  });

  it('takes the latest measurement with a value, ignoring unknown years', () => {
    const result = evaluateGoal(fixed(100, 200), [m(2022, 150), m(2024, null), m(2023, 160)]);
    expect(result.latest?.period).toBe(2023);
  });

  it('has no data without a measurement after the baseline date', () => {
    expect(evaluateGoal(fixed(100, 200), [])).toMatchObject({ status: 'no_data', statusReason: 'no_measurement_after_baseline' });
    expect(evaluateGoal(fixed(100, 200), [m(2020, 100)])).toMatchObject({ status: 'no_data', statusReason: 'no_measurement_after_baseline' });
    expect(evaluateGoal(fixed(100, 200), [m(2019, 90), m(2024, null)]).status).toBe('no_data');
  });

  it('holding a level: measured against |baseline| in the good direction', () => {
    const hold = (polarity: GoalDefinition['polarity']) => fixed(50, 50, polarity);
    expect(evaluateGoal(hold('higher_is_better'), [m(2024, 44)]).shortfall).toBeCloseTo(0.12, 9);
    expect(evaluateGoal(hold('higher_is_better'), [m(2024, 60)]).status).toBe('on_track');
    expect(evaluateGoal(hold('lower_is_better'), [m(2024, 60)]).shortfall).toBeCloseTo(0.2, 9);
    expect(evaluateGoal(hold('neutral'), [m(2024, 40)]).shortfall).toBeCloseTo(0.2, 9);
    expect(shortfallOf({ ...hold('neutral'), baseline: 0 }, 0, 0, 0.3)).toBeCloseTo(0.3, 9);
  });
});

describe('reach the municipality average', () => {
  const average: GoalDefinition = { baseline: 40, baselineDate: '2020-01-01', targetKind: 'municipality_average', target: null, targetDate: '2030-01-01', polarity: 'higher_is_better' };

  it('takes the municipality value of the latest measurement year as the target', () => {
    // Weighted aggregation by hand (test/api/figures.api.test.ts checks the same rule from the database):
    // buurten 60 % of 1,000 and 45 % of 3,000 inhabitants → (600 + 1350) / 4000 = 48.75 %
    const city = (0.6 * 1000 + 0.45 * 3000) / 4000;
    expect(city * 100).toBeCloseTo(48.75, 9);
    const result = evaluateGoal(average, [m(2020, 40, 47), m(2024, 43, 48.75)]);
    expect(result.target).toBe(48.75);
    // expected = 40 + 8.75 × 0.39995 = 43.4996; shortfall = (43.4996 − 43) / 8.75 = 0.0571 → on track
    expect(result.expected).toBeCloseTo(40 + 8.75 * F_2024, 9);
    expect(result.shortfall).toBeCloseTo((40 + 8.75 * F_2024 - 43) / 8.75, 9);
    expect(result.status).toBe('on_track');
  });

  it('an area past the municipality value is on track, one falling behind it off track', () => {
    expect(evaluateGoal(average, [m(2024, 49, 48.75)]).status).toBe('on_track');
    expect(evaluateGoal(average, [m(2024, 39, 48.75)]).status).toBe('off_track');
  });

  it('has no data without a municipality value for that year, but shows the newest one as the target', () => {
    expect(evaluateGoal(average, [m(2024, 43, null)])).toMatchObject({ status: 'no_data', statusReason: 'no_municipality_value', target: null });
    expect(evaluateGoal(average, [m(2020, 40, 47.5)])).toMatchObject({ status: 'no_data', statusReason: 'no_measurement_after_baseline', target: 47.5 });
  });
});
