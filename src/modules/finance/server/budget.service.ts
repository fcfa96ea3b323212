import type { FinanceActor } from './finance-scope.js';
import { sql, type Kysely } from 'kysely';
import { invalid, notFound, withAudit , type Database, type FieldError } from '../../../platform/server/index.js';
import type { BudgetLine, Entry, ProgrammeBudget, ProgrammeOption, Signal } from '../contract.js';
import { attributeToSources } from '../money/budget-effect.js';
import { diffCents, resolveAllocations, sumCents } from '../money/cents.js';
import type { LineSignal } from '../money/forecast.js';
import { activitiesOf, activityNamer, findActivity, findProgramme, goalsOf, pillarsOf } from './activity-directory.js';
import { partnerFilter } from './finance-scope.js';
import { findAllocations, findEntries, findFundingSources, findLines, findTranches, insertLine, type AllocationRow, type EntryRow, type LineRow } from './finance.queries.js';
import { findApprovalThreshold } from './settings.queries.js';
import { financeDb } from './finance.tables.js';
import { addFigures, emptyFigures, lineFigures, remainingIfApproved, signalOf, type Figures, type LineFigures } from './line-figures.js';
import { visibleLineProposals } from './line-proposals.service.js';
import { checkLineCaps } from './money-caps.js';
import { figuresOrConflict } from './out-of-range.js';
import { computeSourceFigures, sourceSignals } from './source-figures.js';

type LineInput = {
  activityId: string;
  year: number;
  description: string;
  amountCents: number;
  allocations: ({ fundingSourceId: string; amountCents: number } | { fundingSourceId: string; shareBp: number })[];
};

export async function createBudgetLine(db: Kysely<Database>, actor: FinanceActor, input: LineInput): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.allocations.forEach((a, i) => {
    if (seen.has(a.fundingSourceId)) errors.push({ path: `allocations.${i}.fundingSourceId`, message: 'this funding source is listed twice' });
    seen.add(a.fundingSourceId);
  });
  let resolved: number[] = [];
  try {
    resolved = resolveAllocations(
      input.amountCents,
      input.allocations.map((a) => ('shareBp' in a ? { shareBp: a.shareBp } : { amountCents: a.amountCents })),
    ).amounts;
  } catch (error) {
    errors.push({ path: 'allocations', message: error instanceof Error ? error.message : 'allocations do not fit the line' });
  }
  if (errors.length) throw invalid('finance.invalid_budget_line', 'The budget line is not valid', errors);
  return db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, input.activityId);
    if (!activity) throw invalid('finance.unknown_activity', 'Unknown activity', [{ path: 'activityId', message: 'no such activity' }]);
    const fdb = financeDb(tx);
    const ids = input.allocations.map((a) => a.fundingSourceId);
    const sources = await findFundingSources(fdb, { ids });
    const known = new Set(sources.map((s) => s.id));
    const missing = input.allocations.flatMap((a, i) => (known.has(a.fundingSourceId) ? [] : [{ path: `allocations.${i}.fundingSourceId`, message: 'no such funding source' }]));
    if (missing.length) throw invalid('finance.unknown_funding_source', 'Unknown funding source', missing);
    await checkLineCaps(fdb, { programmeId: activity.programmeId, year: input.year, amountCents: input.amountCents, resolved: input.allocations.map((a, i) => ({ fundingSourceId: a.fundingSourceId, amountCents: resolved[i] ?? 0 })) });
    const id = await insertLine(fdb, { programmeId: activity.programmeId, activityId: activity.id, activityName: activity.name, year: input.year, description: input.description, amountCents: input.amountCents }, input.allocations);
    await withAudit(tx, actor, 'finance.budget_line.create', { type: 'budget_line', id }, { activityId: activity.id, year: input.year, amountCents: input.amountCents, allocations: input.allocations });
    return { id };
  });
}

export function toSignal(signal: LineSignal, scope: Signal['scope']): Signal {
  return { level: signal.level, code: signal.code, amountCents: signal.amountCents, percentBp: signal.percentBp, date: null, subject: null, scope };
}

