import type { Kysely, Transaction } from 'kysely';
import { forbidden, hasPermission, invalid, notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { Assessment, InitiativeStatus, StatusChange } from '../contract.js';
import { rubricPasses, rubricTotal } from '../rubric.js';
import { canMove, END_STATES } from '../workflow.js';
import { deciderOf } from './deciders.js';
import { findInitiative, findPendingProposal, insertStatusChange, setAssessment, setStatus, type InitiativeRow } from './initiatives.queries.js';
import { initiativesDb } from './initiatives.tables.js';

/** 422 for a step the workflow does not allow from here, naming both statuses. */
export function notAllowed(from: InitiativeStatus, to: InitiativeStatus | 'toegekend'): Error {
  return invalid('initiatives.transition_not_allowed', `An initiative that is ${from} cannot become ${to}`, [{ path: 'to', message: `not allowed from ${from}` }]);
}

export async function lockInitiative(tx: Transaction<Database>, id: string): Promise<InitiativeRow> {
  const row = await findInitiative(initiativesDb(tx), id, { lock: true });
  if (!row) throw notFound('Initiative', 'initiatives.not_found');
  return row;
}

/**
 * One step of the workflow other than assessing and granting: ontvankelijk or niet ontvankelijk after
 * submission, afgewezen after assessment, uitgevoerd and verantwoord after a grant. Each with a reason and who
 * decided, audited in the same transaction; anything else is 422 and changes nothing.
 */
export async function changeStatus(db: Kysely<Database>, actor: Actor, id: string, input: StatusChange, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const idb = initiativesDb(tx);
    const row = await lockInitiative(tx, id);
    if (!canMove(row.status, input.to)) throw notAllowed(row.status, input.to);
    // Rejecting while a grant waits for a second person would leave that grant dangling: decide it first.
    if (input.to === 'afgewezen' && (await findPendingProposal(idb, id))) throw invalid('initiatives.grant_pending', 'A grant waits for a second person; decide it first', [{ path: 'to', message: 'a grant waits' }]);
    const permission = input.to === 'afgewezen' ? 'initiatives.grant' : 'initiatives.assess';
    // Rejecting after assessment is the other side of granting: it needs the right to grant as well.
    if (!hasPermission(actor.roles, permission)) throw forbidden('Rejecting an assessed initiative needs the right to grant');
    await setStatus(idb, id, input.to, END_STATES.includes(input.to) ? now : null);
    await insertStatusChange(idb, { initiativeId: id, from: row.status, to: input.to, reason: input.reason, ...deciderOf(actor, permission), at: now });
    await withAudit(tx, actor, 'initiatives.status', { type: 'initiative', id }, { from: row.status, to: input.to, reason: input.reason }, now);
  });
}

/** Scores the rubric and moves ontvankelijk → beoordeeld, with the reason as the assessment's summary. */
export async function assessInitiative(db: Kysely<Database>, actor: Actor, id: string, input: Assessment, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const idb = initiativesDb(tx);
    const row = await lockInitiative(tx, id);
    if (!canMove(row.status, 'beoordeeld')) throw notAllowed(row.status, 'beoordeeld');
    await setAssessment(idb, id, input.rubric, input.reason);
    await insertStatusChange(idb, { initiativeId: id, from: row.status, to: 'beoordeeld', reason: input.reason, ...deciderOf(actor, 'initiatives.assess'), at: now });
    await withAudit(tx, actor, 'initiatives.assess', { type: 'initiative', id }, { rubric: input.rubric, total: rubricTotal(input.rubric), passes: rubricPasses(input.rubric) }, now);
  });
}
