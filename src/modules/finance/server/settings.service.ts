import type { Kysely } from 'kysely';
import { AppError, conflict, invalid, notFound, withAudit, type Database } from '../../../platform/server/index.js';
import type { FinanceSettingsView, SettingChange } from '../contract.js';
import type { FinanceActor } from './finance-scope.js';
import { financeDb, type FinanceDb } from './finance.tables.js';
import { closeSettingChange, findApprovalThreshold, findSettingChanges, insertSettingChange, lockApprovalThreshold, saveApprovalThreshold, type SettingChangeRow } from './settings.queries.js';

/**
 * The approval threshold is itself a control: whoever could change it alone could raise it, book, and lower
 * it again. So a change is a proposal (finance.manage) that takes effect only when another person with
 * finance.approve approves it; the proposer cannot. One proposal waits at a time: a newer one supersedes it.
 * Every step is audited; nothing is deleted.
 */

function toSettingChange(row: SettingChangeRow): SettingChange {
  return {
    id: row.id,
    key: row.key,
    fromCents: row.fromCents,
    toCents: row.toCents,
    reason: row.reason,
    status: row.status,
    proposedBy: row.proposedName,
    proposedById: row.proposedBy,
    proposedAt: new Date(row.proposedAt).toISOString(),
    decidedBy: row.decidedName,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    decisionNote: row.decisionNote,
  };
}

async function view(fdb: FinanceDb): Promise<FinanceSettingsView> {
  const [pending] = await findSettingChanges(fdb, { status: 'pending' });
  return { approvalThresholdCents: await findApprovalThreshold(fdb), pendingChange: pending ? toSettingChange(pending) : null };
}

export async function getFinanceSettings(db: Kysely<Database>): Promise<FinanceSettingsView> {
  return view(financeDb(db));
}

export async function proposeThreshold(db: Kysely<Database>, actor: FinanceActor, input: { approvalThresholdCents: number; reason: string }, now: Date): Promise<FinanceSettingsView> {
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    const current = await lockApprovalThreshold(fdb);
    if (input.approvalThresholdCents === current) throw invalid('finance.no_change', 'The threshold is this amount already', [{ path: 'approvalThresholdCents', message: 'equals the current threshold' }]);
    for (const waiting of await findSettingChanges(fdb, { status: 'pending' })) {
      await closeSettingChange(fdb, waiting.id, { status: 'superseded', by: actor.userId, name: actor.displayName, at: now, note: '' });
      await withAudit(tx, actor, 'finance.settings.supersede', { type: 'finance_setting_change', id: waiting.id }, { from: waiting.fromCents, to: waiting.toCents });
    }
    const id = await insertSettingChange(fdb, { fromCents: current, toCents: input.approvalThresholdCents, reason: input.reason, proposedBy: actor.userId, proposedName: actor.displayName, proposedAt: now });
    await withAudit(tx, actor, 'finance.settings.propose', { type: 'finance_setting_change', id }, { key: 'approval_threshold_cents', from: current, to: input.approvalThresholdCents, reason: input.reason });
    return view(fdb);
  });
}

export async function decideThresholdChange(
  db: Kysely<Database>,
  actor: FinanceActor,
  id: string,
  decision: { decision: 'approve' | 'reject'; note: string },
  now: Date,
): Promise<{ approvalThresholdCents: number; change: SettingChange }> {
  return db.transaction().execute(async (tx) => {
    const fdb = financeDb(tx);
    // Holding the settings row serialises proposals and decisions, so a change is decided against the value it was proposed for.
    const current = await lockApprovalThreshold(fdb);
    const [change] = await findSettingChanges(fdb, { id });
    if (!change) throw notFound('Setting change', 'finance.setting_change_not_found');
    if (change.status !== 'pending') throw conflict('finance.already_decided', `This change was already ${change.status}`);
    if (change.proposedBy === actor.userId) throw new AppError('finance.four_eyes', 403, 'You proposed this change; someone else must approve or reject it');
    if (decision.decision === 'reject' && decision.note.length === 0) throw invalid('finance.reason_required', 'A rejection needs a reason', [{ path: 'note', message: 'say why' }]);
    const approve = decision.decision === 'approve';
    if (approve && change.fromCents !== current) throw conflict('finance.setting_changed', 'The threshold changed since this was proposed; propose again');
    if (!(await closeSettingChange(fdb, id, { status: approve ? 'approved' : 'rejected', by: actor.userId, name: actor.displayName, at: now, note: decision.note }))) {
      throw conflict('finance.already_decided', 'This change was already decided');
    }
    if (approve) await saveApprovalThreshold(fdb, change.toCents);
    await withAudit(tx, actor, approve ? 'finance.settings.approve' : 'finance.settings.reject', { type: 'finance_setting_change', id }, {
      key: change.key,
      from: change.fromCents,
      to: change.toCents,
      proposedBy: change.proposedBy,
      note: decision.note,
    });
    const [decided] = await findSettingChanges(fdb, { id });
    if (!decided) throw notFound('Setting change', 'finance.setting_change_not_found');
    return { approvalThresholdCents: approve ? change.toCents : current, change: toSettingChange(decided) };
  });
}
