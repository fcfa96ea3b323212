import { AppError } from '../../../platform/server/index.js';
import { MAX_LINE_CENTS } from '../contract.js';
import { CentsOutOfRangeError } from '../money/cents.js';
import { formatEuro } from '../money/format.js';
import { findEntries } from './finance.queries.js';
import type { FinanceDb } from './finance.tables.js';

/**
 * Figures of lines that hold bookings from before the caps (an older version let 12 × € 9 trillion in): no
 * JSON number can carry their sums exactly, and a rounded figure would be a wrong one. Instead of failing
 * with 500, the answer is 409 `finance.figures_out_of_range` naming each booking above the per-booking cap
 * (`entries.<id>`), which finance reverses (POST /api/v1/finance-entries/{id}/reversal); then the figures
 * come back. New bookings cannot get there (money-caps.ts).
 */
export async function figuresOrConflict<T>(fdb: FinanceDb, lineIds: readonly string[], compute: () => Promise<T> | T): Promise<T> {
  try {
    return await compute();
  } catch (error) {
    if (!(error instanceof CentsOutOfRangeError)) throw error;
    const entries = await findEntries(fdb, { lineIds });
    const offending = entries.filter((e) => e.reversesId === null && e.reversedById === null && e.status !== 'rejected' && e.amountCents > MAX_LINE_CENTS);
    throw new AppError(
      'finance.figures_out_of_range',
      409,
      'These lines hold bookings above the cap that no figure can add up exactly; finance must reverse them',
      offending.map((e) => ({ path: `entries.${e.id}`, message: `${formatEuro(e.amountCents)} is above ${formatEuro(MAX_LINE_CENTS)} per booking: reverse it` })),
    );
  }
}
