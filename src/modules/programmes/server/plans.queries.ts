import type { ProgrammesDb } from './programmes.tables.js';
import { dateText, nullableDateText } from './sql-dates.js';

/** SQL of neighbourhood development plans: analysis items with evidence, priorities, the execution agenda. */

export interface PlanRow {
  id: string;
  programme_id: string | null;
  area_code: string;
  title: string;
  summary: string;
  focus_limit: number;
  is_demo: boolean;
}

export async function findPlanRows(db: ProgrammesDb, filter: { id?: string; areaCodes?: readonly string[] } = {}): Promise<PlanRow[]> {
  let query = db.selectFrom('neighbourhood_plans').select(['id', 'programme_id', 'area_code', 'title', 'summary', 'focus_limit', 'is_demo']).orderBy('area_code').orderBy('title');
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.areaCodes) query = query.where('area_code', 'in', filter.areaCodes.length ? [...filter.areaCodes] : ['']);
  return query.execute();
}

/** Locks the plan so that two people choosing a priority at once cannot both pass the focus limit. */
export async function lockPlan(db: ProgrammesDb, id: string): Promise<{ focus_limit: number } | undefined> {
  return db.selectFrom('neighbourhood_plans').select(['focus_limit']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertPlan(db: ProgrammesDb, p: { programmeId: string | null; area: string; title: string; summary: string; focusLimit: number; isDemo: boolean; createdBy: string | null }): Promise<string> {
  const row = await db
    .insertInto('neighbourhood_plans')
    .values({ programme_id: p.programmeId, area_code: p.area, title: p.title, summary: p.summary, focus_limit: p.focusLimit, is_demo: p.isDemo, created_by: p.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlanRow(db: ProgrammesDb, id: string, p: { title: string; summary: string; focusLimit: number }): Promise<void> {
  await db.updateTable('neighbourhood_plans').set({ title: p.title, summary: p.summary, focus_limit: p.focusLimit, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function findAnalysisItems(db: ProgrammesDb, planId: string) {
  return db.selectFrom('plan_analysis_items').select(['id', 'kind', 'theme', 'text', 'position']).where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
}

export async function findEvidence(db: ProgrammesDb, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db.selectFrom('plan_evidence').select(['id', 'item_id', 'kind', 'reference', 'note']).where('item_id', 'in', [...itemIds]).orderBy('kind').orderBy('reference').execute();
}

export async function insertAnalysisItem(db: ProgrammesDb, planId: string, item: { kind: 'strength' | 'bottleneck'; theme: string; text: string }, indicators: readonly string[]): Promise<string> {
  const last = await db.selectFrom('plan_analysis_items').select((eb) => eb.fn.max('position').as('max')).where('plan_id', '=', planId).executeTakeFirst();
  const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const row = await db.insertInto('plan_analysis_items').values({ plan_id: planId, kind: item.kind, theme: item.theme, text: item.text, position }).returning('id').executeTakeFirstOrThrow();
  if (indicators.length) await db.insertInto('plan_evidence').values(indicators.map((reference) => ({ item_id: row.id, kind: 'indicator' as const, reference }))).execute();
  return row.id;
}

export async function deleteAnalysisItem(db: ProgrammesDb, planId: string, itemId: string): Promise<boolean> {
  const result = await db.deleteFrom('plan_analysis_items').where('id', '=', itemId).where('plan_id', '=', planId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findPriorities(db: ProgrammesDb, planId: string) {
  return db
    .selectFrom('plan_priorities')
    .select(['id', 'theme', 'motivation', dateText('chosen_on').as('chosen_on'), nullableDateText('ended_on').as('ended_on')])
    .where('plan_id', '=', planId)
    .orderBy('chosen_on')
    .orderBy('theme')
    .execute();
}

export async function countActivePriorities(db: ProgrammesDb, planIds: readonly string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan_priorities')
    .select(['plan_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('plan_id', 'in', [...planIds])
    .where('ended_on', 'is', null)
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((r) => [r.plan_id, Number(r.n)]));
}

export async function activeThemeTaken(db: ProgrammesDb, planId: string, theme: string): Promise<boolean> {
  const rows = await db.selectFrom('plan_priorities').select(['theme']).where('plan_id', '=', planId).where('ended_on', 'is', null).execute();
  return rows.some((r) => r.theme.toLowerCase() === theme.toLowerCase());
}

export async function insertPriority(db: ProgrammesDb, planId: string, p: { theme: string; motivation: string; chosenOn: string }): Promise<string> {
  const row = await db.insertInto('plan_priorities').values({ plan_id: planId, theme: p.theme, motivation: p.motivation, chosen_on: p.chosenOn }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findPriority(db: ProgrammesDb, planId: string, priorityId: string) {
  return db
    .selectFrom('plan_priorities')
    .select(['id', dateText('chosen_on').as('chosen_on'), nullableDateText('ended_on').as('ended_on')])
    .where('id', '=', priorityId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

export async function endPriorityRow(db: ProgrammesDb, priorityId: string, endedOn: string): Promise<void> {
  await db.updateTable('plan_priorities').set({ ended_on: endedOn }).where('id', '=', priorityId).execute();
}

export async function findAgendaActivityIds(db: ProgrammesDb, planId: string): Promise<string[]> {
  const rows = await db.selectFrom('plan_agenda_items').select(['activity_id']).where('plan_id', '=', planId).orderBy('position').execute();
  return rows.map((r) => r.activity_id);
}

export async function replaceAgenda(db: ProgrammesDb, planId: string, activityIds: readonly string[]): Promise<void> {
  await db.deleteFrom('plan_agenda_items').where('plan_id', '=', planId).execute();
  if (activityIds.length) await db.insertInto('plan_agenda_items').values(activityIds.map((activity_id, position) => ({ plan_id: planId, activity_id, position }))).execute();
}
