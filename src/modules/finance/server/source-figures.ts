import { attributeToSources } from '../money/budget-effect.js';
import { sumCents } from '../money/cents.js';
import { isoDay } from '../money/forecast.js';
import { overdueObligations, overdueTranches, repaymentSignal, type FundingSignal } from '../money/funding-risk.js';
import { repaymentRisk, type RepaymentRisk } from '../money/repayment.js';
import type { Signal } from '../contract.js';
import { findAllocations, findEntries, findLines, findObligations, findTranches, type AllocationRow, type EntryRow, type FundingSourceRow, type LineRow, type TrancheRow } from './finance.queries.js';
import { figuresOrConflict } from './out-of-range.js';
import type { FinanceDb } from './finance.tables.js';
import { lineFigures } from './line-figures.js';

export interface SourceFigures {
  allocatedCents: number;
  spentCents: number;
  openCommitmentCents: number;
  /** Per activity: this source's share of the activity's lines and of their spend. */
  activities: Map<string, { activityId: string; activityName: string; allocatedCents: number; spentCents: number }>;
}

/**
 * What each funding source finances and what has been spent of it: spend on a line is attributed to its
 * sources in proportion to what each pays (largest remainder, exact in cents), over all years.
 */
export async function computeSourceFigures(db: FinanceDb, sourceIds: readonly string[], today: string): Promise<Map<string, SourceFigures>> {
  const result = new Map<string, SourceFigures>(sourceIds.map((id) => [id, { allocatedCents: 0, spentCents: 0, openCommitmentCents: 0, activities: new Map() }]));
  const lines = await findLines(db, { fundingSourceIds: sourceIds });
  const lineIds = lines.map((l) => l.id);
  const [allocations, entries] = await Promise.all([findAllocations(db, lineIds), findEntries(db, { lineIds })]);
  return figuresOrConflict(db, lineIds, () => addUp(result, lines, allocations, entries, today));
}

function addUp(result: Map<string, SourceFigures>, lines: readonly LineRow[], allocations: readonly AllocationRow[], entries: readonly EntryRow[], today: string): Map<string, SourceFigures> {
  for (const line of lines) {
    const f = lineFigures(line, allocations, entries, today);
    const amounts = f.allocations.map((a) => a.resolvedCents);
    const spent = attributeToSources(f.spentCents, amounts, f.uncoveredCents).perSource;
    const open = attributeToSources(f.openCommitmentCents, amounts, f.uncoveredCents).perSource;
    f.allocations.forEach((a, i) => {
      const figures = result.get(a.fundingSourceId);
      if (!figures) return;
      // Added in BigInt: exact over any number of lines.
      figures.allocatedCents = sumCents([figures.allocatedCents, a.resolvedCents]);
      figures.spentCents = sumCents([figures.spentCents, spent[i] ?? 0]);
      figures.openCommitmentCents = sumCents([figures.openCommitmentCents, open[i] ?? 0]);
      const activity = figures.activities.get(line.activityId) ?? { activityId: line.activityId, activityName: line.activityName, allocatedCents: 0, spentCents: 0 };
      activity.allocatedCents = sumCents([activity.allocatedCents, a.resolvedCents]);
      activity.spentCents = sumCents([activity.spentCents, spent[i] ?? 0]);
      figures.activities.set(line.activityId, activity);
    });
  }
  return result;
}

export function toSignal(s: FundingSignal, source: { id: string; name: string }): Signal {
  return { level: s.level, code: s.code, amountCents: s.amountCents, percentBp: null, date: s.date, subject: s.subject, scope: { type: 'funding_source', id: source.id, name: source.name } };
}

/**
 * A source's repayment risk (money/repayment.ts, the one definition): from its total, what came in of its
 * tranches, the spend and open commitments attributed to it, and its spending period.
 */
export function sourceRepayment(source: FundingSourceRow, figures: SourceFigures | undefined, tranches: readonly TrancheRow[], today: string): RepaymentRisk & { openCommitmentCents: number } {
  const receivedCents = sumCents(tranches.filter((t) => t.fundingSourceId === source.id).map((t) => t.receivedCents));
  const openCommitmentCents = figures?.openCommitmentCents ?? 0;
  const risk = repaymentRisk({
    repayUnspent: source.repayUnspent,
    totalCents: source.totalCents,
    receivedCents,
    spentCents: figures?.spentCents ?? 0,
    openCommitmentCents,
    spendFrom: source.spendFrom,
    spendUntil: source.spendUntil,
    today,
  });
  return { ...risk, openCommitmentCents };
}

/** Overdue tranches, repayment (due or at risk) or underspend, and overdue accountability of each source. */
export async function sourceSignals(db: FinanceDb, sources: readonly FundingSourceRow[], figures: Map<string, SourceFigures>, tranches: readonly TrancheRow[], today: string): Promise<Map<string, Signal[]>> {
  const obligations = await findObligations(db, sources.map((s) => s.id));
  return new Map(
    sources.map((source) => {
      const raw: FundingSignal[] = [...overdueTranches(tranches.filter((t) => t.fundingSourceId === source.id), today)];
      const risk = repaymentSignal(sourceRepayment(source, figures.get(source.id), tranches, today), source);
      if (risk) raw.push(risk);
      raw.push(...overdueObligations(obligations.filter((o) => o.fundingSourceId === source.id), today));
      return [source.id, raw.map((s) => toSignal(s, source))];
    }),
  );
}

export { findTranches, isoDay };
