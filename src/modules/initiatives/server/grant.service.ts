import type { Kysely, Transaction } from 'kysely';
import { AppError, conflict, invalid, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { addGrantedInitiativeLine } from '../../finance/index.js';
import { createActivityFromInitiative } from '../../programmes/index.js';
import type { GrantDecision, GrantInput } from '../contract.js';
import { rubricPasses } from '../rubric.js';
import { canMove } from '../workflow.js';
import { deciderOf, euros } from './deciders.js';
import { addGranted, decideProposal, findPendingProposal, insertGrantProposal, insertStatusChange, lockWijkbudget, setGranted, type InitiativeRow, type WijkbudgetRow } from './initiatives.queries.js';
import { cents, initiativesDb } from './initiatives.tables.js';
import { lockInitiative, notAllowed } from './workflow.service.js';
import { toSummary, wijkbudgetFor, yearOf } from './wijkbudget.service.js';

export type GrantOutcome = { outcome: 'granted' | 'waiting_for_second_person' };

/**
 * Grants an assessed initiative from the wijkbudget of its area for this year. The wijkbudget row is locked
 * for the whole transaction, so two grants at once are decided one after the other and the second sees what
 * the first took; the database's CHECK (granted ≤ total) is the last guard. Never more than what is left
 * (422 `initiatives.over_budget` naming what is left). Above the wijkbudget's threshold the grant waits for a
 * second person with initiatives.grant (four eyes, `decideGrant`).
 */
export async function grantInitiative(db: Kysely<Database>, actor: Actor, id: string, input: GrantInput, now: Date): Promise<GrantOutcome> {
  return db.transaction().execute(async (tx) => {
    const idb = initiativesDb(tx);
    const row = await lockInitiative(tx, id);
    if (!canMove(row.status, 'toegekend')) throw notAllowed(row.status, 'toegekend');
    if (!passes(row)) throw invalid('initiatives.rubric_not_passed', 'The assessment does not pass the rubric; an initiative that does not pass is rejected, not granted', [{ path: 'amountCents', message: 'the rubric does not pass' }]);
    if (await findPendingProposal(idb, id)) throw conflict('initiatives.grant_pending', 'A grant of this initiative waits for a second person');
    const budget = await lockedBudgetFor(tx, row, yearOf(now));
    checkRoom(budget, input.amountCents);
    if (input.amountCents > cents(budget.four_eyes_threshold_cents)) {
      const who = deciderOf(actor, 'initiatives.grant');
      const proposalId = await insertGrantProposal(idb, { initiativeId: id, wijkbudgetId: budget.id, amountCents: input.amountCents, reason: input.reason, by: actor.userId, name: who.name, at: now });
      await withAudit(tx, actor, 'initiatives.grant.propose', { type: 'initiative', id }, { proposalId, amountCents: input.amountCents, wijkbudgetId: budget.id, thresholdCents: cents(budget.four_eyes_threshold_cents), reason: input.reason }, now);
      return { outcome: 'waiting_for_second_person' };
    }
    await executeGrant(tx, actor, row, budget, input.amountCents, input.reason, now);
    return { outcome: 'granted' };
  });
}

/** The second person approves or rejects a grant above the threshold; never the one who proposed it (403). */
export async function decideGrant(db: Kysely<Database>, actor: Actor, id: string, input: { decision: GrantDecision['decision']; note: string }, now: Date): Promise<GrantOutcome | { outcome: 'rejected' }> {
  return db.transaction().execute(async (tx) => {
    const idb = initiativesDb(tx);
    const row = await lockInitiative(tx, id);
    const proposal = await findPendingProposal(idb, id);
    if (!proposal) throw conflict('initiatives.no_pending_grant', 'No grant of this initiative waits for a decision');
    if (proposal.proposed_by === actor.userId) throw new AppError('initiatives.four_eyes', 403, 'A second person decides a grant above the threshold, not the one who proposed it');
    const who = deciderOf(actor, 'initiatives.grant');
    if (input.decision === 'reject') {
      if (!input.note) throw invalid('initiatives.reason_required', 'A rejection needs a reason', [{ path: 'note', message: 'required when rejecting' }]);
      await decideProposal(idb, proposal.id, { status: 'rejected', by: actor.userId, name: who.name, note: input.note, at: now });
      await withAudit(tx, actor, 'initiatives.grant.reject', { type: 'initiative', id }, { proposalId: proposal.id, proposer: proposal.proposed_name, note: input.note }, now);
      return { outcome: 'rejected' as const };
    }
    const budget = await lockWijkbudget(idb, proposal.wijkbudget_id);
    if (!budget) throw conflict('initiatives.no_wijkbudget', 'The wijkbudget is gone');
    const amount = cents(proposal.amount_cents);
    checkRoom(budget, amount);
    await decideProposal(idb, proposal.id, { status: 'approved', by: actor.userId, name: who.name, note: input.note, at: now });
    await withAudit(tx, actor, 'initiatives.grant.approve', { type: 'initiative', id }, { proposalId: proposal.id, proposer: proposal.proposed_name, amountCents: amount, note: input.note }, now);
    const reason = input.note ? `${proposal.reason} (Goedgekeurd door een tweede persoon: ${input.note})` : `${proposal.reason} (Goedgekeurd door een tweede persoon.)`;
    await executeGrant(tx, actor, row, budget, amount, reason, now);
    return { outcome: 'granted' as const };
  });
}

function passes(row: InitiativeRow): boolean {
  if (row.score_goal === null || row.score_support === null || row.score_feasibility === null || row.score_value === null) return false;
  return rubricPasses({ goal: row.score_goal, support: row.score_support, feasibility: row.score_feasibility, value: row.score_value });
}

async function lockedBudgetFor(tx: Transaction<Database>, row: InitiativeRow, year: number): Promise<WijkbudgetRow> {
  const idb = initiativesDb(tx);
  const found = await wijkbudgetFor(idb, row, year);
  if (!found) throw invalid('initiatives.no_wijkbudget', `There is no wijkbudget for ${row.area_name} in ${year}`, [{ path: 'amountCents', message: `no wijkbudget for this area in ${year}` }]);
  const locked = await lockWijkbudget(idb, found.id);
  if (!locked) throw invalid('initiatives.no_wijkbudget', 'The wijkbudget is gone', [{ path: 'amountCents', message: 'no wijkbudget' }]);
  return locked;
}

function checkRoom(budget: WijkbudgetRow, amountCents: number): void {
  const left = toSummary(budget).remainingCents;
  if (amountCents > left) {
    throw invalid('initiatives.over_budget', `Only ${euros(left)} of the wijkbudget of ${budget.area_name} ${budget.year} is left`, [{ path: 'amountCents', message: `at most ${euros(left)}` }]);
  }
}

/** The grant itself: activity under the goal, approved budget line on the wijkbudget, the money taken, the step. */
async function executeGrant(tx: Transaction<Database>, actor: Actor, row: InitiativeRow, budget: WijkbudgetRow, amountCents: number, reason: string, now: Date): Promise<void> {
  const idb = initiativesDb(tx);
  const today = calendarDayOf(now);
  const year = budget.year;
  const activityName = `Bewonersinitiatief: ${row.title}`;
  const activityId = await createActivityFromInitiative(
    tx,
    actor,
    {
      programmeId: row.programme_id,
      name: activityName,
      description: `Ontstaan uit een bewonersinitiatief, toegekend uit het wijkbudget ${budget.area_name} ${year}. ${row.description}`.slice(0, 8000),
      ownerOrganisationId: actor.organisationId,
      start: today < `${year}-01-01` ? `${year}-01-01` : today,
      end: `${year}-12-31` < today ? today : `${year}-12-31`,
      areas: [row.area_code],
      strategicGoalId: row.goal_id,
    },
    row.id,
    now,
  );
  const budgetLineId = await addGrantedInitiativeLine(tx, actor, { programmeId: row.programme_id, activityId, activityName, year, description: `Wijkbudget: ${row.title}`.slice(0, 300), amountCents, fundingSourceId: budget.funding_source_id }, row.id, now);
  await addGranted(idb, budget.id, amountCents);
  await setGranted(idb, row.id, { amountCents, wijkbudgetId: budget.id, activityId, budgetLineId });
  await insertStatusChange(idb, { initiativeId: row.id, from: row.status, to: 'toegekend', reason, ...deciderOf(actor, 'initiatives.grant'), at: now });
  await withAudit(tx, actor, 'initiatives.granted', { type: 'initiative', id: row.id }, { amountCents, wijkbudgetId: budget.id, activityId, budgetLineId, reason }, now);
}
