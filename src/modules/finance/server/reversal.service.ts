import type { Kysely } from 'kysely';
import { conflict, notFound, withAudit, type Database } from '../../../platform/server/index.js';
import type { Entry } from '../contract.js';
import { isoDay } from '../money/forecast.js';
import { activityNamer } from './activity-directory.js';
import { approvalNeeded } from './approval-rule.js';
import { toEntry } from './budget.service.js';
import type { FinanceActor } from './finance-scope.js';
import { findEntries, findLines, insertEntry, lockEntry, lockLine } from './finance.queries.js';
import { financeDb } from './finance.tables.js';
import { findApprovalThreshold } from './settings.queries.js';

/**
 * Reversing an entry (tegenboeking), as a ledger does: a wrong booking is never deleted or edited; finance
 * books a counter-entry of the opposite amount on the same line, kind and commitment, dated today, with the
 * reason as its description. It waits for a second person when its amount would have (at or above the
 * threshold), so a reversal cannot free budget that four-eyes guarded. Only an approved entry is reversed (a
 * waiting one is rejected instead), once; a counter-entry is not reversed (book anew instead). A commitment
 * with spend against it is reversed after that spend. The caps do not apply: a reversal only takes back.
 */
export async function reverseEntry(db: Kysely<Database>, actor: FinanceActor, id: string, input: { reason: string }, now: Date): Promise<Entry> {
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    await lockEntry(fdb, id);
    const [original] = await findEntries(fdb, { id });
    if (!original) throw notFound('Entry', 'finance.entry_not_found');
    await lockLine(fdb, original.budgetLineId);
    if (original.reversesId !== null) throw conflict('finance.cannot_reverse_reversal', 'A counter-entry is not reversed; book the amount anew instead');
    if (original.status !== 'approved') throw conflict('finance.not_approved', `Only an approved entry is reversed; this one is ${original.status}`);
    if (original.reversedById !== null) throw conflict('finance.already_reversed', 'This entry has been reversed already');
    const lineEntries = await findEntries(fdb, { lineIds: [original.budgetLineId] });
    if (original.kind === 'commitment') {
      const against = lineEntries.filter((e) => e.kind === 'spend' && e.commitmentId === original.id && e.status !== 'rejected');
      const netSpend = against.filter((e) => e.status === 'approved').reduce((sum, e) => sum + BigInt(e.amountCents), 0n);
      if (netSpend !== 0n || against.some((e) => e.status === 'pending' && e.amountCents > 0)) {
        throw conflict('finance.commitment_has_spend', 'Spend is booked against this commitment; reverse that spend first');
      }
    }
    const threshold = await findApprovalThreshold(fdb);
    const amountCents = -original.amountCents;
    // Four-eyes on the size of what is taken back; the split rule is about releasing money, not this.
    const rule = approvalNeeded({ amountCents: original.amountCents, thresholdCents: threshold, ownRecentCents: [] });
    const reversalId = await insertEntry(fdb, {
      budgetLineId: original.budgetLineId,
      kind: original.kind,
      amountCents,
      bookedOn: isoDay(now),
      description: input.reason,
      documentRef: original.documentRef,
      commitmentId: original.commitmentId,
      status: rule.status,
      submittedBy: actor.userId,
      submittedName: actor.displayName,
      approvalReason: rule.reason,
      splitTotalCents: null,
      reversesId: original.id,
      registeredAt: now,
    });
    await withAudit(tx, actor, 'finance.entry.reverse', { type: 'finance_entry', id: reversalId }, {
      reverses: original.id,
      kind: original.kind,
      amountCents,
      reason: input.reason,
      documentRef: original.documentRef,
      originalSubmittedBy: original.submittedBy,
      status: rule.status,
      approvalThresholdCents: threshold,
    });
    const [reversal] = await findEntries(fdb, { id: reversalId });
    const [line] = await findLines(fdb, { ids: [original.budgetLineId] });
    if (!reversal || !line) throw notFound('Entry', 'finance.entry_not_found');
    const nameOf = await activityNamer(tx, actor, [line.activityId]);
    return toEntry(reversal, line, nameOf(line.activityId, line.activityName));
  });
}
