import { calendarDayOf } from '../../../platform/shared/time.js';
import { diffCents, mulDiv, sumCents } from './cents.js';

/**
 * The date of a moment as a day in the Netherlands (docs/time.md): "today" for a booking, a forecast and an
 * alarm turns at Dutch midnight, not UTC's. The helpers below count with dates, which have no time zone.
 */
export function isoDay(date: Date): string {
  return calendarDayOf(date);
}

function utc(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((utc(toIso) - utc(fromIso)) / 86_400_000);
}

export function daysInYear(year: number): number {
  return daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
}

/**
 * Expected spend at the end of a budget year. In the running year the spend so far is extrapolated at the
 * rate it was made (spent × days in year / days elapsed, today included); what is already committed but not
 * yet paid will be spent anyway, so the forecast is never below spent + open commitments. A closed year or a
 * year still to come has no rate to go by: its forecast is spent + open commitments.
 */
export function forecastYearEnd(input: { year: number; today: string; spentCents: number; openCommitmentCents: number }): number {
  const floor = sumCents([input.spentCents, input.openCommitmentCents]);
  const currentYear = Number(input.today.slice(0, 4));
  if (input.year !== currentYear) return floor;
  const elapsed = daysBetween(`${input.year}-01-01`, input.today) + 1;
  const extrapolated = mulDiv(input.spentCents, daysInYear(input.year), elapsed);
  return Math.max(extrapolated, floor);
}

export type AlertLevel = 'alert' | 'warning';

export interface LineSignal {
  level: AlertLevel;
  code: 'over_budget' | 'forecast_overrun';
  /** Overrun in cents (what exceeds the budget). */
  amountCents: number;
  /** Overrun as basis points of the budget; null when the budget is zero. */
  percentBp: number | null;
}

/** The threshold for a forecast overrun warning: 10 % above budget (1000 basis points). */
export const FORECAST_WARNING_BP = 1000;

/**
 * Overrun signals of a budget (line, activity, programme, source): an alert when spend and commitments are
 * already above budget; otherwise a warning when the year-end forecast exceeds the budget by 10 % or more.
 */
export function budgetSignal(budgetCents: number, spentCents: number, openCommitmentCents: number, forecastCents: number): LineSignal | null {
  const used = sumCents([spentCents, openCommitmentCents]);
  const percentOf = (over: number) => (budgetCents > 0 ? mulDiv(over, 10_000, budgetCents) : null);
  if (used > budgetCents) return { level: 'alert', code: 'over_budget', amountCents: diffCents(used, budgetCents), percentBp: percentOf(diffCents(used, budgetCents)) };
  const over = diffCents(forecastCents, budgetCents);
  // over / budget ≥ 10 %  ⇔  over × 10 000 ≥ budget × 1000, in integers.
  if (over > 0 && BigInt(over) * 10_000n >= BigInt(budgetCents) * BigInt(FORECAST_WARNING_BP)) {
    return { level: 'warning', code: 'forecast_overrun', amountCents: over, percentBp: percentOf(over) };
  }
  return null;
}
