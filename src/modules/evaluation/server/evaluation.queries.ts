import { sql, type Selectable } from 'kysely';
import type { EvaluationDb, EvaluationEvidenceTable } from './evaluation.tables.js';

/** SQL of the evaluation module (parameterised through Kysely). Dates are read as YYYY-MM-DD text. */

export interface EvaluationRow {
  id: string;
  programme_id: string;
  title: string;
  kind: string;
  peildatum: string;
  status: string;
  lead_user_id: string;
  lead_name: string;
  area_name: string;
  is_demo: boolean;
  established_at: Date | null;
}

const evaluationColumns = (db: EvaluationDb) =>
  db
    .selectFrom('evaluations as e')
    .innerJoin('users as u', 'u.id', 'e.lead_user_id')
    .select(['e.id', 'e.programme_id', 'e.title', 'e.kind', sql<string>`e.peildatum::text`.as('peildatum'), 'e.status', 'e.lead_user_id', 'u.display_name as lead_name', 'e.area_name', 'e.is_demo', 'e.established_at']);

export async function findEvaluation(db: EvaluationDb, id: string, forUpdate = false): Promise<EvaluationRow | undefined> {
  let query = evaluationColumns(db).where('e.id', '=', id);
  if (forUpdate) query = query.forUpdate('e');
  return query.executeTakeFirst();
}

export async function findEvaluations(db: EvaluationDb, programmeId?: string): Promise<(EvaluationRow & { evaluator_count: number })[]> {
  let query = evaluationColumns(db).select(sql<number>`(SELECT count(*)::int FROM evaluation_evaluators v WHERE v.evaluation_id = e.id)`.as('evaluator_count'));
  if (programmeId) query = query.where('e.programme_id', '=', programmeId);
  return query.orderBy('e.peildatum', 'desc').orderBy('e.created_at', 'desc').limit(500).execute();
}

export async function touchEvaluation(db: EvaluationDb, id: string, changes: { status?: string; established_at?: Date } = {}): Promise<void> {
  await db.updateTable('evaluations').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function findFrameworkCriteria(db: EvaluationDb, code: string): Promise<{ id: string; title: string; explanation: string; framework_name: string; version: number; source: string; position: number }[]> {
  // The newest version of the framework.
  return db
    .selectFrom('evaluation_framework_criteria as c')
    .innerJoin('evaluation_frameworks as f', 'f.id', 'c.framework_id')
    .select(['c.id', 'c.title', 'c.explanation', 'c.position', 'f.name as framework_name', 'f.version', 'f.source'])
    .where('f.code', '=', code)
    .where('f.version', '=', (eb) => eb.selectFrom('evaluation_frameworks').select((e) => e.fn.max('version').as('v')).where('code', '=', code))
    .orderBy('c.position')
    .execute();
}

export async function findFrameworkCodes(db: EvaluationDb): Promise<string[]> {
  return (await db.selectFrom('evaluation_frameworks').select('code').distinct().orderBy('code').execute()).map((r) => r.code);
}

export interface EvaluatorRow {
  user_id: string;
  name: string;
  submitted_at: Date | null;
}

export async function findEvaluators(db: EvaluationDb, evaluationId: string): Promise<EvaluatorRow[]> {
  return db
    .selectFrom('evaluation_evaluators as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.user_id', 'u.display_name as name', 'v.submitted_at'])
    .where('v.evaluation_id', '=', evaluationId)
    .orderBy('v.created_at')
    .execute();
}

export async function findEvaluationIdsOf(db: EvaluationDb, userId: string): Promise<Set<string>> {
  return new Set((await db.selectFrom('evaluation_evaluators').select('evaluation_id').where('user_id', '=', userId).execute()).map((r) => r.evaluation_id));
}

export interface CriterionRow {
  id: string;
  evaluation_id: string;
  position: number;
  framework: string;
  goal_id: string | null;
  title: string;
  explanation: string;
  conclusion: string;
}

export async function findCriteria(db: EvaluationDb, evaluationId: string): Promise<CriterionRow[]> {
  return db.selectFrom('evaluation_criteria').select(['id', 'evaluation_id', 'position', 'framework', 'goal_id', 'title', 'explanation', 'conclusion']).where('evaluation_id', '=', evaluationId).orderBy('position').execute();
}

export async function findCriterion(db: EvaluationDb, id: string): Promise<CriterionRow | undefined> {
  return db.selectFrom('evaluation_criteria').select(['id', 'evaluation_id', 'position', 'framework', 'goal_id', 'title', 'explanation', 'conclusion']).where('id', '=', id).executeTakeFirst();
}

export interface ScoreRow {
  criterion_id: string;
  evaluator_id: string;
  evaluator_name: string;
  score: number | null;
  motivation: string;
}

export async function findScores(db: EvaluationDb, evaluationId: string): Promise<ScoreRow[]> {
  return db
    .selectFrom('evaluation_scores as s')
    .innerJoin('evaluation_criteria as c', 'c.id', 's.criterion_id')
    .innerJoin('users as u', 'u.id', 's.evaluator_id')
    .select(['s.criterion_id', 's.evaluator_id', 'u.display_name as evaluator_name', 's.score', 's.motivation'])
    .where('c.evaluation_id', '=', evaluationId)
    .orderBy('u.display_name')
    .execute();
}

