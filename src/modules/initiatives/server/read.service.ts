import type { Kysely } from 'kysely';
import { hasPermission, notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { InitiativeDetail, InitiativeStatus, InitiativeSummary, Rubric } from '../contract.js';
import { STATUS_STEPS } from '../contract.js';
import { rubricPasses, rubricTotal } from '../rubric.js';
import { canMove } from '../workflow.js';
import { findContact, findHistory, findInitiative, findInitiatives, findPendingInitiativeIds, findPendingProposal, findWijkbudgetById, type InitiativeRow } from './initiatives.queries.js';
import { cents, initiativesDb } from './initiatives.tables.js';
import { budgetCheckOf, wijkbudgetFor, yearOf } from './wijkbudget.service.js';

function toSummary(row: InitiativeRow, pending: boolean): InitiativeSummary {
  return {
    id: row.id,
    activityId: row.activity_id,
    title: row.title,
    areaCode: row.area_code,
    areaName: row.area_name,
    goalName: row.goal_name,
    costCents: cents(row.cost_cents),
    grantedCents: row.granted_cents === null ? null : cents(row.granted_cents),
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    isExample: row.is_example,
    pendingGrant: pending,
  };
}

export async function listInitiatives(db: Kysely<Database>, filter: { status?: InitiativeStatus | undefined; area?: string | undefined; activity?: string | undefined }): Promise<{ items: InitiativeSummary[] }> {
  const idb = initiativesDb(db);
  const [rows, pending] = await Promise.all([findInitiatives(idb, filter), findPendingInitiativeIds(idb)]);
  return { items: rows.map((r) => toSummary(r, pending.has(r.id))) };
}

function rubricOf(row: InitiativeRow): Rubric | null {
  if (row.score_goal === null || row.score_support === null || row.score_feasibility === null || row.score_value === null) return null;
  return { goal: row.score_goal, support: row.score_support, feasibility: row.score_feasibility, value: row.score_value };
}

/**
 * One initiative for the municipality: the history with the names of who decided, the rubric, the budget check
 * (the wijkbudget it draws on: the one it was granted from, else its area's for this year) and what the caller
 * may do next. Contact details are not in it: they have their own route, audited.
 */
export async function getInitiative(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<InitiativeDetail> {
  const idb = initiativesDb(db);
  const row = await findInitiative(idb, id);
  if (!row) throw notFound('Initiative', 'initiatives.not_found');
  const [history, proposal] = await Promise.all([findHistory(idb, id), findPendingProposal(idb, id)]);
  const budgetRow = row.wijkbudget_id ? await findWijkbudgetById(idb, row.wijkbudget_id) : await wijkbudgetFor(idb, row, yearOf(now));
  const rubric = rubricOf(row);
  const canAssess = hasPermission(actor.roles, 'initiatives.assess');
  const canGrant = hasPermission(actor.roles, 'initiatives.grant');
  const allowedSteps = STATUS_STEPS.filter((to) => canMove(row.status, to) && (to === 'afgewezen' ? canGrant && !proposal : canAssess));
  return {
    ...toSummary(row, Boolean(proposal)),
    description: row.description,
    place: row.place,
    wijkCode: row.wijk_code,
    goalId: row.goal_id,
    programmeId: row.programme_id,
    rubric,
    rubricTotal: rubric ? rubricTotal(rubric) : null,
    rubricPasses: rubric ? rubricPasses(rubric) : null,
    assessmentNote: row.assessment_note,
    history: history.map((h) => ({ status: h.to_status, reason: h.reason, role: h.decided_role, organisation: h.decided_organisation, decidedBy: h.decided_name, at: h.decided_at.toISOString() })),
    budget: budgetRow ? await budgetCheckOf(idb, budgetRow) : null,
    grantProposal: proposal
      ? { id: proposal.id, amountCents: cents(proposal.amount_cents), reason: proposal.reason, proposedBy: proposal.proposed_name, proposedAt: proposal.proposed_at.toISOString(), canDecide: canGrant && proposal.proposed_by !== actor.userId }
      : null,
    contactRemoved: row.contact_removed_at !== null,
    allowedSteps,
    canAssess,
    canGrant,
  };
}

/** The resident's contact details: personal data, so every read is audited (SECURITY.md), even after removal. */
export async function readContact(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<{ contact: { name: string; email: string; phone: string } | null; removedAt: string | null }> {
  return db.transaction().execute(async (tx) => {
    const idb = initiativesDb(tx);
    const row = await findInitiative(idb, id);
    if (!row) throw notFound('Initiative', 'initiatives.not_found');
    const contact = await findContact(idb, id);
    await withAudit(tx, actor, 'initiatives.contact.read', { type: 'initiative', id }, { present: Boolean(contact) }, now);
    return { contact: contact ?? null, removedAt: row.contact_removed_at?.toISOString() ?? null };
  });
}
