import { diffCents, resolveAllocations, sumCents } from '../money/cents.js';
import { budgetSignal, forecastYearEnd, type LineSignal } from '../money/forecast.js';
import type { AllocationRow, EntryRow, LineRow } from './finance.queries.js';

/** Budget, commitments, spend, remaining and forecast of one budget line (or a sum of lines), in cents. */
export interface Figures {
  budgetCents: number;
  /** Approved commitments (verplichtingen). */
  committedCents: number;
  /** Approved spend. */
  spentCents: number;
  /** Commitments and spend waiting for a second person's approval. */
  pendingCents: number;
  /** Budget minus spend minus commitments not yet paid. */
  remainingCents: number;
  forecastCents: number;
  /** Commitments not yet covered by spend booked against them. */
  openCommitmentCents: number;
}

export interface LineFigures extends Figures {
  line: LineRow;
  allocations: (AllocationRow & { resolvedCents: number })[];
  uncoveredCents: number;
  signal: LineSignal | null;
}

export function emptyFigures(): Figures {
  return { budgetCents: 0, committedCents: 0, spentCents: 0, pendingCents: 0, remainingCents: 0, forecastCents: 0, openCommitmentCents: 0 };
}

/** Figure by figure, added in BigInt: exact, or CentsOutOfRangeError when a JSON number could not hold it. */
export function addFigures(a: Figures, b: Figures): Figures {
  const add = (key: keyof Figures) => sumCents([a[key], b[key]]);
  return {
    budgetCents: add('budgetCents'),
    committedCents: add('committedCents'),
    spentCents: add('spentCents'),
    pendingCents: add('pendingCents'),
    remainingCents: add('remainingCents'),
    forecastCents: add('forecastCents'),
    openCommitmentCents: add('openCommitmentCents'),
  };
}

/** Signal for a sum of lines (an activity, a programme): the same rule as a single line. */
export function signalOf(figures: Figures): LineSignal | null {
  return budgetSignal(figures.budgetCents, figures.spentCents, figures.openCommitmentCents, figures.forecastCents);
}

export function resolveLineAllocations(line: LineRow, allocations: readonly AllocationRow[]): { allocations: (AllocationRow & { resolvedCents: number })[]; uncoveredCents: number } {
  const own = allocations.filter((a) => a.budgetLineId === line.id);
  const rules = own.map((a) => (a.shareBp !== null ? { shareBp: a.shareBp } : { amountCents: a.amountCents ?? 0 }));
  try {
    const { amounts, uncoveredCents } = resolveAllocations(line.amountCents, rules);
    return { allocations: own.map((a, i) => ({ ...a, resolvedCents: amounts[i] ?? 0 })), uncoveredCents };
  } catch {
    // Stored allocations are checked when written; should a line have shrunk below them, show them as given.
    return { allocations: own.map((a) => ({ ...a, resolvedCents: a.amountCents ?? 0 })), uncoveredCents: 0 };
  }
}

/**
 * A line's figures from its entries. Counter-entries (reversals) carry negative amounts, so plain sums net a
 * reversed entry out; every sum is added in BigInt (sumCents).
 */
export function lineFigures(line: LineRow, allocations: readonly AllocationRow[], entries: readonly EntryRow[], today: string): LineFigures {
  const own = entries.filter((e) => e.budgetLineId === line.id);
  const approved = own.filter((e) => e.status === 'approved');
  const sum = (list: readonly EntryRow[]) => sumCents(list.map((e) => e.amountCents));
  const committedCents = sum(approved.filter((e) => e.kind === 'commitment'));
  const spentCents = sum(approved.filter((e) => e.kind === 'spend'));
  const pendingCents = sum(own.filter((e) => e.status === 'pending'));
  // Per commitment: what is left of it (after an approved reversal, nothing) minus the net spend booked against it.
  const openCommitmentCents = sumCents(
    approved
      .filter((e) => e.kind === 'commitment' && e.reversesId === null)
      .map((c) => {
        const net = sum(approved.filter((e) => e.id === c.id || e.reversesId === c.id));
        const paid = sum(approved.filter((e) => e.kind === 'spend' && e.commitmentId === c.id));
        return Math.max(0, diffCents(net, paid));
      }),
  );
  const forecastCents = forecastYearEnd({ year: line.year, today, spentCents, openCommitmentCents });
  const resolved = resolveLineAllocations(line, allocations);
  return {
    line,
    ...resolved,
    budgetCents: line.amountCents,
    committedCents,
    spentCents,
    pendingCents,
    openCommitmentCents,
    remainingCents: diffCents(line.amountCents, sumCents([spentCents, openCommitmentCents])),
    forecastCents,
    signal: budgetSignal(line.amountCents, spentCents, openCommitmentCents, forecastCents),
  };
}

/**
 * What a line would have left if the waiting entries `approve` picks were approved: the same rule as
 * `lineFigures` (spend against a commitment uses up the commitment, not the line twice), on the entries as
 * they would then stand.
 */
export function remainingIfApproved(line: LineRow, allocations: readonly AllocationRow[], entries: readonly EntryRow[], today: string, approve: (entry: EntryRow) => boolean): number {
  const after = entries.map((e) => (e.status === 'pending' && approve(e) ? { ...e, status: 'approved' as const } : e));
  return lineFigures(line, allocations, after, today).remainingCents;
}