export function publicFigures(f: Figures) {
  return { budgetCents: f.budgetCents, committedCents: f.committedCents, spentCents: f.spentCents, pendingCents: f.pendingCents, remainingCents: f.remainingCents, forecastCents: f.forecastCents };
}

/** A line as the API shows it, with its figures, funding and signal; `activityName` null when the caller may not see the activity. */
export function toBudgetLine(f: LineFigures, activityName: string | null, allocations: readonly AllocationRow[], entries: readonly EntryRow[], today: string): BudgetLine {
  return {
    id: f.line.id,
    activityId: f.line.activityId,
    activityName,
    year: f.line.year,
    description: f.line.description,
    ...publicFigures(f),
    allocations: f.allocations.map((a) => ({ fundingSourceId: a.fundingSourceId, fundingSourceName: a.fundingSourceName, amountCents: a.resolvedCents, shareBp: a.shareBp })),
    uncoveredCents: f.uncoveredCents,
    remainingAfterPendingCents: remainingIfApproved(f.line, allocations, entries, today, () => true),
    signal: f.signal ? toSignal(f.signal, { type: 'line', id: f.line.id, name: lineName(activityName, f.line.description) }) : null,
  };
}

/** An entry as the API shows it; `activityName` is null when the caller may not see the line's activity. */
export function toEntry(e: EntryRow, line: LineRow | undefined, activityName: string | null): Entry {
  return {
    id: e.id,
    budgetLineId: e.budgetLineId,
    lineDescription: line?.description ?? '',
    activityName,
    kind: e.kind,
    amountCents: e.amountCents,
    bookedOn: e.bookedOn,
    description: e.description,
    documentRef: e.documentRef,
    commitmentId: e.commitmentId,
    status: e.status,
    submittedBy: e.submittedName,
    submittedById: e.submittedBy,
    decidedBy: e.decidedName,
    decidedAt: e.decidedAt ? new Date(e.decidedAt).toISOString() : null,
    decisionNote: e.decisionNote,
    approvalReason: e.approvalReason,
    splitTotalCents: e.splitTotalCents,
    reversesId: e.reversesId,
    reversedById: e.reversedById,
  };
}

/** The budget of a programme for one year: lines per activity with their figures, spend, and every warning. */
export async function getProgrammeBudget(db: Kysely<Database>, actor: FinanceActor, programmeId: string, year: number, today: string): Promise<ProgrammeBudget> {
  const programme = await findProgramme(db, programmeId);
  if (!programme) throw notFound('Programme', 'finance.programme_not_found');
  const fdb = financeDb(db);
  const org = partnerFilter(actor);
  const visibleSources = org ? (await findFundingSources(fdb, { visibleToOrganisation: org })).map((s) => s.id) : undefined;
  const lines = await findLines(fdb, { programmeId, year, ...(visibleSources ? { fundingSourceIds: visibleSources } : {}) });
  return figuresOrConflict(fdb, lines.map((l) => l.id), () => budgetOf(db, actor, programme, lines, year, today));
}

