import type { Kysely } from 'kysely';
import { AppError, conflict, hasPermission, invalid, loadActorUser, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { findUsers } from '../../auth/index.js';
import { canActorSeeProgramme, getProgrammeForReport, listGoalsWithStatus } from '../../programmes/index.js';
import type { Candidate, CreateEvaluation, EvaluationDetail, EvaluationKind, EvaluationStatus, EvaluationSummary, Framework, Transition } from '../contract.js';
import { evaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';
import { requireLead, requireStatus, visibleEvaluation } from './evaluation-access.js';
import { readEvaluationDetail } from './evaluation-view.js';
import { libraryFactorOrRefuse } from './factors.service.js';

/**
 * Evaluations: starting one (its criteria copied from the chosen frameworks), inviting evaluators, and the
 * lead's steps concept → scoring_open → scoring_closed → established. Every change in one transaction with
 * its audit row; an established evaluation refuses every change (409 evaluation.established).
 */

export async function listFrameworks(db: Kysely<Database>): Promise<Framework[]> {
  const edb = evaluationDb(db);
  const out: Framework[] = [];
  for (const code of await q.findFrameworkCodes(edb)) {
    const criteria = await q.findFrameworkCriteria(edb, code);
    const first = criteria[0];
    if (first) out.push({ code, version: first.version, name: first.framework_name, source: first.source, criteria: criteria.map((c) => ({ id: c.id, position: c.position, title: c.title, explanation: c.explanation })) });
  }
  return out;
}

export async function listEvaluations(db: Kysely<Database>, actor: Actor, programmeId: string | undefined): Promise<EvaluationSummary[]> {
  const edb = evaluationDb(db);
  const rows = await q.findEvaluations(edb, programmeId);
  const mine = await q.findEvaluationIdsOf(edb, actor.userId);
  const visible = new Map<string, boolean>();
  const names = new Map<string, string>();
  const out: EvaluationSummary[] = [];
  for (const row of rows) {
    if (!visible.has(row.programme_id)) visible.set(row.programme_id, await canActorSeeProgramme(db, actor, row.programme_id));
    if (!visible.get(row.programme_id)) continue;
    if (!names.has(row.programme_id)) names.set(row.programme_id, (await getProgrammeForReport(db, actor, row.programme_id)).name);
    out.push({
      id: row.id,
      title: row.title,
      programmeId: row.programme_id,
      programmeName: names.get(row.programme_id) ?? '',
      kind: row.kind as EvaluationKind,
      peildatum: row.peildatum,
      status: row.status as EvaluationStatus,
      isDemo: row.is_demo,
      leadName: row.lead_name,
      evaluatorCount: row.evaluator_count,
      isEvaluator: mine.has(row.id),
    });
  }
  return out;
}

async function programmeOrRefuse(db: Kysely<Database>, actor: Actor, programmeId: string) {
  try {
    return await getProgrammeForReport(db, actor, programmeId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw invalid('evaluation.unknown_programme', 'The programme does not exist or is not yours to see', [{ path: 'body.programmeId', message: 'not a programme you may see' }]);
    throw error;
  }
}

export async function createEvaluation(db: Kysely<Database>, actor: Actor, body: CreateEvaluation, options: { isDemo?: boolean; auditActor?: AuditActor } = {}): Promise<EvaluationDetail> {
  const programme = await programmeOrRefuse(db, actor, body.programmeId);
  const edb = evaluationDb(db);
  const criteria: { framework: string; framework_criterion_id: string | null; goal_id: string | null; title: string; explanation: string }[] = [];
  const frameworks = [...new Set(body.frameworks)];
  if (frameworks.includes('platform31')) {
    for (const c of await q.findFrameworkCriteria(edb, 'platform31')) criteria.push({ framework: 'platform31', framework_criterion_id: c.id, goal_id: null, title: c.title, explanation: c.explanation });
  }
  if (frameworks.includes('programme_goals')) {
    for (const goal of await listGoalsWithStatus(db, actor, programme.id)) {
      criteria.push({ framework: 'programme_goals', framework_criterion_id: null, goal_id: goal.id, title: goal.name, explanation: `${goal.indicatorName} in ${goal.areaName}` });
    }
  }
  if (criteria.length === 0) throw invalid('evaluation.no_criteria', 'The chosen frameworks give no criteria (the programme has no operational goals)', [{ path: 'body.frameworks', message: 'no criteria' }]);
  const adopt = [...new Set(body.adoptFactorIds ?? [])];
  for (const factorId of adopt) await libraryFactorOrRefuse(db, actor, factorId, 'body.adoptFactorIds');
  const id = await db.transaction().execute(async (tx) => {
    const t = evaluationDb(tx);
    const { id } = await t
      .insertInto('evaluations')
      .values({ programme_id: programme.id, title: body.title, kind: body.kind, peildatum: body.peildatum, lead_user_id: actor.userId, area_name: programme.areas.map((a) => a.name).join(', '), is_demo: options.isDemo ?? false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.insertInto('evaluation_criteria').values(criteria.map((c, i) => ({ ...c, evaluation_id: id, position: i + 1 }))).execute();
    await t.insertInto('evaluation_evaluators').values({ evaluation_id: id, user_id: actor.userId, invited_by: null }).execute();
    if (adopt.length) await t.insertInto('evaluation_adopted_factors').values(adopt.map((factorId) => ({ evaluation_id: id, factor_id: factorId, adopted_by: actor.userId }))).execute();
    await withAudit(tx, options.auditActor ?? actor, 'evaluation.create', { type: 'evaluation', id }, { programme: programme.id, title: body.title, kind: body.kind, peildatum: body.peildatum, frameworks, criteria: criteria.length, adoptedFactors: adopt, demo: options.isDemo ?? false });
    return id;
  });
  return readEvaluationDetail(db, actor, id);
}

/** Whether a user may be an evaluator of a programme's evaluation: active, evaluation.read, sight of the programme. */
async function eligible(db: Kysely<Database>, user: { roles: readonly string[]; areaScopes: string[] }, programmeId: string): Promise<boolean> {
  return hasPermission(user.roles, 'evaluation.read') && (await canActorSeeProgramme(db, user, programmeId));
}

export async function listCandidates(db: Kysely<Database>, actor: Actor, id: string): Promise<Candidate[]> {
  const edb = evaluationDb(db);
  const evaluation = await visibleEvaluation(db, actor, id);
  requireLead(actor, evaluation);
  const already = new Set((await q.findEvaluators(edb, id)).map((e) => e.user_id));
  const out: Candidate[] = [];
  for (const user of await findUsers(db)) {
    if (user.disabled || already.has(user.id) || !(await eligible(db, user, evaluation.programme_id))) continue;
    if (!(await loadActorUser(db, user.id))) continue; // organisation disabled
    out.push({ id: user.id, name: user.displayName, organisation: user.organisationName });
  }
  return out;
}

export async function inviteEvaluator(db: Kysely<Database>, actor: Actor, id: string, userId: string, auditActor?: AuditActor): Promise<EvaluationDetail> {
  await db.transaction().execute(async (tx) => {
    const t = evaluationDb(tx);
    const evaluation = await visibleEvaluation(tx, actor, id, true);
    requireLead(actor, evaluation);
    requireStatus(evaluation, ['concept', 'scoring_open']);
    const user = await loadActorUser(tx, userId);
    if (!user || !(await eligible(tx, user, evaluation.programme_id))) {
      throw invalid('evaluation.not_eligible', 'That user cannot evaluate this programme (no read access to evaluations or to the programme)', [{ path: 'body.userId', message: 'not someone who may read this programme and its evaluations' }]);
    }
    if ((await q.findEvaluators(t, id)).some((e) => e.user_id === userId)) throw conflict('evaluation.already_evaluator', 'That user is an evaluator already');
    await t.insertInto('evaluation_evaluators').values({ evaluation_id: id, user_id: userId, invited_by: actor.userId }).execute();
    await q.touchEvaluation(t, id);
    await withAudit(tx, auditActor ?? actor, 'evaluation.evaluator.invite', { type: 'evaluation', id }, { user: userId });
  });
  return readEvaluationDetail(db, actor, id);
}

const FROM: Record<Transition['to'], EvaluationStatus> = { scoring_open: 'concept', scoring_closed: 'scoring_open', established: 'scoring_closed' };

export async function changeStatus(db: Kysely<Database>, actor: Actor, id: string, to: Transition['to'], auditActor?: AuditActor): Promise<EvaluationDetail> {
  await db.transaction().execute(async (tx) => {
    const t = evaluationDb(tx);
    const evaluation = await visibleEvaluation(tx, actor, id, true);
    requireLead(actor, evaluation);
    requireStatus(evaluation, [FROM[to]]);
    if (to === 'established') {
      const missing = (await q.findCriteria(t, id)).filter((c) => c.conclusion.trim() === '');
      if (missing.length) throw invalid('evaluation.conclusions_missing', `${missing.length} criteria have no conclusion yet`, [{ path: 'body.to', message: `write a conclusion for every criterion first (${missing.length} missing)` }]);
    }
    await q.touchEvaluation(t, id, { status: to, ...(to === 'established' ? { established_at: new Date() } : {}) });
    const submitted = (await q.findEvaluators(t, id)).filter((e) => e.submitted_at).length;
    await withAudit(tx, auditActor ?? actor, to === 'scoring_open' ? 'evaluation.scoring_open' : to === 'scoring_closed' ? 'evaluation.scoring_close' : 'evaluation.establish', { type: 'evaluation', id }, { from: evaluation.status, to, submittedEvaluators: submitted });
  });
  return readEvaluationDetail(db, actor, id);
}
