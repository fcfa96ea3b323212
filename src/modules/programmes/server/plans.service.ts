import type { Kysely } from 'kysely';
import { AppError, invalid, notFound, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import type { AnalysisItem, PlanDetail } from '../contract.js';
import { withinAreaScope } from './activity-access.js';
import { loadVisibleActivities, presentActivities, dutchToday } from './activities.service.js';
import { findActivityRows } from './activities.queries.js';
import { GoalFigures } from './goal-figures.js';
import {
  activeThemeTaken,
  countActivePriorities,
  deleteAnalysisItem,
  endPriorityRow,
  findAgendaActivityIds,
  findAnalysisItems,
  findEvidence,
  findPlanRows,
  findPriorities,
  findPriority,
  insertAnalysisItem,
  insertPlan,
  insertPriority,
  lockPlan,
  replaceAgenda,
  updatePlanRow,
  type PlanRow,
} from './plans.queries.js';
import { findVisibleProgramme } from './programmes.service.js';
import { programmesDb } from './programmes.tables.js';

/**
 * Neighbourhood development plans (wijkontwikkelingsplan). The focus limit keeps an area to at most N active
 * priorities (default 3): the evaluations advise starting with one or two themes and widening from there.
 */

type PlanSummary = Omit<PlanDetail, 'summary' | 'analysis' | 'priorities' | 'agenda'>;

async function visiblePlans(db: Kysely<Database>, actor: Actor, rows: readonly PlanRow[]): Promise<{ row: PlanRow; areaName: string }[]> {
  const figures = new GoalFigures(db, actor);
  const out = [];
  for (const row of rows) {
    const area = await figures.area(row.area_code);
    if (area && withinAreaScope(actor, area.municipalityCode, [row.area_code])) out.push({ row, areaName: area.name });
  }
  return out;
}

function toSummary(row: PlanRow, areaName: string, active: number): PlanSummary {
  return { id: row.id, programmeId: row.programme_id, area: { code: row.area_code, name: areaName }, title: row.title, focusLimit: row.focus_limit, activePriorities: active, isDemo: row.is_demo };
}

export async function listPlans(db: Kysely<Database>, actor: Actor, filter: { area?: string | undefined } = {}): Promise<PlanSummary[]> {
  const pdb = programmesDb(db);
  const plans = await visiblePlans(db, actor, await findPlanRows(pdb, filter.area ? { areaCodes: [filter.area] } : {}));
  const active = await countActivePriorities(pdb, plans.map((p) => p.row.id));
  return plans.map((p) => toSummary(p.row, p.areaName, active.get(p.row.id) ?? 0));
}

async function findVisiblePlan(db: Kysely<Database>, actor: Actor, id: string): Promise<{ row: PlanRow; areaName: string }> {
  const [row] = await findPlanRows(programmesDb(db), { id });
  const [plan] = row ? await visiblePlans(db, actor, [row]) : [];
  if (!plan) throw notFound('Plan', 'plan.not_found');
  return plan;
}

export async function getPlan(db: Kysely<Database>, actor: Actor, id: string, now = new Date()): Promise<PlanDetail> {
  const { row, areaName } = await findVisiblePlan(db, actor, id);
  const pdb = programmesDb(db);
  const [items, priorities, agendaIds] = await Promise.all([findAnalysisItems(pdb, id), findPriorities(pdb, id), findAgendaActivityIds(pdb, id)]);
  const evidence = await findEvidence(pdb, items.map((i) => i.id));
  const figures = new GoalFigures(db, actor);
  const analysis: AnalysisItem[] = [];
  for (const item of items) {
    const own = [];
    for (const e of evidence.filter((x) => x.item_id === item.id)) {
      own.push({ id: e.id, kind: e.kind, reference: e.reference, note: e.note, label: e.kind === 'indicator' ? ((await figures.indicator(e.reference))?.name ?? e.reference) : e.reference });
    }
    analysis.push({ id: item.id, kind: item.kind, theme: item.theme, text: item.text, position: item.position, evidence: own });
  }
  // The agenda shows what the reader may see: a partner sees only the activities of their organisation.
  const { rows, links } = await loadVisibleActivities(db, actor, { ids: agendaIds });
  const order = new Map(agendaIds.map((a, i) => [a, i]));
  const agenda = await presentActivities(db, actor, [...rows].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)), links, dutchToday(now));
  const active = priorities.filter((p) => p.ended_on === null).length;
  return {
    ...toSummary(row, areaName, active),
    summary: row.summary,
    analysis,
    priorities: priorities.map((p) => ({ id: p.id, theme: p.theme, motivation: p.motivation, chosenOn: p.chosen_on, endedOn: p.ended_on })),
    agenda,
  };
}

