import type { ProgrammesDb } from './programmes.tables.js';
import { dateText } from './sql-dates.js';

/** SQL of programmes, their areas, pillars, strategic goals and execution programmes. */

export interface ProgrammeRow {
  id: string;
  municipality_code: string;
  name: string;
  ambition: string;
  horizon_start: string;
  horizon_end: string;
  is_demo: boolean;
  /** Since when residents see it on the public area pages; null while it is not public. */
  published_at: Date | null;
}

export async function findProgrammeRows(db: ProgrammesDb, filter: { id?: string; name?: string } = {}): Promise<ProgrammeRow[]> {
  let query = db
    .selectFrom('programmes')
    .select(['id', 'municipality_code', 'name', 'ambition', dateText('horizon_start').as('horizon_start'), dateText('horizon_end').as('horizon_end'), 'is_demo', 'published_at'])
    .orderBy('horizon_start', 'desc')
    .orderBy('name');
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.name) query = query.where('name', '=', filter.name);
  return query.execute();
}

/** Publish (at, by) or withdraw (null, null) the programme for residents. */
export async function updatePublication(db: ProgrammesDb, id: string, publication: { at: Date; by: string | null } | null): Promise<void> {
  await db
    .updateTable('programmes')
    .set({ published_at: publication?.at ?? null, published_by: publication?.by ?? null })
    .where('id', '=', id)
    .execute();
}

export async function findProgrammeAreaCodes(db: ProgrammesDb, programmeIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (programmeIds.length === 0) return out;
  const rows = await db.selectFrom('programme_areas').select(['programme_id', 'area_code']).where('programme_id', 'in', [...programmeIds]).orderBy('area_code').execute();
  for (const row of rows) out.set(row.programme_id, [...(out.get(row.programme_id) ?? []), row.area_code]);
  return out;
}

export async function findPillars(db: ProgrammesDb, programmeId: string) {
  return db.selectFrom('programme_pillars').select(['id', 'name', 'position']).where('programme_id', '=', programmeId).orderBy('position').execute();
}

export async function findStrategicGoals(db: ProgrammesDb, programmeId: string) {
  return db.selectFrom('strategic_goals').select(['id', 'name', 'pillar_id', 'position']).where('programme_id', '=', programmeId).orderBy('position').execute();
}

export async function findExecutionProgrammes(db: ProgrammesDb, programmeId: string) {
  return db
    .selectFrom('execution_programmes')
    .select(['id', 'name', dateText('period_start').as('period_start'), dateText('period_end').as('period_end')])
    .where('programme_id', '=', programmeId)
    .orderBy('period_start')
    .execute();
}

export interface ProgrammeWrite {
  municipalityCode: string;
  name: string;
  ambition: string;
  horizonStart: string;
  horizonEnd: string;
  isDemo: boolean;
  createdBy: string | null;
}

export async function insertProgramme(db: ProgrammesDb, p: ProgrammeWrite): Promise<string> {
  const row = await db
    .insertInto('programmes')
    .values({ municipality_code: p.municipalityCode, name: p.name, ambition: p.ambition, horizon_start: p.horizonStart, horizon_end: p.horizonEnd, is_demo: p.isDemo, created_by: p.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgrammeRow(db: ProgrammesDb, id: string, p: Omit<ProgrammeWrite, 'isDemo' | 'createdBy'>): Promise<void> {
  await db
    .updateTable('programmes')
    .set({ municipality_code: p.municipalityCode, name: p.name, ambition: p.ambition, horizon_start: p.horizonStart, horizon_end: p.horizonEnd, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function programmeNameTaken(db: ProgrammesDb, municipalityCode: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('programmes').select('id').where('municipality_code', '=', municipalityCode).where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function replaceProgrammeAreas(db: ProgrammesDb, id: string, areas: readonly string[]): Promise<void> {
  await db.deleteFrom('programme_areas').where('programme_id', '=', id).execute();
  if (areas.length) await db.insertInto('programme_areas').values(areas.map((area_code) => ({ programme_id: id, area_code }))).execute();
}

/**
 * Pillars, strategic goals and execution programmes are matched by name on update, so a kept name keeps its
 * id and the goals and activities linked to it; a removed name is deleted (links to it are released).
 */
export async function syncPillars(db: ProgrammesDb, programmeId: string, names: readonly string[]): Promise<Map<string, string>> {
  const existing = await findPillars(db, programmeId);
  const keep = new Set(names);
  const removed = existing.filter((p) => !keep.has(p.name)).map((p) => p.id);
  if (removed.length) await db.deleteFrom('programme_pillars').where('id', 'in', removed).execute();
  const byName = new Map(existing.filter((p) => keep.has(p.name)).map((p) => [p.name, p.id]));
  for (const [position, name] of names.entries()) {
    const id = byName.get(name);
    if (id) await db.updateTable('programme_pillars').set({ position }).where('id', '=', id).execute();
    else byName.set(name, (await db.insertInto('programme_pillars').values({ programme_id: programmeId, name, position }).returning('id').executeTakeFirstOrThrow()).id);
  }
  return byName;
}

export async function syncStrategicGoals(db: ProgrammesDb, programmeId: string, goals: readonly { name: string; pillarId: string | null }[]): Promise<void> {
  const existing = await findStrategicGoals(db, programmeId);
  const keep = new Set(goals.map((g) => g.name));
  const removed = existing.filter((g) => !keep.has(g.name)).map((g) => g.id);
  if (removed.length) await db.deleteFrom('strategic_goals').where('id', 'in', removed).execute();
  const byName = new Map(existing.map((g) => [g.name, g.id]));
  for (const [position, goal] of goals.entries()) {
    const id = byName.get(goal.name);
    if (id) await db.updateTable('strategic_goals').set({ position, pillar_id: goal.pillarId }).where('id', '=', id).execute();
    else await db.insertInto('strategic_goals').values({ programme_id: programmeId, name: goal.name, pillar_id: goal.pillarId, position }).execute();
  }
}

export async function syncExecutionProgrammes(db: ProgrammesDb, programmeId: string, items: readonly { name: string; periodStart: string; periodEnd: string }[]): Promise<void> {
  const existing = await findExecutionProgrammes(db, programmeId);
  const keep = new Set(items.map((i) => i.name));
  const removed = existing.filter((e) => !keep.has(e.name)).map((e) => e.id);
  if (removed.length) await db.deleteFrom('execution_programmes').where('id', 'in', removed).execute();
  const byName = new Map(existing.map((e) => [e.name, e.id]));
  for (const item of items) {
    const id = byName.get(item.name);
    if (id) await db.updateTable('execution_programmes').set({ period_start: item.periodStart, period_end: item.periodEnd }).where('id', '=', id).execute();
    else await db.insertInto('execution_programmes').values({ programme_id: programmeId, name: item.name, period_start: item.periodStart, period_end: item.periodEnd }).execute();
  }
}

/** Organisations and users for the activity forms (owner, partners). */
export async function findActiveOrganisations(db: ProgrammesDb) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind']).where('disabled_at', 'is', null).orderBy('name').execute();
}

export async function findActiveUsers(db: ProgrammesDb) {
  return db.selectFrom('users').select(['id', 'display_name', 'organisation_id']).where('disabled_at', 'is', null).orderBy('display_name').execute();
}
