import { invalid } from '../../../platform/server/index.js';
import { MAX_LINE_CENTS, MAX_TOTAL_CENTS } from '../contract.js';
import { formatEuro } from '../money/format.js';
import { findAllocations, findLines, sumBooked, sumLineBudgets, type LineRow } from './finance.queries.js';
import type { FinanceDb } from './finance.tables.js';
import { resolveLineAllocations } from './line-figures.js';

/**
 * Caps on totals, beyond the per-amount caps the contract checks (contract.ts MAX_LINE_CENTS, MAX_TOTAL_CENTS;
 * docs/finance.md "Money"). They bound every figure finance shows, so sums, forecasts and exports stay exact
 * JSON numbers: a line's bookings of one kind (approved and waiting, counter-entries netted) to € 1.000.000.000,
 * a programme's year and all lines of one funding source to € 10.000.000.000 each, per kind; a programme's
 * year of budget lines and what one source finances to € 10.000.000.000. Refused with 422 naming the field.
 * Sums are exact bigints from SQL. Bookings on one line are serialised (the line is locked), so that cap holds
 * exactly; bookings on different lines at the same instant may pass a shared cap by their own amounts, still
 * far from what a number can hold.
 */

function refuse(path: string, what: string, cap: number): never {
  throw invalid('finance.cap_exceeded', `This would take ${what} past ${formatEuro(cap)}`, [{ path, message: `${what} would pass ${formatEuro(cap)}` }]);
}

export async function checkBookingCaps(fdb: FinanceDb, line: LineRow, kind: 'commitment' | 'spend', amountCents: number): Promise<void> {
  const amount = BigInt(amountCents);
  const what = kind === 'spend' ? 'the spend' : 'the commitments';
  if ((await sumBooked(fdb, kind, { lineId: line.id })) + amount > BigInt(MAX_LINE_CENTS)) refuse('amountCents', `${what} on this budget line`, MAX_LINE_CENTS);
  if ((await sumBooked(fdb, kind, { programmeId: line.programmeId, year: line.year })) + amount > BigInt(MAX_TOTAL_CENTS)) refuse('amountCents', `${what} of this programme in ${line.year}`, MAX_TOTAL_CENTS);
  for (const allocation of await findAllocations(fdb, [line.id])) {
    if ((await sumBooked(fdb, kind, { fundingSourceId: allocation.fundingSourceId })) + amount > BigInt(MAX_TOTAL_CENTS)) refuse('amountCents', `${what} on the lines of ${allocation.fundingSourceName}`, MAX_TOTAL_CENTS);
  }
}

/** A new line: its programme's year of budgets, and what each financing source pays over all its lines. */
export async function checkLineCaps(fdb: FinanceDb, input: { programmeId: string; year: number; amountCents: number; resolved: readonly { fundingSourceId: string; amountCents: number }[] }): Promise<void> {
  if ((await sumLineBudgets(fdb, input.programmeId, input.year)) + BigInt(input.amountCents) > BigInt(MAX_TOTAL_CENTS)) refuse('amountCents', `the budget lines of this programme in ${input.year}`, MAX_TOTAL_CENTS);
  for (const [i, part] of input.resolved.entries()) {
    if (part.amountCents === 0) continue;
    const lines = await findLines(fdb, { fundingSourceIds: [part.fundingSourceId] });
    const allocations = await findAllocations(fdb, lines.map((l) => l.id));
    let financed = 0n;
    for (const l of lines) {
      for (const a of resolveLineAllocations(l, allocations).allocations) if (a.fundingSourceId === part.fundingSourceId) financed += BigInt(a.resolvedCents);
    }
    if (financed + BigInt(part.amountCents) > BigInt(MAX_TOTAL_CENTS)) refuse(`allocations.${i}`, 'what this funding source finances', MAX_TOTAL_CENTS);
  }
}
