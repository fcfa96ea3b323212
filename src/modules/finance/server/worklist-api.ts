import type { Kysely } from 'kysely';
import { hasPermission, type Database } from '../../../platform/server/index.js';
import type { MoneySlip } from '../contract.js';
import { listMoneySlipsWithOwners } from './direction-api.js';
import { listPendingEntries } from './entries.service.js';
import { listLineProposalsToDecide } from './line-proposals.service.js';
import type { FinanceActor } from './finance-scope.js';
import { getFinanceSettings } from './settings.service.js';

/**
 * For the personal worklist (worklist module): what waits for this person's approval, and the money signals
 * that concern what they own. Same rules and visibility as the approvals page and the Regie dashboard.
 */

export interface ApprovalWaiting {
  kind: 'finance_entry' | 'threshold_change' | 'line_proposal';
  id: string;
  /** The booking's or proposed line's description, or empty for a threshold change. */
  title: string;
  /** The activity (null when the caller may not see it) or the budget line's description. */
  context: string | null;
  amountCents: number;
  entryKind: 'commitment' | 'spend' | null;
  submittedBy: string;
  submittedOn: string;
}

/**
 * Four-eyes: what waits for a second person and that this caller may decide — never what they submitted or
 * proposed themselves: bookings and a threshold change (finance.approve), budget lines proposed from an
 * activity (finance.manage). Empty without finance.approve (partners never approve).
 */
export async function listApprovalsWaitingFor(db: Kysely<Database>, actor: FinanceActor, now: Date): Promise<ApprovalWaiting[]> {
  if (!hasPermission(actor.roles, 'finance.approve') || actor.userId === null) return [];
  const [{ items }, settings, proposals] = await Promise.all([listPendingEntries(db, actor, now), getFinanceSettings(db), listLineProposalsToDecide(db, actor)]);
  const entries: ApprovalWaiting[] = items
    .filter((e) => e.submittedById !== actor.userId)
    .map((e) => ({ kind: 'finance_entry', id: e.id, title: e.description, context: e.activityName ?? e.lineDescription, amountCents: e.amountCents, entryKind: e.kind, submittedBy: e.submittedBy, submittedOn: e.bookedOn }));
  const change = settings.pendingChange;
  if (change && change.proposedById !== actor.userId) {
    entries.push({ kind: 'threshold_change', id: change.id, title: '', context: null, amountCents: change.toCents, entryKind: null, submittedBy: change.proposedBy, submittedOn: change.proposedAt.slice(0, 10) });
  }
  for (const p of proposals) {
    entries.push({ kind: 'line_proposal', id: p.id, title: p.description, context: p.activityName, amountCents: p.amountCents, entryKind: null, submittedBy: p.proposedBy, submittedOn: p.proposedAt.slice(0, 10) });
  }
  return entries;
}

export interface OwnedMoneySignal {
  slip: MoneySlip;
  /** The activity of a budget line's signal; null for a funding source's. */
  activityId: string | null;
}

/**
 * The Regie dashboard's money signals (listMoneySlips) that concern this person: a budget line's overrun
 * when its activity is one of `ownedActivityIds`; a funding source's signals (late tranches, repayment,
 * accountability) for whoever manages money (finance.manage). Empty without finance.read.
 */
export async function listMoneySignalsFor(db: Kysely<Database>, actor: FinanceActor, today: string, ownedActivityIds: ReadonlySet<string>): Promise<OwnedMoneySignal[]> {
  const slips = await listMoneySlipsWithOwners(db, actor, today);
  if (slips === null) return [];
  const managesMoney = hasPermission(actor.roles, 'finance.manage');
  return slips.filter((s) => (s.activityId !== null ? ownedActivityIds.has(s.activityId) : managesMoney));
}