export async function upsertScore(db: EvaluationDb, row: { criterion_id: string; evaluator_id: string; score: number | null; motivation: string }): Promise<void> {
  await db
    .insertInto('evaluation_scores')
    .values(row)
    .onConflict((oc) => oc.columns(['criterion_id', 'evaluator_id']).doUpdateSet({ score: row.score, motivation: row.motivation, updated_at: new Date() }))
    .execute();
}

/** An evidence row as stored, with the name of who added it. */
export type EvidenceRow = Omit<Selectable<EvaluationEvidenceTable>, 'created_at'> & { added_by_name: string };

export async function findEvidence(db: EvaluationDb, evaluationId: string): Promise<EvidenceRow[]> {
  return db
    .selectFrom('evaluation_evidence as x')
    .innerJoin('evaluation_criteria as c', 'c.id', 'x.criterion_id')
    .innerJoin('users as u', 'u.id', 'x.added_by')
    .select(['x.id', 'x.criterion_id', 'x.added_by', 'u.display_name as added_by_name', 'x.kind', 'x.area_code', 'x.indicator_code', 'x.year', 'x.value', 'x.target_id', 'x.meeting_id', 'x.label', 'x.url', 'x.note'])
    .where('c.evaluation_id', '=', evaluationId)
    .orderBy('x.created_at')
    .execute();
}

export async function findEvidenceItem(db: EvaluationDb, id: string): Promise<{ id: string; criterion_id: string; evaluation_id: string; added_by: string; kind: string; label: string } | undefined> {
  return db
    .selectFrom('evaluation_evidence as x')
    .innerJoin('evaluation_criteria as c', 'c.id', 'x.criterion_id')
    .select(['x.id', 'x.criterion_id', 'c.evaluation_id', 'x.added_by', 'x.kind', 'x.label'])
    .where('x.id', '=', id)
    .executeTakeFirst();
}

export interface FactorRow {
  id: string;
  kind: string;
  title: string;
  explanation: string;
  evaluation_id: string | null;
  criterion_id: string | null;
  criterion_title: string | null;
  source: string | null;
  source_date: string | null;
  evaluation_title: string | null;
  programme_id: string | null;
  evaluation_status: string | null;
  established_at: Date | null;
  is_demo: boolean | null;
}

const factorColumns = (db: EvaluationDb) =>
  db
    .selectFrom('evaluation_factors as f')
    .leftJoin('evaluations as e', 'e.id', 'f.evaluation_id')
    .select([
      'f.id',
      'f.kind',
      'f.title',
      'f.explanation',
      'f.evaluation_id',
      'f.criterion_id',
      'f.criterion_title',
      'f.source',
      sql<string | null>`f.source_date::text`.as('source_date'),
      'e.title as evaluation_title',
      'e.programme_id',
      'e.status as evaluation_status',
      'e.established_at',
      'e.is_demo',
    ]);

export async function findFactorsOf(db: EvaluationDb, evaluationId: string): Promise<FactorRow[]> {
  return factorColumns(db).where('f.evaluation_id', '=', evaluationId).orderBy('f.created_at').execute();
}

export async function findFactor(db: EvaluationDb, id: string): Promise<FactorRow | undefined> {
  return factorColumns(db).where('f.id', '=', id).executeTakeFirst();
}

/** The library: factors from documents and from established evaluations, optionally filtered by words and kind. */
export async function findLibraryFactors(db: EvaluationDb, filter: { q?: string; kind?: string }): Promise<FactorRow[]> {
  let query = factorColumns(db).where((eb) => eb.or([eb('f.evaluation_id', 'is', null), eb('e.status', '=', 'established')]));
  if (filter.kind) query = query.where('f.kind', '=', filter.kind);
  if (filter.q) {
    // Words are matched literally: % and _ in what someone types are not wildcards.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('f.title', 'ilike', pattern), eb('f.explanation', 'ilike', pattern), eb('f.criterion_title', 'ilike', pattern), eb('f.source', 'ilike', pattern)]));
  }
  return query.orderBy('f.kind', 'desc').orderBy('f.created_at', 'desc').limit(500).execute();
}

export async function findAdoptedFactors(db: EvaluationDb, evaluationId: string): Promise<(FactorRow & { note: string })[]> {
  return factorColumns(db)
    .innerJoin('evaluation_adopted_factors as a', 'a.factor_id', 'f.id')
    .select('a.note')
    .where('a.evaluation_id', '=', evaluationId)
    .orderBy('a.created_at')
    .execute();
}

/** The framework versions an evaluation's criteria were copied from (name and source), for its document. */
export async function findFrameworksUsed(db: EvaluationDb, evaluationId: string): Promise<{ code: string; name: string; version: number; source: string }[]> {
  return db
    .selectFrom('evaluation_criteria as c')
    .innerJoin('evaluation_framework_criteria as fc', 'fc.id', 'c.framework_criterion_id')
    .innerJoin('evaluation_frameworks as f', 'f.id', 'fc.framework_id')
    .select(['f.code', 'f.name', 'f.version', 'f.source'])
    .distinct()
    .where('c.evaluation_id', '=', evaluationId)
    .orderBy('f.code')
    .execute();
}
