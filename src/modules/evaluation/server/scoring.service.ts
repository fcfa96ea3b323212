import type { Kysely, Transaction } from 'kysely';
import { conflict, invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import type { EvaluationDetail, SaveScore } from '../contract.js';
import { evaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';
import { requireEvaluator, requireLead, requireStatus, visibleEvaluation } from './evaluation-access.js';
import { readEvaluationDetail } from './evaluation-view.js';

/**
 * Scoring: each evaluator scores every criterion on their own (1–5 with a motivation, or "niet te
 * beoordelen"), changes their scores until they submit, and then sees the others' (evaluation-view.ts). The
 * lead writes one conclusion per criterion once scoring is closed.
 */

export const criterionNotFound = () => notFound('Criterion', 'evaluation.criterion_not_found');

/** The criterion and its evaluation, locked, as the caller may see them (404 otherwise). */
export async function lockedCriterion(tx: Transaction<Database>, actor: Actor, criterionId: string): Promise<{ criterion: q.CriterionRow; evaluation: q.EvaluationRow }> {
  const criterion = await q.findCriterion(evaluationDb(tx), criterionId);
  if (!criterion) throw criterionNotFound();
  const evaluation = await visibleEvaluation(tx, actor, criterion.evaluation_id, true);
  return { criterion, evaluation };
}

export async function saveScore(db: Kysely<Database>, actor: Actor, criterionId: string, body: SaveScore, auditActor?: AuditActor): Promise<EvaluationDetail> {
  const motivation = (body.motivation ?? '').trim();
  if (body.score !== null && motivation === '') {
    throw invalid('evaluation.motivation_required', 'A score needs a motivation', [{ path: 'body.motivation', message: 'required with a score' }]);
  }
  const evaluationId = await db.transaction().execute(async (tx) => {
    const { evaluation } = await lockedCriterion(tx, actor, criterionId);
    requireStatus(evaluation, ['scoring_open']);
    const me = await requireEvaluator(evaluationDb(tx), actor, evaluation);
    if (me.submitted_at) throw conflict('evaluation.already_submitted', 'You submitted your scores; they can no longer change');
    await q.upsertScore(evaluationDb(tx), { criterion_id: criterionId, evaluator_id: actor.userId, score: body.score, motivation });
    await withAudit(tx, auditActor ?? actor, 'evaluation.score.save', { type: 'evaluation_criterion', id: criterionId }, { evaluation: evaluation.id, score: body.score });
    return evaluation.id;
  });
  return readEvaluationDetail(db, actor, evaluationId);
}

export async function submitScores(db: Kysely<Database>, actor: Actor, evaluationId: string, auditActor?: AuditActor): Promise<EvaluationDetail> {
  await db.transaction().execute(async (tx) => {
    const t = evaluationDb(tx);
    const evaluation = await visibleEvaluation(tx, actor, evaluationId, true);
    requireStatus(evaluation, ['scoring_open']);
    const me = await requireEvaluator(t, actor, evaluation);
    if (me.submitted_at) throw conflict('evaluation.already_submitted', 'You submitted your scores already');
    const scored = new Set((await q.findScores(t, evaluationId)).filter((s) => s.evaluator_id === actor.userId).map((s) => s.criterion_id));
    const missing = (await q.findCriteria(t, evaluationId)).filter((c) => !scored.has(c.id));
    if (missing.length) throw invalid('evaluation.scores_missing', `${missing.length} criteria have no score yet`, [{ path: 'body', message: `score every criterion first (${missing.length} missing)` }]);
    await t.updateTable('evaluation_evaluators').set({ submitted_at: new Date() }).where('evaluation_id', '=', evaluationId).where('user_id', '=', actor.userId).execute();
    await withAudit(tx, auditActor ?? actor, 'evaluation.submit', { type: 'evaluation', id: evaluationId }, { criteria: scored.size });
  });
  return readEvaluationDetail(db, actor, evaluationId);
}

export async function saveConclusion(db: Kysely<Database>, actor: Actor, criterionId: string, conclusion: string, auditActor?: AuditActor): Promise<EvaluationDetail> {
  const evaluationId = await db.transaction().execute(async (tx) => {
    const { criterion, evaluation } = await lockedCriterion(tx, actor, criterionId);
    requireLead(actor, evaluation);
    requireStatus(evaluation, ['scoring_closed']);
    await evaluationDb(tx).updateTable('evaluation_criteria').set({ conclusion }).where('id', '=', criterionId).execute();
    await q.touchEvaluation(evaluationDb(tx), evaluation.id);
    await withAudit(tx, auditActor ?? actor, 'evaluation.conclusion.save', { type: 'evaluation_criterion', id: criterionId }, { evaluation: evaluation.id, criterion: criterion.title, previous: criterion.conclusion || null });
    return evaluation.id;
  });
  return readEvaluationDetail(db, actor, evaluationId);
}
