import { diffCents, mulDiv, sumCents } from './cents.js';
import { daysBetween, type AlertLevel } from './forecast.js';

export interface TrancheState {
  seq: number;
  amountCents: number;
  dueDate: string;
  receivedDate: string | null;
  receivedCents: number;
}

export interface FundingSignal {
  level: AlertLevel;
  code: 'tranche_overdue' | 'underspend_risk' | 'repayment_due' | 'accountability_overdue';
  amountCents: number | null;
  date: string;
  /** The tranche number or the obligation kind the signal is about. */
  subject: string | null;
}

/** A tranche is overdue when its due date has passed and less than its amount has come in. */
export function overdueTranches(tranches: readonly TrancheState[], today: string): FundingSignal[] {
  return tranches
    .filter((t) => t.dueDate < today && t.receivedCents < t.amountCents)
    .map((t) => ({ level: 'alert', code: 'tranche_overdue', amountCents: diffCents(t.amountCents, t.receivedCents), date: t.dueDate, subject: String(t.seq) }));
}

/** Below this share of the total a projected shortfall is noise, not a risk: 1 % (100 basis points). */
export const UNDERSPEND_TOLERANCE_BP = 100;

/**
 * Money that must be spent by a deadline or paid back. While the period runs, spend is projected to the
 * deadline at the rate it was made since the start (and never below spend plus open commitments); a
 * projected shortfall of at least 1 % of the total is a warning with the amount at risk. After the deadline,
 * any unspent money is an alert: it has to be paid back.
 */
export function underspendSignal(input: {
  totalCents: number;
  spendFrom: string;
  spendUntil: string;
  spentCents: number;
  openCommitmentCents: number;
  today: string;
}): FundingSignal | null {
  const { totalCents, spendFrom, spendUntil, spentCents, openCommitmentCents, today } = input;
  if (totalCents <= 0) return null;
  if (today > spendUntil) {
    const unspent = diffCents(totalCents, spentCents);
    return unspent > 0 ? { level: 'alert', code: 'repayment_due', amountCents: unspent, date: spendUntil, subject: null } : null;
  }
  if (today < spendFrom) return null;
  const elapsed = daysBetween(spendFrom, today) + 1;
  const period = daysBetween(spendFrom, spendUntil) + 1;
  const projected = Math.max(mulDiv(spentCents, period, elapsed), sumCents([spentCents, openCommitmentCents]));
  const shortfall = diffCents(totalCents, projected);
  if (shortfall > 0 && BigInt(shortfall) * 10_000n >= BigInt(totalCents) * BigInt(UNDERSPEND_TOLERANCE_BP)) {
    return { level: 'warning', code: 'underspend_risk', amountCents: shortfall, date: spendUntil, subject: null };
  }
  return null;
}

export function overdueObligations(obligations: readonly { kind: string; dueDate: string; deliveredOn: string | null }[], today: string): FundingSignal[] {
  return obligations
    .filter((o) => o.deliveredOn === null && o.dueDate < today)
    .map((o) => ({ level: 'warning', code: 'accountability_overdue', amountCents: null, date: o.dueDate, subject: o.kind }));
}
