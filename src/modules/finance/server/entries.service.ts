import type { FinanceActor } from './finance-scope.js';
import type { Kysely } from 'kysely';
import { AppError, conflict, invalid, notFound, withAudit , type Database } from '../../../platform/server/index.js';
import type { DecidedEntry, Entry, PendingEntry } from '../contract.js';
import { CentsOutOfRangeError } from '../money/cents.js';
import { isoDay } from '../money/forecast.js';
import { lineEffect, type LineEffect } from '../money/line-effect.js';
import { activityNamer } from './activity-directory.js';
import { toEntry } from './budget.service.js';
import { partnerFilter } from './finance-scope.js';
import { approvalNeeded, splitWindowStart } from './approval-rule.js';
import { decideEntry, findAllocations, findEntries, findLines, findOwnUnreviewedEntries, insertEntry, lockEntry, lockLine } from './finance.queries.js';
import { financeDb } from './finance.tables.js';
import { lineFigures, remainingIfApproved } from './line-figures.js';
import { checkBookingCaps } from './money-caps.js';
import type { AllocationRow, EntryRow, LineRow } from './finance.queries.js';
import { findApprovalThreshold } from './settings.queries.js';

type EntryInput = {
  budgetLineId: string;
  kind: 'commitment' | 'spend';
  amountCents: number;
  bookedOn: string;
  description: string;
  documentRef: string;
  commitmentId?: string | null | undefined;
};

/**
 * Records a commitment or spend against a budget line. At or above the approval threshold it waits for a
 * second person (four-eyes), and so does a booking that, with what the same person booked alone on the line
 * in the last 30 days, reaches it (approval-rule.ts). Spend is booked only against an approved commitment.
 * The document reference (invoice, order, decision number) is required so every euro can be traced to a paper.
 * `now` is the registration time (the app clock): the split window runs on it.
 */
export async function createEntry(db: Kysely<Database>, actor: FinanceActor, input: EntryInput, now: Date): Promise<Entry> {
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    const [line] = await findLines(fdb, { ids: [input.budgetLineId] });
    if (!line) throw invalid('finance.unknown_budget_line', 'Unknown budget line', [{ path: 'budgetLineId', message: 'no such budget line' }]);
    await lockLine(fdb, line.id);
    if (input.commitmentId) {
      if (input.kind !== 'spend') throw invalid('finance.invalid_entry', 'Only spend can be booked against a commitment', [{ path: 'commitmentId', message: 'only for spend' }]);
      const [commitment] = await findEntries(fdb, { id: input.commitmentId });
      if (!commitment || commitment.kind !== 'commitment' || commitment.budgetLineId !== line.id || commitment.reversesId !== null) {
        throw invalid('finance.invalid_entry', 'Not a commitment of this line', [{ path: 'commitmentId', message: 'not a commitment of this budget line' }]);
      }
      // Paying against an order nobody has approved yet would spend money the second person may still refuse.
      if (commitment.status !== 'approved') throw invalid('finance.commitment_not_approved', 'Spend can only be booked against an approved commitment', [{ path: 'commitmentId', message: `the commitment is ${commitment.status}` }]);
      if (commitment.reversedById !== null) throw invalid('finance.commitment_reversed', 'This commitment has been reversed', [{ path: 'commitmentId', message: 'the commitment is reversed' }]);
    }
    await checkBookingCaps(fdb, line, input.kind, input.amountCents);
    const threshold = await findApprovalThreshold(fdb);
    const own = actor.userId ? await findOwnUnreviewedEntries(fdb, { lineId: line.id, submittedBy: actor.userId, kind: input.kind, since: splitWindowStart(now) }) : [];
    const rule = approvalNeeded({ amountCents: input.amountCents, thresholdCents: threshold, ownRecentCents: own.map((e) => e.amountCents) });
    const status = rule.status;
    const id = await insertEntry(fdb, {
      budgetLineId: line.id,
      kind: input.kind,
      amountCents: input.amountCents,
      bookedOn: input.bookedOn,
      description: input.description,
      documentRef: input.documentRef,
      commitmentId: input.commitmentId ?? null,
      status,
      submittedBy: actor.userId,
      submittedName: actor.displayName,
      approvalReason: rule.reason,
      splitTotalCents: rule.splitTotalCents,
      reversesId: null,
      registeredAt: now,
    });
    await withAudit(tx, actor, input.kind === 'spend' ? 'finance.spend' : 'finance.commitment', { type: 'finance_entry', id }, {
      budgetLineId: line.id,
      amountCents: input.amountCents,
      documentRef: input.documentRef,
      status,
      approvalThresholdCents: threshold,
      ...(rule.reason ? { approvalReason: rule.reason } : {}),
      ...(rule.reason === 'split' ? { splitTotalCents: rule.splitTotalCents, splitEntryIds: own.map((e) => e.id) } : {}),
    });
    const [entry] = await findEntries(fdb, { id });
    if (!entry) throw notFound('Entry');
    const nameOf = await activityNamer(tx, actor, [line.activityId]);
    return toEntry(entry, line, nameOf(line.activityId, line.activityName));
  });
}

