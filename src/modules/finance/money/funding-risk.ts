import { diffCents } from './cents.js';
import type { AlertLevel } from './forecast.js';
import type { RepaymentRisk } from './repayment.js';

export interface TrancheState {
  seq: number;
  amountCents: number;
  dueDate: string;
  receivedDate: string | null;
  receivedCents: number;
}

export interface FundingSignal {
  level: AlertLevel;
  code: 'tranche_overdue' | 'underspend_risk' | 'repayment_risk' | 'repayment_due' | 'accountability_overdue';
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
 * The signal of a source whose unspent money is paid back, from its repayment risk (repayment.ts, the one
 * definition): after the period an alert with what must be paid back; while it runs a warning with what is
 * expected to be paid back at the current pace, or, when nothing received is at risk but at least 1 % of
 * the total is expected to stay unused, a warning with that amount (it lapses, nobody pays it back).
 */
export function repaymentSignal(risk: RepaymentRisk, input: { repayUnspent: boolean; totalCents: number; spendUntil: string }): FundingSignal | null {
  if (!input.repayUnspent || input.totalCents <= 0) return null;
  if (risk.phase === 'ended') return risk.repaymentCents > 0 ? { level: 'alert', code: 'repayment_due', amountCents: risk.repaymentCents, date: input.spendUntil, subject: null } : null;
  if (risk.phase !== 'running') return null;
  if (risk.repaymentCents > 0) return { level: 'warning', code: 'repayment_risk', amountCents: risk.repaymentCents, date: input.spendUntil, subject: null };
  if (risk.unusedCents > 0 && BigInt(risk.unusedCents) * 10_000n >= BigInt(input.totalCents) * BigInt(UNDERSPEND_TOLERANCE_BP)) {
    return { level: 'warning', code: 'underspend_risk', amountCents: risk.unusedCents, date: input.spendUntil, subject: null };
  }
  return null;
}

export function overdueObligations(obligations: readonly { kind: string; dueDate: string; deliveredOn: string | null }[], today: string): FundingSignal[] {
  return obligations
    .filter((o) => o.deliveredOn === null && o.dueDate < today)
    .map((o) => ({ level: 'warning', code: 'accountability_overdue', amountCents: null, date: o.dueDate, subject: o.kind }));
}
