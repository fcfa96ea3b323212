import type { Kysely } from 'kysely';
import { AppError, forbidden, invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { findAreaNames } from '../../areas/index.js';
import { getAreaProfile, getAreaSeries, listIndicators } from '../../indicators/index.js';
import { listProgrammeMeetingsForReport } from '../../meetings/index.js';
import { canActorSeeActivity, findActivityRef, getProgrammeForReport, listActivitiesOfProgramme, listGoalsWithStatus, visibleActivityIds } from '../../programmes/index.js';
import type { AddEvidence, EvaluationDetail, EvidenceOptions } from '../contract.js';
import { evaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';
import { requireEvaluator, requireLead, requireStatus, visibleEvaluation } from './evaluation-access.js';
import { readEvaluationDetail } from './evaluation-view.js';
import { lockedCriterion } from './scoring.service.js';

/**
 * Evidence with a criterion: a figure of an area (its value and year kept as seen when linked), an activity
 * or goal of the programme, a decision of a meeting about the programme, or a document. Every target is
 * checked for the caller through the module that owns it; case meetings are never offered or accepted.
 */

type Meeting = Awaited<ReturnType<typeof listProgrammeMeetingsForReport>>[number];

/** Decisions of the programme's meetings the caller may see, never of a case meeting (casusoverleg). */
async function visibleDecisions(db: Kysely<Database>, actor: Actor, programmeId: string): Promise<{ id: string; text: string; meeting: Meeting }[]> {
  const programme = await getProgrammeForReport(db, actor, programmeId);
  const activities = await listActivitiesOfProgramme(db, programmeId);
  const meetings = await listProgrammeMeetingsForReport(
    db,
    actor,
    { municipalityCode: programme.municipalityCode, areaCodes: programme.areas.map((a) => a.code), programmeId, goalIds: [...programme.strategicGoals.map((g) => g.id), ...programme.operationalGoals.map((g) => g.id)], activityIds: activities.map((a) => a.id) },
    new Date(),
  );
  return meetings.filter((m) => m.kind !== 'casusoverleg').flatMap((meeting) => meeting.agendaItems.flatMap((item) => item.decisions.map((d) => ({ id: d.id, text: d.text, meeting }))));
}

export async function evidenceOptions(db: Kysely<Database>, actor: Actor, evaluationId: string): Promise<EvidenceOptions> {
  const evaluation = await visibleEvaluation(db, actor, evaluationId);
  const programme = await getProgrammeForReport(db, actor, evaluation.programme_id);
  const catalogue = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const figures: EvidenceOptions['figures'] = [];
  for (const area of programme.areas) {
    const { profile } = await getAreaProfile(db, actor, area.code, undefined);
    if (profile.period === null) continue;
    for (const item of profile.items) {
      const indicator = catalogue.get(item.indicator);
      if (item.value === null || item.suppressed || !indicator) continue;
      figures.push({ areaCode: area.code, areaName: area.name, indicator: item.indicator, indicatorName: indicator.name, unit: indicator.unit, year: profile.period, value: item.value, survey: item.indicator.startsWith('enq_') });
    }
  }
  const activities = await listActivitiesOfProgramme(db, evaluation.programme_id);
  const visible = await visibleActivityIds(db, actor, activities.map((a) => a.id));
  const goals = await listGoalsWithStatus(db, actor, evaluation.programme_id);
  const decisions = await visibleDecisions(db, actor, evaluation.programme_id);
  return {
    figures,
    activities: activities.filter((a) => visible.has(a.id)).map((a) => ({ id: a.id, name: a.name })),
    goals: goals.map((g) => ({ id: g.id, name: g.name })),
    decisions: decisions.map((d) => ({ id: d.id, text: d.text, meetingTitle: d.meeting.title, heldOn: d.meeting.heldOn })),
  };
}

const refuse = (code: string, path: string, message: string) => invalid(code, message, [{ path, message }]);

interface Target {
  label: string;
  area_code?: string;
  indicator_code?: string;
  year?: number;
  value?: number | null;
  target_id?: string;
  meeting_id?: string;
  url?: string | null;
}

/** What the evidence points at, checked for the caller; 422 when it does not exist or is not theirs to see. */
async function resolveTarget(db: Kysely<Database>, actor: Actor, programmeId: string, body: AddEvidence): Promise<Target> {
  switch (body.kind) {
    case 'figure': {
      let value: number | null | undefined;
      try {
        value = (await getAreaSeries(db, actor, body.areaCode, body.indicator)).items.find((p) => p.period === body.year)?.value;
      } catch (error) {
        if (!(error instanceof AppError && error.status < 500)) throw error;
      }
      if (value === undefined || value === null) throw refuse('evaluation.unknown_figure', 'body.indicator', 'no figure of this indicator in this area and year that you may see');
      const indicator = (await listIndicators(db)).find((i) => i.code === body.indicator);
      const areaName = (await findAreaNames(db, [body.areaCode])).get(body.areaCode) ?? body.areaCode;
      return { label: `${indicator?.name ?? body.indicator} — ${areaName} (${body.year})`, area_code: body.areaCode, indicator_code: body.indicator, year: body.year, value };
    }
    case 'activity': {
      const activity = await findActivityRef(db, body.activityId);
      if (!activity || activity.programmeId !== programmeId || !(await canActorSeeActivity(db, actor, activity.id))) throw refuse('evaluation.unknown_activity', 'body.activityId', 'not an activity of this programme that you may see');
      return { label: activity.name, target_id: activity.id };
    }
    case 'goal': {
      const goal = (await listGoalsWithStatus(db, actor, programmeId)).find((g) => g.id === body.goalId);
      if (!goal) throw refuse('evaluation.unknown_goal', 'body.goalId', 'not a goal of this programme');
      return { label: goal.name, target_id: goal.id };
    }
    case 'decision': {
      const decision = (await visibleDecisions(db, actor, programmeId)).find((d) => d.id === body.decisionId);
      if (!decision) throw refuse('evaluation.unknown_decision', 'body.decisionId', 'not a decision about this programme that you may see');
      return { label: `${decision.text} (${decision.meeting.title}, ${decision.meeting.heldOn})`, target_id: decision.id, meeting_id: decision.meeting.id };
    }
    case 'document':
      return { label: body.title, url: body.url ?? null };
  }
}

export async function addEvidence(db: Kysely<Database>, actor: Actor, criterionId: string, body: AddEvidence, auditActor?: AuditActor): Promise<EvaluationDetail> {
  const criterion = await q.findCriterion(evaluationDb(db), criterionId);
  if (!criterion) throw notFound('Criterion', 'evaluation.criterion_not_found');
  const before = await visibleEvaluation(db, actor, criterion.evaluation_id);
  // Resolved before the transaction: the owning modules read on their own connection (one on PGlite).
  const target = await resolveTarget(db, actor, before.programme_id, body);
  await db.transaction().execute(async (tx) => {
    const { evaluation } = await lockedCriterion(tx, actor, criterionId);
    requireStatus(evaluation, ['concept', 'scoring_open', 'scoring_closed']);
    await requireEvaluator(evaluationDb(tx), actor, evaluation);
    const { id } = await evaluationDb(tx)
      .insertInto('evaluation_evidence')
      .values({ criterion_id: criterionId, added_by: actor.userId, kind: body.kind, note: body.note ?? '', ...target })
      .returning('id')
      .executeTakeFirstOrThrow();
    await withAudit(tx, auditActor ?? actor, 'evaluation.evidence.create', { type: 'evaluation_evidence', id }, { evaluation: evaluation.id, criterion: criterionId, kind: body.kind, target: target.target_id ?? null, figure: target.indicator_code ? { area: target.area_code, indicator: target.indicator_code, year: target.year, value: target.value } : null });
  });
  return readEvaluationDetail(db, actor, criterion.evaluation_id);
}

export async function removeEvidence(db: Kysely<Database>, actor: Actor, evidenceId: string): Promise<EvaluationDetail> {
  const item = await q.findEvidenceItem(evaluationDb(db), evidenceId);
  if (!item) throw notFound('Evidence', 'evaluation.evidence_not_found');
  await db.transaction().execute(async (tx) => {
    const evaluation = await visibleEvaluation(tx, actor, item.evaluation_id, true);
    requireStatus(evaluation, ['concept', 'scoring_open', 'scoring_closed']);
    if (item.added_by !== actor.userId) {
      try {
        requireLead(actor, evaluation);
      } catch {
        throw forbidden('Only who linked it, or the lead, may remove evidence');
      }
    }
    await evaluationDb(tx).deleteFrom('evaluation_evidence').where('id', '=', evidenceId).execute();
    await withAudit(tx, actor, 'evaluation.evidence.delete', { type: 'evaluation_evidence', id: evidenceId }, { evaluation: evaluation.id, kind: item.kind, label: item.label });
  });
  return readEvaluationDetail(db, actor, item.evaluation_id);
}