export async function createPlan(
  db: Kysely<Database>,
  actor: Actor,
  input: { programmeId: string | null; area: string; title: string; summary: string; focusLimit: number },
  options: { isDemo?: boolean } = {},
): Promise<PlanDetail> {
  const area = await new GoalFigures(db, actor).area(input.area);
  const errors: FieldError[] = [];
  if (!area) errors.push({ path: 'body.area', message: `unknown area ${input.area}`, code: 'unknown_reference' });
  else if (!withinAreaScope(actor, area.municipalityCode, [input.area])) errors.push({ path: 'body.area', message: 'outside your area scope' });
  if (input.programmeId !== null) {
    try {
      const programme = await findVisibleProgramme(db, actor, input.programmeId);
      if (area && programme.municipality_code !== area.municipalityCode) errors.push({ path: 'body.programmeId', message: 'the programme belongs to another municipality' });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
      errors.push({ path: 'body.programmeId', message: 'unknown programme' });
    }
  }
  if (errors.length) throw invalid('plan.invalid', 'The plan is not valid', errors);
  const id = await db.transaction().execute(async (tx) => {
    const id = await insertPlan(programmesDb(tx), { ...input, isDemo: options.isDemo ?? false, createdBy: actor.userId });
    await withAudit(tx, actor, 'plan.create', { type: 'neighbourhood_plan', id }, { area: input.area, title: input.title, focusLimit: input.focusLimit });
    return id;
  });
  return getPlan(db, actor, id);
}

export async function updatePlan(db: Kysely<Database>, actor: Actor, id: string, input: { title: string; summary: string; focusLimit: number }): Promise<PlanDetail> {
  await findVisiblePlan(db, actor, id);
  await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    await lockPlan(pdb, id);
    const active = (await countActivePriorities(pdb, [id])).get(id) ?? 0;
    if (input.focusLimit < active) {
      throw invalid('plan.focus_limit_below_active', `There are ${active} active priorities; end some before lowering the focus limit to ${input.focusLimit}`, [{ path: 'body.focusLimit', message: `at least ${active} (the active priorities)` }]);
    }
    await updatePlanRow(pdb, id, input);
    await withAudit(tx, actor, 'plan.update', { type: 'neighbourhood_plan', id }, input);
  });
  return getPlan(db, actor, id);
}

export async function addAnalysisItem(db: Kysely<Database>, actor: Actor, id: string, input: { kind: 'strength' | 'bottleneck'; theme: string; text: string; indicators: string[] }): Promise<PlanDetail> {
  await findVisiblePlan(db, actor, id);
  const figures = new GoalFigures(db, actor);
  const errors: FieldError[] = [];
  for (const [i, code] of input.indicators.entries()) if (!(await figures.indicator(code))) errors.push({ path: `body.indicators.${i}`, message: `unknown indicator ${code}` });
  if (new Set(input.indicators).size !== input.indicators.length) errors.push({ path: 'body.indicators', message: 'an indicator is listed twice' });
  if (errors.length) throw invalid('plan.invalid_item', 'The analysis item is not valid', errors);
  await db.transaction().execute(async (tx) => {
    const itemId = await insertAnalysisItem(programmesDb(tx), id, input, input.indicators);
    await withAudit(tx, actor, 'plan.analysis_add', { type: 'neighbourhood_plan', id }, { itemId, kind: input.kind, theme: input.theme, indicators: input.indicators });
  });
  return getPlan(db, actor, id);
}

