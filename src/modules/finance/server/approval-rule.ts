import { sumCents } from '../money/cents.js';

/**
 * When a booking needs a second person (four-eyes). The threshold is inclusive: an amount AT the threshold
 * waits, as "from € 10.000" reads in a mandate scheme; only amounts below it count at once.
 *
 * Splitting a purchase into parts below the threshold is caught per person: what the same person booked
 * alone (approved without a second person) on the same budget line and of the same kind, registered in the
 * last SPLIT_WINDOW_DAYS days, is added to the new amount; reaching the threshold sends the new booking to
 * the approvals queue, flagged as a split with that total. Registration time is the server's clock, not the
 * date on the document, which the submitter chooses.
 */
export const SPLIT_WINDOW_DAYS = 30;

export type ApprovalReason = 'amount' | 'split';

export interface ApprovalDecision {
  status: 'approved' | 'pending';
  reason: ApprovalReason | null;
  /** For a split: the new amount plus the person's own recent bookings it was added to. */
  splitTotalCents: number | null;
}

export function approvalNeeded(input: { amountCents: number; thresholdCents: number; ownRecentCents: readonly number[] }): ApprovalDecision {
  const { amountCents, thresholdCents, ownRecentCents } = input;
  if (amountCents >= thresholdCents) return { status: 'pending', reason: 'amount', splitTotalCents: null };
  // Summed in BigInt (sumCents): many large bookings must not lose cents (docs/finance.md "Money").
  const total = sumCents([...ownRecentCents, amountCents]);
  if (ownRecentCents.length > 0 && total >= thresholdCents) return { status: 'pending', reason: 'split', splitTotalCents: total };
  return { status: 'approved', reason: null, splitTotalCents: null };
}

/** The start of the split window for a booking registered at `now`. */
export function splitWindowStart(now: Date): Date {
  return new Date(now.getTime() - SPLIT_WINDOW_DAYS * 86_400_000);
}