async function budgetOf(db: Kysely<Database>, actor: FinanceActor, programme: { id: string; name: string }, lines: readonly LineRow[], year: number, today: string): Promise<ProgrammeBudget> {
  const fdb = financeDb(db);
  const lineIds = lines.map((l) => l.id);
  const [allocations, entries, threshold] = await Promise.all([findAllocations(fdb, lineIds), findEntries(fdb, { lineIds }), findApprovalThreshold(fdb)]);
  const figures = lines.map((line) => lineFigures(line, allocations, entries, today));
  const nameOf = await activityNamer(db, actor, lines.map((l) => l.activityId));
  const activityName = (line: LineRow) => nameOf(line.activityId, line.activityName);

  const budgetLines: BudgetLine[] = figures.map((f) => toBudgetLine(f, activityName(f.line), allocations, entries, today));

  const byActivity = new Map<string, { id: string; name: string | null; figures: Figures }>();
  for (const f of figures) {
    const current = byActivity.get(f.line.activityId) ?? { id: f.line.activityId, name: activityName(f.line), figures: emptyFigures() };
    current.figures = addFigures(current.figures, f);
    byActivity.set(f.line.activityId, current);
  }
  const activities = [...byActivity.values()].map((a) => {
    const signal = signalOf(a.figures);
    return { id: a.id, name: a.name, ...publicFigures(a.figures), signal: signal ? toSignal(signal, { type: 'activity', id: a.id, name: a.name }) : null };
  });
  const totals = figures.reduce<Figures>((sum, f) => addFigures(sum, f), emptyFigures());
  const pillars = await moneyPerPillar(db, programme.id, [...byActivity.values()]);
  const goals = await moneyPerGoal(db, programme.id, [...byActivity.values()]);
  const proposedLines = await visibleLineProposals(db, actor, { programmeId: programme.id, year, status: ['pending'] });

  // Funding sources behind this year's lines: their part of the budget and of the spend, and their own signals.
  const sourceIds = [...new Set(allocations.map((a) => a.fundingSourceId))];
  const sources = await findFundingSources(fdb, { ids: sourceIds });
  const [sourceTotals, tranches] = await Promise.all([computeSourceFigures(fdb, sourceIds, today), findTranches(fdb, sourceIds)]);
  const fundingSignals = await sourceSignals(fdb, sources, sourceTotals, tranches, today);
  const fundingSources = sources.map((s) => {
    let sum = emptyFigures();
    for (const f of figures) {
      const index = f.allocations.findIndex((a) => a.fundingSourceId === s.id);
      if (index < 0) continue;
      // The source's part of each figure, in proportion to what it pays of the line (exact in cents).
      const weights = f.allocations.map((a) => a.resolvedCents);
      const share = (cents: number) => attributeToSources(cents, weights, f.uncoveredCents).perSource[index] ?? 0;
      const budgetCents = f.allocations[index]?.resolvedCents ?? 0;
      const part: Figures = {
        budgetCents,
        committedCents: share(f.committedCents),
        spentCents: share(f.spentCents),
        pendingCents: share(f.pendingCents),
        openCommitmentCents: share(f.openCommitmentCents),
        forecastCents: share(f.forecastCents),
        remainingCents: 0,
      };
      part.remainingCents = diffCents(part.budgetCents, sumCents([part.spentCents, part.openCommitmentCents]));
      sum = addFigures(sum, part);
    }
    return { id: s.id, name: s.name, kind: s.kind as ProgrammeBudget['fundingSources'][number]['kind'], ...publicFigures(sum) };
  });

  const programmeSignal = signalOf(totals);
  const alerts: Signal[] = [
    ...(programmeSignal ? [toSignal(programmeSignal, { type: 'programme', id: programme.id, name: programme.name })] : []),
    ...budgetLines.flatMap((l) => (l.signal ? [l.signal] : [])),
    ...sources.flatMap((s) => fundingSignals.get(s.id) ?? []),
  ].sort((a, b) => (a.level === b.level ? 0 : a.level === 'alert' ? -1 : 1));

  const lineById = new Map(lines.map((l) => [l.id, l]));
  return {
    programme,
    year,
    today,
    approvalThresholdCents: threshold,
    totals: publicFigures(totals),
    activities,
    lines: budgetLines,
    spend: entries.map((e) => {
      const line = lineById.get(e.budgetLineId);
      return toEntry(e, line, line ? activityName(line) : null);
    }),
    fundingSources,
    pillars,
    goals,
    proposedLines,
    alerts,
  };
}

type ActivityMoney = { id: string; name: string | null; figures: Figures };
type GroupRow = { id: string | null; activityCount: number } & ReturnType<typeof publicFigures>;

/**
 * Sums the activities' figures per group (pillar, goal) in the groups' order: each activity under every group
 * it serves, then one row (id null) for activities serving none or that the caller may not see (their name is
 * null, so which group they serve is not told either). Groups with no money are listed with zeros.
 */
