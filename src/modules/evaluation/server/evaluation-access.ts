import type { Kysely } from 'kysely';
import { conflict, forbidden, notFound, type Actor, type Database } from '../../../platform/server/index.js';
import { canActorSeeProgramme } from '../../programmes/index.js';
import type { EvaluationStatus } from '../contract.js';
import { evaluationDb, type EvaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';

/**
 * Who may see and change an evaluation. Reading needs evaluation.read (the route) and sight of the programme
 * (the programmes module's area-scope rule; otherwise 404, as for the programme itself). Changing the
 * evaluation's set-up, conclusions and factors is for its lead; scoring and evidence for its evaluators.
 */

export const evaluationNotFound = () => notFound('Evaluation', 'evaluation.not_found');

/** Inside a transaction pass the transaction: PGlite has one connection, a query beside it would wait forever. */
export async function visibleEvaluation(db: Kysely<Database>, actor: Actor, id: string, forUpdate = false): Promise<q.EvaluationRow> {
  const evaluation = await q.findEvaluation(evaluationDb(db), id, forUpdate);
  if (!evaluation || !(await canActorSeeProgramme(db, actor, evaluation.programme_id))) throw evaluationNotFound();
  return evaluation;
}

export function requireLead(actor: Actor, evaluation: q.EvaluationRow): void {
  if (evaluation.lead_user_id !== actor.userId) throw forbidden('Only the lead evaluator may do this');
}

export async function requireEvaluator(edb: EvaluationDb, actor: Actor, evaluation: q.EvaluationRow): Promise<q.EvaluatorRow> {
  const me = (await q.findEvaluators(edb, evaluation.id)).find((e) => e.user_id === actor.userId);
  if (!me) throw forbidden('Only the evaluators of this evaluation may do this');
  return me;
}

const STATUS_WORDS: Record<EvaluationStatus, string> = { concept: 'a concept', scoring_open: 'open for scoring', scoring_closed: 'closed for scoring', established: 'established' };

/** 409 when the evaluation is not in one of the states the change needs (an established one never changes). */
export function requireStatus(evaluation: q.EvaluationRow, allowed: readonly EvaluationStatus[]): void {
  if (allowed.includes(evaluation.status as EvaluationStatus)) return;
  if (evaluation.status === 'established') throw conflict('evaluation.established', 'The evaluation is established and can no longer change; a correction is a new evaluation');
  throw conflict('evaluation.wrong_status', `The evaluation is ${STATUS_WORDS[evaluation.status as EvaluationStatus]}; this needs it to be ${allowed.map((s) => STATUS_WORDS[s]).join(' or ')}`);
}
