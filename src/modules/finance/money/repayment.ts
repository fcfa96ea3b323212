import { diffCents, mulDiv, sumCents } from './cents.js';
import { daysBetween } from './forecast.js';

/**
 * Repayment risk of a funding source: the one definition every page, alarm, export and report uses
 * (docs/finance.md "Repayment risk"). Only money that came in can be owed back, so the amount is never more
 * than what was received and never negative. A tranche that has not come in (late or not yet due) is not
 * money to repay: if the spend needs it, the funder still owes it; if not, it lapses.
 */
export interface RepaymentInput {
  /** The source's condition: unspent money is paid back (false: nothing is ever owed back). */
  repayUnspent: boolean;
  totalCents: number;
  /** What came in of the tranches so far. */
  receivedCents: number;
  /** Approved spend attributed to the source. */
  spentCents: number;
  /** Approved commitments attributed to the source not yet paid: obligations entered into, payable later. */
  openCommitmentCents: number;
  spendFrom: string;
  spendUntil: string;
  today: string;
}

export type RepaymentPhase = 'before' | 'running' | 'ended';

export interface RepaymentRisk {
  /** Before the spending period, while it runs (today up to and including the end date), or after it. */
  phase: RepaymentPhase;
  /**
   * What the source pays for, never more than its total: after the period spend plus open commitments; while
   * it runs the same projected to the end date at the pace since the start (never below spend plus open
   * commitments); before it spend plus open commitments.
   */
  usableCents: number;
  /** After the period: to be paid back; while it runs: expected to be paid back at this pace; else 0. Between 0 and the received amount. */
  repaymentCents: number;
  /** What the funder still owes on what the source pays for: usable − received when positive. */
  stillToReceiveCents: number;
  /** What of the total the source does not (or, while it runs, is not expected to) pay for: total − usable. It lapses; it is not owed back. */
  unusedCents: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

export function repaymentRisk(input: RepaymentInput): RepaymentRisk {
  const { totalCents, receivedCents, spentCents, openCommitmentCents, spendFrom, spendUntil, today } = input;
  const committed = Math.max(0, sumCents([spentCents, openCommitmentCents]));
  let phase: RepaymentPhase;
  let projected: number;
  if (today > spendUntil) {
    phase = 'ended';
    projected = committed;
  } else if (today < spendFrom) {
    phase = 'before';
    projected = committed;
  } else {
    phase = 'running';
    const elapsed = daysBetween(spendFrom, today) + 1;
    const period = daysBetween(spendFrom, spendUntil) + 1;
    projected = Math.max(mulDiv(Math.max(0, spentCents), period, elapsed), committed);
  }
  const usableCents = clamp(projected, 0, Math.max(0, totalCents));
  const received = Math.max(0, receivedCents);
  const repaymentCents = input.repayUnspent && phase !== 'before' ? clamp(diffCents(received, usableCents), 0, received) : 0;
  return {
    phase,
    usableCents,
    repaymentCents,
    stillToReceiveCents: Math.max(0, diffCents(usableCents, received)),
    unusedCents: Math.max(0, diffCents(totalCents, usableCents)),
  };
}
