import type { Kysely } from 'kysely';
import { AppError, conflict, hasPermission, invalid, notFound, withAudit, type Database } from '../../../platform/server/index.js';
import type { DecidedLineProposal, LineProposal, LineProposalEffect, PendingLineProposal, ProposeBudgetLine } from '../contract.js';
import { diffCents, sumCents } from '../money/cents.js';
import { isoDay } from '../money/forecast.js';
import { activityNamer, findActivity, type ActivityNamer } from './activity-directory.js';
import { partnerFilter, type FinanceActor } from './finance-scope.js';
import { findFundingSources, findLines, insertLine, sumLineBudgets } from './finance.queries.js';
import { financeDb, type FinanceDb } from './finance.tables.js';
import { closeLineProposal, findLineProposals, insertLineProposal, lockLineProposal, type LineProposalRow } from './line-proposals.queries.js';
import { checkLineCaps } from './money-caps.js';
import { computeSourceFigures } from './source-figures.js';

/**
 * A budget line proposed from the activity page (issue 13, item 1). The programme manager proposes (year,
 * funding source, amount, description); finance approves or rejects with a reason, never the proposer
 * (four-eyes, as bookings and the threshold). Until approved a proposal is no budget line, so it counts in no
 * total; the pages show it as "voorgesteld". Approving creates the line, wholly financed by the source, in the
 * same transaction and audit. Every step is audited; nothing is deleted.
 */

/** Whether `actor` may decide `row`: finance (finance.manage) and not the one who proposed it. */
function mayDecide(actor: FinanceActor, row: LineProposalRow): boolean {
  return row.status === 'pending' && hasPermission(actor.roles, 'finance.manage') && row.proposedBy !== actor.userId;
}

