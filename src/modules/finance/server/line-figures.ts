import { resolveAllocations } from '../money/cents.js';
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

export function addFigures(a: Figures, b: Figures): Figures {
  return {
    budgetCents: a.budgetCents + b.budgetCents,
    committedCents: a.committedCents + b.committedCents,
    spentCents: a.spentCents + b.spentCents,
    pendingCents: a.pendingCents + b.pendingCents,
    remainingCents: a.remainingCents + b.remainingCents,
    forecastCents: a.forecastCents + b.forecastCents,
    openCommitmentCents: a.openCommitmentCents + b.openCommitmentCents,
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

export function lineFigures(line: LineRow, allocations: readonly AllocationRow[], entries: readonly EntryRow[], today: string): LineFigures {
  const own = entries.filter((e) => e.budgetLineId === line.id);
  const approved = own.filter((e) => e.status === 'approved');
  const committedCents = approved.filter((e) => e.kind === 'commitment').reduce((s, e) => s + e.amountCents, 0);
  const spentCents = approved.filter((e) => e.kind === 'spend').reduce((s, e) => s + e.amountCents, 0);
  const pendingCents = own.filter((e) => e.status === 'pending').reduce((s, e) => s + e.amountCents, 0);
  const openCommitmentCents = approved
    .filter((e) => e.kind === 'commitment')
    .reduce((s, c) => {
      const paid = approved.filter((e) => e.kind === 'spend' && e.commitmentId === c.id).reduce((t, e) => t + e.amountCents, 0);
      return s + Math.max(0, c.amountCents - paid);
    }, 0);
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
    remainingCents: line.amountCents - spentCents - openCommitmentCents,
    forecastCents,
    signal: budgetSignal(line.amountCents, spentCents, openCommitmentCents, forecastCents),
  };
}
