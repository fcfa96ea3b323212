import type { Kysely } from 'kysely';
import { conflict, invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { canActorSeeProgramme, findProgrammeSummary } from '../../programmes/index.js';
import type { AddFactor, AdoptFactor, EvaluationDetail, FactorKind, LibraryFactor } from '../contract.js';
import { evaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';
import { requireLead, requireStatus, visibleEvaluation } from './evaluation-access.js';
import { readEvaluationDetail } from './evaluation-view.js';

/**
 * Success and failure factors. The lead records them as the last step (scoring closed); they enter the shared
 * library when the evaluation is established. The library also holds factors from documents (seeded by the
 * migration, with their source). A library factor can be taken into a new evaluation as a lesson to check.
 */

/** The library as the caller may see it: a factor of an evaluation only when they may see its programme. */
export async function listLibrary(db: Kysely<Database>, actor: Actor, filter: { q?: string; kind?: FactorKind }): Promise<LibraryFactor[]> {
  const rows = await q.findLibraryFactors(evaluationDb(db), filter);
  const programmes = new Map<string, string | null>();
  const out: LibraryFactor[] = [];
  for (const row of rows) {
    if (row.evaluation_id && row.programme_id) {
      if (!programmes.has(row.programme_id)) {
        programmes.set(row.programme_id, (await canActorSeeProgramme(db, actor, row.programme_id)) ? ((await findProgrammeSummary(db, row.programme_id))?.name ?? '') : null);
      }
      const programmeName = programmes.get(row.programme_id);
      if (programmeName === null || programmeName === undefined) continue;
      const date = row.established_at ? calendarDayOf(new Date(row.established_at)) : '';
      out.push({ ...base(row), origin: { type: 'evaluation', evaluationId: row.evaluation_id, evaluationTitle: row.evaluation_title ?? '', programmeName, date, isDemo: Boolean(row.is_demo) } });
    } else {
      out.push({ ...base(row), origin: { type: 'document', source: row.source ?? '', date: row.source_date } });
    }
  }
  return out;
}

function base(row: q.FactorRow) {
  return { id: row.id, kind: row.kind as FactorKind, title: row.title, explanation: row.explanation, criterionTitle: row.criterion_title };
}

/** A factor the caller may take from the library; 422 at `path` otherwise. */
export async function libraryFactorOrRefuse(db: Kysely<Database>, actor: Actor, factorId: string, path: string): Promise<q.FactorRow> {
  const row = await q.findFactor(evaluationDb(db), factorId);
  const inLibrary = row && (!row.evaluation_id || (row.evaluation_status === 'established' && row.programme_id && (await canActorSeeProgramme(db, actor, row.programme_id))));
  if (!row || !inLibrary) throw invalid('evaluation.unknown_factor', 'Not a factor of the library', [{ path, message: 'not a factor of the library' }]);
  return row;
}

export async function addFactor(db: Kysely<Database>, actor: Actor, evaluationId: string, body: AddFactor, auditActor?: AuditActor): Promise<EvaluationDetail> {
  await db.transaction().execute(async (tx) => {
    const t = evaluationDb(tx);
    const evaluation = await visibleEvaluation(tx, actor, evaluationId, true);
    requireLead(actor, evaluation);
    requireStatus(evaluation, ['scoring_closed']);
    let criterionTitle: string | null = null;
    if (body.criterionId) {
      const criterion = await q.findCriterion(t, body.criterionId);
      if (!criterion || criterion.evaluation_id !== evaluationId) throw invalid('evaluation.unknown_criterion', 'Not a criterion of this evaluation', [{ path: 'body.criterionId', message: 'not a criterion of this evaluation' }]);
      criterionTitle = criterion.title;
    }
    const { id } = await t
      .insertInto('evaluation_factors')
      .values({ kind: body.kind, title: body.title, explanation: body.explanation, evaluation_id: evaluationId, criterion_id: body.criterionId ?? null, criterion_title: criterionTitle, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await q.touchEvaluation(t, evaluationId);
    await withAudit(tx, auditActor ?? actor, 'evaluation.factor.create', { type: 'evaluation_factor', id }, { evaluation: evaluationId, kind: body.kind, title: body.title, criterion: body.criterionId ?? null });
  });
  return readEvaluationDetail(db, actor, evaluationId);
}

export async function removeFactor(db: Kysely<Database>, actor: Actor, factorId: string): Promise<EvaluationDetail> {
  const factor = await q.findFactor(evaluationDb(db), factorId);
  if (!factor?.evaluation_id) throw notFound('Factor', 'evaluation.factor_not_found');
  const evaluationId = factor.evaluation_id;
  await db.transaction().execute(async (tx) => {
    const evaluation = await visibleEvaluation(tx, actor, evaluationId, true);
    requireLead(actor, evaluation);
    requireStatus(evaluation, ['scoring_closed']);
    await evaluationDb(tx).deleteFrom('evaluation_factors').where('id', '=', factorId).execute();
    await withAudit(tx, actor, 'evaluation.factor.delete', { type: 'evaluation_factor', id: factorId }, { evaluation: evaluationId, kind: factor.kind, title: factor.title });
  });
  return readEvaluationDetail(db, actor, evaluationId);
}

export async function adoptFactor(db: Kysely<Database>, actor: Actor, evaluationId: string, body: AdoptFactor): Promise<EvaluationDetail> {
  const factor = await libraryFactorOrRefuse(db, actor, body.factorId, 'body.factorId');
  await db.transaction().execute(async (tx) => {
    const t = evaluationDb(tx);
    const evaluation = await visibleEvaluation(tx, actor, evaluationId, true);
    requireLead(actor, evaluation);
    requireStatus(evaluation, ['concept', 'scoring_open', 'scoring_closed']);
    if (factor.evaluation_id === evaluationId) throw conflict('evaluation.own_factor', 'This factor comes from this evaluation');
    const taken = await t.selectFrom('evaluation_adopted_factors').select('factor_id').where('evaluation_id', '=', evaluationId).where('factor_id', '=', factor.id).executeTakeFirst();
    if (taken) throw conflict('evaluation.factor_adopted', 'This factor is taken into the evaluation already');
    await t.insertInto('evaluation_adopted_factors').values({ evaluation_id: evaluationId, factor_id: factor.id, note: body.note ?? '', adopted_by: actor.userId }).execute();
    await q.touchEvaluation(t, evaluationId);
    await withAudit(tx, actor, 'evaluation.factor.adopt', { type: 'evaluation_factor', id: factor.id }, { evaluation: evaluationId, title: factor.title });
  });
  return readEvaluationDetail(db, actor, evaluationId);
}