export function toLineProposal(row: LineProposalRow, actor: FinanceActor, nameOf: ActivityNamer): LineProposal {
  return {
    id: row.id,
    programmeId: row.programmeId,
    activityId: row.activityId,
    activityName: nameOf(row.activityId, row.activityName),
    year: row.year,
    fundingSourceId: row.fundingSourceId,
    fundingSourceName: row.fundingSourceName,
    amountCents: row.amountCents,
    description: row.description,
    status: row.status,
    proposedBy: row.proposedName,
    proposedById: row.proposedBy,
    proposedAt: new Date(row.proposedAt).toISOString(),
    decidedBy: row.decidedName,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    decisionNote: row.decisionNote,
    budgetLineId: row.budgetLineId,
    canDecide: mayDecide(actor, row),
  };
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

export async function proposeBudgetLine(db: Kysely<Database>, actor: FinanceActor, input: ProposeBudgetLine, now: Date): Promise<LineProposal> {
  return db.transaction().execute(async (tx) => {
    const activity = await findActivity(tx, input.activityId);
    const nameOf = await activityNamer(tx, actor, activity ? [activity.id] : []);
    // An activity the proposer may not see is answered as an unknown one: nothing to probe.
    if (!activity || nameOf(activity.id, activity.name) === null) throw invalid('finance.unknown_activity', 'Unknown activity', [{ path: 'activityId', message: 'no such activity' }]);
    // A line for a year the activity does not run in is a slip of the pen (the activity's dates can be changed first).
    if (input.year < yearOf(activity.start) || input.year > yearOf(activity.end)) {
      throw invalid('finance.year_outside_activity', `The activity runs from ${activity.start} to ${activity.end}`, [{ path: 'year', message: `outside the activity's period ${yearOf(activity.start)}–${yearOf(activity.end)}` }]);
    }
    const fdb = financeDb(tx);
    const [source] = await findFundingSources(fdb, { ids: [input.fundingSourceId] });
    if (!source) throw invalid('finance.unknown_funding_source', 'Unknown funding source', [{ path: 'fundingSourceId', message: 'no such funding source' }]);
    const [from, until] = [yearOf(source.spendFrom), yearOf(source.spendUntil)];
    // A source pays only within its spending period: a line for a year wholly outside it could never be spent.
    if (input.year < from || input.year > until) {
      throw invalid('finance.year_outside_source', `${source.name} may be spent from ${source.spendFrom} to ${source.spendUntil}`, [{ path: 'year', message: `outside the source's period ${from}–${until}` }]);
    }
    await checkLineCaps(fdb, { programmeId: activity.programmeId, year: input.year, amountCents: input.amountCents, resolved: [{ fundingSourceId: source.id, amountCents: input.amountCents }] });
    const id = await insertLineProposal(fdb, {
      programmeId: activity.programmeId,
      activityId: activity.id,
      activityName: activity.name,
      year: input.year,
      fundingSourceId: source.id,
      amountCents: input.amountCents,
      description: input.description,
      proposedBy: actor.userId,
      proposedName: actor.displayName,
      proposedAt: now,
    });
    await withAudit(tx, actor, 'finance.budget_line.propose', { type: 'budget_line_proposal', id }, {
      activityId: activity.id,
      year: input.year,
      fundingSourceId: source.id,
      amountCents: input.amountCents,
      description: input.description,
    });
    const [row] = await findLineProposals(fdb, { id });
    if (!row) throw notFound('Budget line proposal', 'finance.line_proposal_not_found');
    return toLineProposal(row, actor, nameOf);
  });
}

/** The activity's and programme's budget of the proposal's year, and what its source has left, as they stand. */
async function standing(fdb: FinanceDb, row: LineProposalRow, today: string) {
  const [activityLines, programmeYear, sources, pending] = await Promise.all([
    findLines(fdb, { activityId: row.activityId, year: row.year }),
    sumLineBudgets(fdb, row.programmeId, row.year),
    findFundingSources(fdb, { ids: [row.fundingSourceId] }),
    findLineProposals(fdb, { status: ['pending'], fundingSourceIds: [row.fundingSourceId] }),
  ]);
  const figures = (await computeSourceFigures(fdb, [row.fundingSourceId], today)).get(row.fundingSourceId);
  const totalCents = sources[0]?.totalCents ?? 0;
  const allocatedCents = figures?.allocatedCents ?? 0;
  return {
    activityYearCents: sumCents(activityLines.map((l) => l.amountCents)),
    programmeYearCents: Number(programmeYear),
    totalCents,
    allocatedCents,
    otherPendingCents: sumCents(pending.filter((p) => p.id !== row.id).map((p) => p.amountCents)),
  };
}

async function effectOf(fdb: FinanceDb, row: LineProposalRow, today: string): Promise<LineProposalEffect> {
  const s = await standing(fdb, row, today);
  const leftAfterCents = diffCents(s.totalCents, sumCents([s.allocatedCents, row.amountCents]));
  return {
    activityYear: { budgetCents: s.activityYearCents, afterCents: sumCents([s.activityYearCents, row.amountCents]) },
    programmeYear: { budgetCents: s.programmeYearCents, afterCents: sumCents([s.programmeYearCents, row.amountCents]) },
    source: { totalCents: s.totalCents, allocatedCents: s.allocatedCents, otherPendingCents: s.otherPendingCents, leftAfterCents, leftAfterPendingCents: diffCents(leftAfterCents, s.otherPendingCents) },
  };
}

/** A source whose figures are out of range (409 finance.figures_out_of_range) leaves the effect out rather than fail the queue. */
async function orNull<T>(figures: Promise<T>): Promise<T | null> {
  try {
    return await figures;
  } catch (error) {
    if (error instanceof AppError && error.code === 'finance.figures_out_of_range') return null;
    throw error;
  }
}

/** The approvals queue's proposed lines: every one that waits, with the effect approving it has. */
export async function listPendingLineProposals(db: Kysely<Database>, actor: FinanceActor, now: Date): Promise<{ items: PendingLineProposal[] }> {
  // Only finance and programme roles hold finance.approve; a partner filter would show nothing anyway.
  if (partnerFilter(actor) !== null) return { items: [] };
  const fdb = financeDb(db);
  const rows = await findLineProposals(fdb, { status: ['pending'] });
  const nameOf = await activityNamer(db, actor, rows.map((r) => r.activityId));
  const today = isoDay(now);
  const items: PendingLineProposal[] = [];
  for (const row of rows) items.push({ ...toLineProposal(row, actor, nameOf), effect: await orNull(effectOf(fdb, row, today)) });
  return { items };
}

/**
 * For the worklist (index.ts): the proposed lines that wait for this actor's decision — finance, not the
 * proposer. Empty for anyone else.
 */
export async function listLineProposalsToDecide(db: Kysely<Database>, actor: FinanceActor): Promise<LineProposal[]> {
  if (!hasPermission(actor.roles, 'finance.manage')) return [];
  const rows = await findLineProposals(financeDb(db), { status: ['pending'] });
  const nameOf = await activityNamer(db, actor, rows.map((r) => r.activityId));
  return rows.filter((r) => mayDecide(actor, r)).map((r) => toLineProposal(r, actor, nameOf));
}

/** Proposals of an activity or a programme's year that a reader of that money sees (a partner: its own sources'). */
export async function visibleLineProposals(db: Kysely<Database>, actor: FinanceActor, filter: { activityId?: string; programmeId?: string; year?: number; status: LineProposalRow['status'][] }): Promise<LineProposal[]> {
  const fdb = financeDb(db);
  const org = partnerFilter(actor);
  const visibleSources = org ? (await findFundingSources(fdb, { visibleToOrganisation: org })).map((s) => s.id) : undefined;
  const rows = await findLineProposals(fdb, { ...filter, ...(visibleSources ? { fundingSourceIds: visibleSources } : {}) });
  const nameOf = await activityNamer(db, actor, rows.map((r) => r.activityId));
  return rows.map((r) => toLineProposal(r, actor, nameOf));
}

/** Four-eyes: finance approves (the line is made) or rejects (with a reason); never the proposer. */
export async function decideLineProposal(db: Kysely<Database>, actor: FinanceActor, id: string, decision: { decision: 'approve' | 'reject'; note: string }, now: Date): Promise<DecidedLineProposal> {
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    await lockLineProposal(fdb, id);
    const [row] = await findLineProposals(fdb, { id });
    if (!row) throw notFound('Budget line proposal', 'finance.line_proposal_not_found');
    if (row.status !== 'pending') throw conflict('finance.already_decided', `This proposal was already ${row.status}`);
    if (row.proposedBy === actor.userId) throw new AppError('finance.four_eyes', 403, 'You proposed this budget line; someone else must approve or reject it');
    if (decision.decision === 'reject' && decision.note.length === 0) throw invalid('finance.reason_required', 'A rejection needs a reason', [{ path: 'note', message: 'say why' }]);
    const approve = decision.decision === 'approve';
    let budgetLineId: string | null = null;
    if (approve) {
      // The activity may have been removed since; the line keeps the name it had when proposed, as lines do.
      const activity = await findActivity(tx, row.activityId);
      if (!activity) throw conflict('finance.activity_gone', 'The activity of this proposal no longer exists; reject it');
      await checkLineCaps(fdb, { programmeId: row.programmeId, year: row.year, amountCents: row.amountCents, resolved: [{ fundingSourceId: row.fundingSourceId, amountCents: row.amountCents }] });
      budgetLineId = await insertLine(fdb, { programmeId: row.programmeId, activityId: row.activityId, activityName: activity.name, year: row.year, description: row.description, amountCents: row.amountCents }, [{ fundingSourceId: row.fundingSourceId, shareBp: 10_000 }]);
      await withAudit(tx, actor, 'finance.budget_line.create', { type: 'budget_line', id: budgetLineId }, {
        activityId: row.activityId,
        year: row.year,
        amountCents: row.amountCents,
        allocations: [{ fundingSourceId: row.fundingSourceId, shareBp: 10_000 }],
        proposalId: row.id,
      });
    }
    if (!(await closeLineProposal(fdb, id, { status: approve ? 'approved' : 'rejected', by: actor.userId, name: actor.displayName, at: now, note: decision.note, budgetLineId }))) {
      throw conflict('finance.already_decided', 'This proposal was already decided');
    }
    await withAudit(tx, actor, approve ? 'finance.budget_line.approve' : 'finance.budget_line.reject', { type: 'budget_line_proposal', id }, {
      activityId: row.activityId,
      year: row.year,
      fundingSourceId: row.fundingSourceId,
      amountCents: row.amountCents,
      proposedBy: row.proposedBy,
      note: decision.note,
      ...(budgetLineId ? { budgetLineId } : {}),
    });
    const [decided] = await findLineProposals(fdb, { id });
    if (!decided) throw notFound('Budget line proposal', 'finance.line_proposal_not_found');
    const nameOf = await activityNamer(tx, actor, [decided.activityId]);
    const s = await orNull(standing(fdb, decided, isoDay(now)));
    const after = s ? { activityYearBudgetCents: s.activityYearCents, programmeYearBudgetCents: s.programmeYearCents, sourceLeftCents: diffCents(s.totalCents, s.allocatedCents) } : null;
    return { ...toLineProposal(decided, actor, nameOf), after };
  });
}