export async function removeAnalysisItem(db: Kysely<Database>, actor: Actor, id: string, itemId: string): Promise<PlanDetail> {
  await findVisiblePlan(db, actor, id);
  await db.transaction().execute(async (tx) => {
    if (!(await deleteAnalysisItem(programmesDb(tx), id, itemId))) throw notFound('Analysis item', 'plan.item_not_found');
    await withAudit(tx, actor, 'plan.analysis_remove', { type: 'neighbourhood_plan', id }, { itemId });
  });
  return getPlan(db, actor, id);
}

/** Chooses a priority; refused with 409 when the area already has as many active priorities as its focus limit. */
export async function choosePriority(db: Kysely<Database>, actor: Actor, id: string, input: { theme: string; motivation: string; chosenOn: string }): Promise<PlanDetail> {
  await findVisiblePlan(db, actor, id);
  await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    const plan = await lockPlan(pdb, id);
    if (!plan) throw notFound('Plan', 'plan.not_found');
    const active = (await countActivePriorities(pdb, [id])).get(id) ?? 0;
    if (active >= plan.focus_limit) {
      throw new AppError('plan.focus_limit_reached', 409, `This area works on at most ${plan.focus_limit} priorities at a time; end one before choosing another`, [{ path: 'body.theme', message: `focus limit ${plan.focus_limit} reached` }]);
    }
    if (await activeThemeTaken(pdb, id, input.theme)) throw new AppError('plan.priority_exists', 409, 'This theme is already an active priority', [{ path: 'body.theme', message: 'already active' }]);
    const priorityId = await insertPriority(pdb, id, input);
    await withAudit(tx, actor, 'plan.priority_choose', { type: 'neighbourhood_plan', id }, { priorityId, theme: input.theme, chosenOn: input.chosenOn });
  });
  return getPlan(db, actor, id);
}

export async function endPriority(db: Kysely<Database>, actor: Actor, id: string, priorityId: string, endedOn: string): Promise<PlanDetail> {
  await findVisiblePlan(db, actor, id);
  await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    await lockPlan(pdb, id);
    const priority = await findPriority(pdb, id, priorityId);
    if (!priority) throw notFound('Priority', 'plan.priority_not_found');
    if (priority.ended_on !== null) throw new AppError('plan.priority_ended', 409, 'This priority has ended already');
    if (endedOn < priority.chosen_on) throw invalid('plan.invalid_end', 'A priority cannot end before it was chosen', [{ path: 'body.endedOn', message: `on or after ${priority.chosen_on}` }]);
    await endPriorityRow(pdb, priorityId, endedOn);
    await withAudit(tx, actor, 'plan.priority_end', { type: 'neighbourhood_plan', id }, { priorityId, endedOn });
  });
  return getPlan(db, actor, id);
}

/** Sets the execution agenda: activities of the plan's programme (or any programme when the plan has none), in order. */
export async function setAgenda(db: Kysely<Database>, actor: Actor, id: string, activityIds: string[]): Promise<PlanDetail> {
  const { row } = await findVisiblePlan(db, actor, id);
  const found = await findActivityRows(programmesDb(db), { ids: activityIds });
  const byId = new Map(found.map((a) => [a.id, a]));
  const errors: FieldError[] = [];
  activityIds.forEach((activityId, i) => {
    const activity = byId.get(activityId);
    if (!activity) errors.push({ path: `body.activityIds.${i}`, message: 'unknown activity' });
    else if (row.programme_id !== null && activity.programme_id !== row.programme_id) errors.push({ path: `body.activityIds.${i}`, message: 'not an activity of the plan’s programme' });
  });
  if (new Set(activityIds).size !== activityIds.length) errors.push({ path: 'body.activityIds', message: 'an activity is listed twice' });
  if (errors.length) throw invalid('plan.invalid_agenda', 'The agenda is not valid', errors);
  await db.transaction().execute(async (tx) => {
    await replaceAgenda(programmesDb(tx), id, activityIds);
    await withAudit(tx, actor, 'plan.agenda', { type: 'neighbourhood_plan', id }, { activityIds });
  });
  return getPlan(db, actor, id);
}
