import type { GoalMeasurement, GoalStatus, OperationalGoal, TargetKind } from '../contract.js';

/**
 * Whether an operational goal is on track, from the latest measurement of its indicator in its area against
 * a linear trajectory from the baseline to the target (docs/programmes.md "Goal status").
 *
 *  expected  = baseline + (target − baseline) × f,  f = (measured − baselineDate) / (targetDate − baselineDate),
 *              clamped to [0, 1] (after the target date the target itself is expected)
 *  shortfall = (expected − actual) × direction / |target − baseline|
 *              (direction = +1 when the target lies above the baseline, −1 below), i.e. how far behind the
 *              trajectory, as a share of the whole planned change; ≤ 0 means on or ahead of it.
 *  A goal to hold a level (target = baseline) measures the shortfall against |baseline| (or 1 when 0), in
 *  the indicator's good direction; for a neutral indicator any deviation counts.
 *
 *  on_track  shortfall ≤ 10 %      at_risk  10 % < shortfall ≤ 25 %      off_track  shortfall > 25 %
 *  no_data   no measurement after the baseline date, or (municipality average) no municipality value.
 *
 * "Reach the municipality average" takes as target the municipality's value in the year of the latest
 * measurement: the target moves with the city, which is what "we grow with Dordt West to the Dordt average"
 * asks for.
 */
export const ON_TRACK_MAX_SHORTFALL = 0.1;
export const AT_RISK_MAX_SHORTFALL = 0.25;

export interface GoalDefinition {
  baseline: number;
  baselineDate: string;
  targetKind: TargetKind;
  /** Required for a fixed target. */
  target: number | null;
  targetDate: string;
  polarity: 'higher_is_better' | 'lower_is_better' | 'neutral';
}

export interface GoalEvaluation {
  status: GoalStatus;
  statusReason: OperationalGoal['statusReason'];
  latest: GoalMeasurement | null;
  target: number | null;
  expected: number | null;
  shortfall: number | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * A yearly figure is dated 1 January of its year: CBS's KWB stock figures (inhabitants, shares of the
 * population) describe that date, so a baseline "2020" is dated 2020-01-01 too.
 */
export function measurementDate(period: number): string {
  return `${String(period).padStart(4, '0')}-01-01`;
}

/** The trajectory's value on a date (linear between baseline and target, flat outside). */
export function trajectoryValue(goal: { baseline: number; baselineDate: string; targetDate: string }, target: number, date: string): number {
  const span = dayNumber(goal.targetDate) - dayNumber(goal.baselineDate);
  const f = span > 0 ? Math.min(1, Math.max(0, (dayNumber(date) - dayNumber(goal.baselineDate)) / span)) : 1;
  return goal.baseline + (target - goal.baseline) * f;
}

export function statusFromShortfall(shortfall: number): Exclude<GoalStatus, 'no_data'> {
  if (shortfall <= ON_TRACK_MAX_SHORTFALL) return 'on_track';
  if (shortfall <= AT_RISK_MAX_SHORTFALL) return 'at_risk';
  return 'off_track';
}

export function shortfallOf(goal: GoalDefinition, target: number, expected: number, actual: number): number {
  const change = target - goal.baseline;
  if (change !== 0) return ((expected - actual) * Math.sign(change)) / Math.abs(change);
  const scale = Math.abs(goal.baseline) || 1;
  if (goal.polarity === 'higher_is_better') return (expected - actual) / scale;
  if (goal.polarity === 'lower_is_better') return (actual - expected) / scale;
  return Math.abs(actual - expected) / scale;
}

export function evaluateGoal(goal: GoalDefinition, measurements: readonly GoalMeasurement[]): GoalEvaluation {
  const baselineDay = dayNumber(goal.baselineDate);
  const after = measurements.filter((m) => m.value !== null && dayNumber(m.date) > baselineDay).sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const latest = after[after.length - 1] ?? null;
  const fixedTarget = goal.targetKind === 'fixed' ? goal.target : null;
  if (!latest || latest.value === null) {
    // Show the municipality's newest value as the target to aim at, even without a measurement to judge.
    const newestCity = [...measurements].reverse().find((m) => m.municipalityValue !== null)?.municipalityValue ?? null;
    return { status: 'no_data', statusReason: 'no_measurement_after_baseline', latest: null, target: fixedTarget ?? (goal.targetKind === 'municipality_average' ? newestCity : null), expected: null, shortfall: null };
  }
  const target = goal.targetKind === 'fixed' ? goal.target : latest.municipalityValue;
  if (target === null) return { status: 'no_data', statusReason: 'no_municipality_value', latest, target: null, expected: null, shortfall: null };
  const expected = trajectoryValue(goal, target, latest.date);
  const shortfall = shortfallOf(goal, target, expected, latest.value);
  return { status: statusFromShortfall(shortfall), statusReason: 'measured', latest, target, expected, shortfall };
}
