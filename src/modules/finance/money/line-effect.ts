import { diffCents, mulDiv } from './cents.js';

/** How far a line would be over its budget: the overrun in cents and as basis points of the budget. */
export interface Overrun {
  overCents: number;
  /** The overrun as basis points of the budget (1769 = 17,69 %); null when the budget is zero. */
  overBp: number | null;
}

/**
 * The effect of a booking or an approval on one budget line, in cents. "Left" is the budget minus approved
 * spend minus open commitments (line-figures.ts); "left after, with waiting ones" also counts every booking
 * that still waits for a second person as if it were approved.
 */
export interface LineEffect {
  budgetCents: number;
  /** Left now, counting approved bookings only. */
  remainingCents: number;
  /** Left once this booking counts (approved). */
  remainingAfterCents: number;
  /** Left once this booking and all other waiting ones count. */
  remainingAfterPendingCents: number;
  /** Over budget by this booking alone; null when it stays within the budget. */
  over: Overrun | null;
  /** Over budget by this booking together with the waiting ones; null when that stays within the budget. */
  overWithPending: Overrun | null;
}

/** The overrun of a line left with `remainingCents` (negative = over); null when nothing is over. */
export function overrunOf(budgetCents: number, remainingCents: number): Overrun | null {
  if (remainingCents >= 0) return null;
  const overCents = diffCents(0, remainingCents);
  return { overCents, overBp: budgetCents > 0 ? mulDiv(overCents, 10_000, budgetCents) : null };
}

/** The effect on a line from the server's figures before and after (see finance line figures). */
export function lineEffect(input: { budgetCents: number; remainingCents: number; remainingAfterCents: number; remainingAfterPendingCents: number }): LineEffect {
  return {
    ...input,
    over: overrunOf(input.budgetCents, input.remainingAfterCents),
    overWithPending: overrunOf(input.budgetCents, input.remainingAfterPendingCents),
  };
}

/**
 * A new booking (a commitment, or spend not against a commitment) of `amountCents` on a line: it takes the
 * whole amount from what is left, both now and after the waiting bookings. `remainingAfterPendingCents` is the
 * server's figure for the line with every waiting booking counted.
 */
export function bookingEffect(line: { budgetCents: number; remainingCents: number; remainingAfterPendingCents: number }, amountCents: number): LineEffect {
  return lineEffect({
    budgetCents: line.budgetCents,
    remainingCents: line.remainingCents,
    remainingAfterCents: diffCents(line.remainingCents, amountCents),
    remainingAfterPendingCents: diffCents(line.remainingAfterPendingCents, amountCents),
  });
}
