import type { Kysely } from 'kysely';
import { AppError, type Actor, type Database } from '../../../platform/server/index.js';
import { getAreaSeries, listIndicators } from '../../indicators/index.js';
import { visibleMeetingIds } from '../../meetings/index.js';
import { findProgrammeSummary, listGoalsWithStatus, visibleActivityIds, type OperationalGoal } from '../../programmes/index.js';
import type { CriterionView, EvaluationDetail, EvaluationKind, EvaluationStatus, EvidenceItem, FrameworkCode, GoalFigures } from '../contract.js';
import { summariseScores } from '../scoring.js';
import { evaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';
import { visibleEvaluation } from './evaluation-access.js';

/**
 * One evaluation as the caller may see it. Scores are the heart of the rule: an evaluator sees only their own
 * until they have submitted (then the others' without names), everyone sees every score with its evaluator
 * once the lead has closed scoring. Evidence that points at something the caller may not see keeps its place
 * but not its label.
 */

export function goalFigures(goal: OperationalGoal): GoalFigures {
  return {
    status: goal.status,
    indicatorName: goal.indicatorName,
    unit: goal.unit,
    decimals: goal.decimals,
    areaName: goal.areaName,
    baseline: goal.baseline,
    target: goal.target,
    targetDate: goal.targetDate,
    latestValue: goal.latest?.value ?? null,
    latestPeriod: goal.latest?.period ?? null,
  };
}

/** The latest value of an indicator in an area as the caller may read it; null when there is none (or no access). */
async function liveFigure(db: Kysely<Database>, actor: Actor, areaCode: string, indicator: string): Promise<{ year: number | null; value: number | null }> {
  try {
    const series = await getAreaSeries(db, actor, areaCode, indicator);
    const last = series.items[series.items.length - 1];
    return { year: last?.period ?? null, value: last?.value ?? null };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { year: null, value: null };
    throw error;
  }
}

async function evidenceViews(db: Kysely<Database>, actor: Actor, rows: readonly q.EvidenceRow[]): Promise<Map<string, EvidenceItem[]>> {
  const units = rows.some((r) => r.kind === 'figure') ? new Map((await listIndicators(db)).map((i) => [i.code, i.unit])) : new Map<string, string>();
  const activities = await visibleActivityIds(db, actor, rows.filter((r) => r.kind === 'activity').map((r) => r.target_id ?? ''));
  const meetings = await visibleMeetingIds(db, actor, rows.filter((r) => r.kind === 'decision').map((r) => r.meeting_id ?? ''));
  const out = new Map<string, EvidenceItem[]>();
  for (const row of rows) {
    const visible = row.kind === 'activity' ? activities.has(row.target_id ?? '') : row.kind === 'decision' ? meetings.has(row.meeting_id ?? '') : true;
    let figure: EvidenceItem['figure'] = null;
    if (row.kind === 'figure' && row.area_code && row.indicator_code && row.year !== null) {
      const live = await liveFigure(db, actor, row.area_code, row.indicator_code);
      figure = { areaCode: row.area_code, indicator: row.indicator_code, year: row.year, value: row.value, liveYear: live.year, liveValue: live.value, unit: units.get(row.indicator_code) ?? '' };
    }
    const item: EvidenceItem = { id: row.id, kind: row.kind as EvidenceItem['kind'], label: visible ? row.label : null, note: visible ? row.note : '', url: row.url, addedBy: row.added_by_name, mine: row.added_by === actor.userId, visible, figure };
    out.set(row.criterion_id, [...(out.get(row.criterion_id) ?? []), item]);
  }
  return out;
}

function origin(row: q.FactorRow, programmeName: string | null): string {
  if (row.evaluation_id) return `${row.evaluation_title ?? ''}${programmeName ? ` — ${programmeName}` : ''}`;
  return row.source ?? '';
}

export async function readEvaluationDetail(db: Kysely<Database>, actor: Actor, id: string): Promise<EvaluationDetail> {
  const edb = evaluationDb(db);
  const evaluation = await visibleEvaluation(db, actor, id);
  const [programme, evaluators, criteria, scores, evidence, factors, adopted] = [
    await findProgrammeSummary(db, evaluation.programme_id),
    await q.findEvaluators(edb, id),
    await q.findCriteria(edb, id),
    await q.findScores(edb, id),
    await q.findEvidence(edb, id),
    await q.findFactorsOf(edb, id),
    await q.findAdoptedFactors(edb, id),
  ];
  const goals = criteria.some((c) => c.goal_id) ? new Map((await listGoalsWithStatus(db, actor, evaluation.programme_id)).map((g) => [g.id, g])) : new Map<string, OperationalGoal>();
  const me = evaluators.find((e) => e.user_id === actor.userId);
  const closed = evaluation.status === 'scoring_closed' || evaluation.status === 'established';
  const scoresVisible = closed || Boolean(me?.submitted_at);
  const evidenceByCriterion = await evidenceViews(db, actor, evidence);

  const criterionViews: CriterionView[] = criteria.map((c) => {
    const own = scores.filter((s) => s.criterion_id === c.id);
    const mine = own.find((s) => s.evaluator_id === actor.userId);
    // Before closing, only the scores of evaluators who submitted count: a draft is not yet a score.
    const submittedIds = new Set(evaluators.filter((e) => e.submitted_at).map((e) => e.user_id));
    const counted = closed ? own : own.filter((s) => submittedIds.has(s.evaluator_id));
    const goal = c.goal_id ? goals.get(c.goal_id) : undefined;
    return {
      id: c.id,
      framework: c.framework as FrameworkCode,
      title: c.title,
      explanation: c.explanation,
      conclusion: c.conclusion,
      goal: goal ? goalFigures(goal) : null,
      myScore: mine ? { score: mine.score, motivation: mine.motivation } : null,
      summary: scoresVisible ? summariseScores(counted.map((s) => s.score)) : null,
      scores: scoresVisible ? counted.map((s) => ({ evaluatorName: closed ? s.evaluator_name : null, score: s.score, motivation: s.motivation })) : null,
      evidence: evidenceByCriterion.get(c.id) ?? [],
    };
  });

  const programmeName = programme?.name ?? '';
  const adoptedProgrammes = new Map<string, string | null>();
  for (const row of adopted) {
    if (row.programme_id && !adoptedProgrammes.has(row.programme_id)) adoptedProgrammes.set(row.programme_id, (await findProgrammeSummary(db, row.programme_id))?.name ?? null);
  }
  return {
    id: evaluation.id,
    title: evaluation.title,
    programmeId: evaluation.programme_id,
    programmeName,
    kind: evaluation.kind as EvaluationKind,
    peildatum: evaluation.peildatum,
    status: evaluation.status as EvaluationStatus,
    isDemo: evaluation.is_demo,
    leadName: evaluation.lead_name,
    evaluatorCount: evaluators.length,
    isEvaluator: Boolean(me),
    areaName: evaluation.area_name,
    lead: { id: evaluation.lead_user_id, name: evaluation.lead_name },
    isLead: evaluation.lead_user_id === actor.userId,
    evaluators: evaluators.map((e) => ({ id: e.user_id, name: e.name, submitted: Boolean(e.submitted_at) })),
    submitted: Boolean(me?.submitted_at),
    scoresVisible,
    criteria: criterionViews,
    factors: factors.map((f) => ({ id: f.id, kind: f.kind as 'success' | 'failure', title: f.title, explanation: f.explanation, criterionId: f.criterion_id, criterionTitle: f.criterion_title })),
    adoptedFactors: adopted.map((f) => ({ factorId: f.id, kind: f.kind as 'success' | 'failure', title: f.title, explanation: f.explanation, note: f.note, origin: origin(f, f.programme_id ? (adoptedProgrammes.get(f.programme_id) ?? null) : null) })),
  };
}