function moneyPer(groupIds: readonly string[], groupsByActivity: Map<string, string[]>, activities: readonly ActivityMoney[]): GroupRow[] {
  const rows = new Map<string | null, { figures: Figures; count: number }>([...groupIds.map((id) => [id, { figures: emptyFigures(), count: 0 }] as const), [null, { figures: emptyFigures(), count: 0 }]]);
  for (const activity of activities) {
    const served = activity.name === null ? [] : (groupsByActivity.get(activity.id) ?? []).filter((id) => rows.has(id));
    for (const key of served.length ? served : [null]) {
      const row = rows.get(key);
      if (!row) continue;
      row.figures = addFigures(row.figures, activity.figures);
      row.count += 1;
    }
  }
  const named = groupIds.map((id) => ({ id, activityCount: rows.get(id)?.count ?? 0, ...publicFigures(rows.get(id)?.figures ?? emptyFigures()) }));
  const rest = rows.get(null) ?? { figures: emptyFigures(), count: 0 };
  return [...named, ...(rest.count > 0 ? [{ id: null, activityCount: rest.count, ...publicFigures(rest.figures) }] : [])];
}

/** The year's money per pillar of the programme (programmes' goal links); see moneyPer. */
async function moneyPerPillar(db: Kysely<Database>, programmeId: string, activities: readonly ActivityMoney[]): Promise<ProgrammeBudget['pillars']> {
  const { pillars, pillarsByActivity } = await pillarsOf(db, programmeId);
  const names = new Map(pillars.map((p) => [p.id, p.name]));
  return moneyPer(pillars.map((p) => p.id), pillarsByActivity, activities).map((row) => ({ ...row, name: row.id === null ? null : (names.get(row.id) ?? null) }));
}

/**
 * The year's money per strategic goal (served directly or through an operational goal under it) and per
 * operational goal (served directly), by the same counting rule as pillars; see moneyPer.
 */
async function moneyPerGoal(db: Kysely<Database>, programmeId: string, activities: readonly ActivityMoney[]): Promise<ProgrammeBudget['goals']> {
  const goals = await goalsOf(db, programmeId);
  const strategic = new Map(goals.strategicGoals.map((g) => [g.id, g]));
  const operational = new Map(goals.operationalGoals.map((g) => [g.id, g]));
  return {
    strategic: moneyPer(goals.strategicGoals.map((g) => g.id), goals.strategicByActivity, activities).map((row) => {
      const goal = row.id === null ? undefined : strategic.get(row.id);
      return { ...row, name: goal?.name ?? null, pillarName: goal?.pillarName ?? null };
    }),
    operational: moneyPer(goals.operationalGoals.map((g) => g.id), goals.operationalByActivity, activities).map((row) => {
      const goal = row.id === null ? undefined : operational.get(row.id);
      return { ...row, name: goal?.name ?? null, strategicGoalName: goal?.strategicGoalName ?? null };
    }),
  };
}

/** A line's name in a signal: "activity: line", or the line alone when the activity is not the caller's to see. */
function lineName(activityName: string | null, description: string): string {
  return activityName === null ? description : `${activityName}: ${description}`;
}

/** Programmes that have budget lines, with the activities the caller may see, for the overview's and the line form's choices. */
export async function listProgrammeOptions(db: Kysely<Database>, actor: FinanceActor, extraProgrammeIds: readonly string[]): Promise<{ items: ProgrammeOption[] }> {
  const { rows } = await sql<{ programme_id: string }>`SELECT DISTINCT programme_id FROM budget_lines`.execute(db);
  const ids = [...new Set([...extraProgrammeIds, ...rows.map((r) => r.programme_id)])];
  const items: ProgrammeOption[] = [];
  for (const id of ids) {
    const programme = await findProgramme(db, id);
    if (programme) items.push({ ...programme, activities: await activitiesOf(db, actor, id) });
  }
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'nl')) };
}