/** Figures a JSON number cannot hold (rows from before the caps) leave the effect out rather than fail the queue. */
function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CentsOutOfRangeError) return null;
    throw error;
  }
}

/** The effect approving `entry` has on its line: left now, after it, and after every waiting entry of the line. */
function approvalEffect(line: LineRow, allocations: readonly AllocationRow[], entries: readonly EntryRow[], entry: EntryRow, today: string): LineEffect | null {
  return orNull(() =>
    lineEffect({
      budgetCents: line.amountCents,
      remainingCents: lineFigures(line, allocations, entries, today).remainingCents,
      remainingAfterCents: remainingIfApproved(line, allocations, entries, today, (e) => e.id === entry.id),
      remainingAfterPendingCents: remainingIfApproved(line, allocations, entries, today, () => true),
    }),
  );
}

/**
 * The approval queue: what waits for a second person, each with the effect approving it has on its line.
 * The caller's own submissions are listed but marked.
 */
export async function listPendingEntries(db: Kysely<Database>, actor: FinanceActor, now: Date): Promise<{ items: PendingEntry[]; approvalThresholdCents: number }> {
  const fdb = financeDb(db);
  const pending = await findEntries(fdb, { status: 'pending' });
  const lineIds = [...new Set(pending.map((e) => e.budgetLineId))];
  const lines = await findLines(fdb, { ids: lineIds });
  const byId = new Map(lines.map((l) => [l.id, l]));
  // Everyone with finance.approve sees all money; partners hold no such permission (see finance-scope.ts).
  if (partnerFilter(actor) !== null) return { items: [], approvalThresholdCents: await findApprovalThreshold(fdb) };
  const [allocations, entries] = await Promise.all([findAllocations(fdb, lineIds), findEntries(fdb, { lineIds })]);
  const nameOf = await activityNamer(db, actor, lines.map((l) => l.activityId));
  const today = isoDay(now);
  const items = pending.map((e) => {
    const line = byId.get(e.budgetLineId);
    return { ...toEntry(e, line, line ? nameOf(line.activityId, line.activityName) : null), lineEffect: line ? approvalEffect(line, allocations, entries, e, today) : null };
  });
  return { items, approvalThresholdCents: await findApprovalThreshold(fdb) };
}

/** Four-eyes: a pending entry is approved or rejected by someone other than who submitted it. */
export async function decide(db: Kysely<Database>, actor: FinanceActor, id: string, decision: { decision: 'approve' | 'reject'; note: string }, now: Date): Promise<DecidedEntry> {
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    await lockEntry(fdb, id);
    const [entry] = await findEntries(fdb, { id });
    if (!entry) throw notFound('Entry', 'finance.entry_not_found');
    if (entry.status !== 'pending') throw conflict('finance.already_decided', `This entry was already ${entry.status}`);
    if (entry.submittedBy === actor.userId) throw new AppError('finance.four_eyes', 403, 'You submitted this entry; someone else must approve or reject it');
    if (decision.decision === 'reject' && decision.note.length === 0) throw invalid('finance.reason_required', 'A rejection needs a reason', [{ path: 'note', message: 'say why' }]);
    const status = decision.decision === 'approve' ? 'approved' : 'rejected';
    if (!(await decideEntry(fdb, id, { status, by: actor.userId, name: actor.displayName, at: now, note: decision.note }))) throw conflict('finance.already_decided', 'This entry was already decided');
    await withAudit(tx, actor, decision.decision === 'approve' ? 'finance.entry.approve' : 'finance.entry.reject', { type: 'finance_entry', id }, {
      kind: entry.kind,
      amountCents: entry.amountCents,
      submittedBy: entry.submittedBy,
      documentRef: entry.documentRef,
      note: decision.note,
    });
    const [updated] = await findEntries(fdb, { id });
    const [line] = await findLines(fdb, { ids: [entry.budgetLineId] });
    if (!updated) throw notFound('Entry');
    const nameOf = await activityNamer(tx, actor, line ? [line.activityId] : []);
    // What the line has left now, for the approver's confirmation.
    const [allocations, entries] = line ? await Promise.all([findAllocations(fdb, [line.id]), findEntries(fdb, { lineIds: [line.id] })]) : [[], []];
    const lineRemainingCents = line ? orNull(() => lineFigures(line, allocations, entries, isoDay(now)).remainingCents) : null;
    return { ...toEntry(updated, line, line ? nameOf(line.activityId, line.activityName) : null), lineRemainingCents };
  });
}
