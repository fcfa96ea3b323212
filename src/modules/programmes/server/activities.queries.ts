import type { ActivityStatus } from '../contract.js';
import type { ProgrammesDb } from './programmes.tables.js';
import { dateText, nullableDateText } from './sql-dates.js';

/** SQL of activities and what hangs on them: partners, areas, goals, milestones, progress, status history. */

export interface ActivityRow {
  id: string;
  programme_id: string;
  municipality_code: string;
  execution_programme_id: string | null;
  name: string;
  description: string;
  owner_organisation_id: string;
  owner_organisation_name: string;
  owner_user_id: string | null;
  owner_user_name: string | null;
  start_date: string;
  end_date: string;
  status: ActivityStatus;
  progress_percent: number;
}

export interface ActivityLinks {
  partners: Map<string, { id: string; name: string }[]>;
  areas: Map<string, string[]>;
  goals: Map<string, { id: string; kind: 'strategic' | 'operational'; name: string }[]>;
}

function activitySelect(db: ProgrammesDb) {
  return db
    .selectFrom('activities as a')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .innerJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
    .leftJoin('users as u', 'u.id', 'a.owner_user_id')
    .select([
      'a.id',
      'a.programme_id',
      'p.municipality_code',
      'a.execution_programme_id',
      'a.name',
      'a.description',
      'a.owner_organisation_id',
      'o.name as owner_organisation_name',
      'a.owner_user_id',
      'u.display_name as owner_user_name',
      dateText('a.start_date').as('start_date'),
      dateText('a.end_date').as('end_date'),
      'a.status',
      'a.progress_percent',
    ]);
}

const asRows = (rows: unknown[]): ActivityRow[] => rows as ActivityRow[];

export async function findActivityRows(
  db: ProgrammesDb,
  filter: { ids?: readonly string[]; programmeId?: string; openEndedBefore?: string; areaCodes?: readonly string[]; ownedBy?: { userId: string; organisationId: string } },
): Promise<ActivityRow[]> {
  let query = activitySelect(db).orderBy('a.start_date').orderBy('a.name').orderBy('a.id');
  if (filter.ids) query = query.where('a.id', 'in', filter.ids.length ? [...filter.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (filter.programmeId) query = query.where('a.programme_id', '=', filter.programmeId);
  if (filter.openEndedBefore) query = query.where('a.end_date', '<', filter.openEndedBefore).where('a.status', 'in', ['idea', 'planned', 'running']);
  // Owned: the person named as owner, or their organisation where no person is named (as for meeting actions).
  const owner = filter.ownedBy;
  if (owner) {
    query = query.where((eb) => eb.or([eb('a.owner_user_id', '=', owner.userId), eb.and([eb('a.owner_organisation_id', '=', owner.organisationId), eb('a.owner_user_id', 'is', null)])]));
  }
  if (filter.areaCodes) {
    const codes = filter.areaCodes.length ? [...filter.areaCodes] : [''];
    query = query.where((eb) => eb.exists(eb.selectFrom('activity_areas as aa').select('aa.activity_id').whereRef('aa.activity_id', '=', 'a.id').where('aa.area_code', 'in', codes)));
  }
  return asRows(await query.execute());
}

export async function findActivityLinks(db: ProgrammesDb, activityIds: readonly string[]): Promise<ActivityLinks> {
  const links: ActivityLinks = { partners: new Map(), areas: new Map(), goals: new Map() };
  if (activityIds.length === 0) return links;
  const ids = [...activityIds];
  const [partners, areas, strategic, operational] = await Promise.all([
    db
      .selectFrom('activity_partners as ap')
      .innerJoin('organisations as o', 'o.id', 'ap.organisation_id')
      .select(['ap.activity_id', 'o.id', 'o.name'])
      .where('ap.activity_id', 'in', ids)
      .orderBy('o.name')
      .execute(),
    db.selectFrom('activity_areas').select(['activity_id', 'area_code']).where('activity_id', 'in', ids).orderBy('area_code').execute(),
    db
      .selectFrom('activity_goals as ag')
      .innerJoin('strategic_goals as g', 'g.id', 'ag.strategic_goal_id')
      .select(['ag.activity_id', 'g.id', 'g.name', 'g.position'])
      .where('ag.activity_id', 'in', ids)
      .orderBy('g.position')
      .execute(),
    db
      .selectFrom('activity_goals as ag')
      .innerJoin('operational_goals as g', 'g.id', 'ag.operational_goal_id')
      .select(['ag.activity_id', 'g.id', 'g.name'])
      .where('ag.activity_id', 'in', ids)
      .orderBy('g.name')
      .execute(),
  ]);
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  };
  for (const p of partners) push(links.partners, p.activity_id, { id: p.id, name: p.name });
  for (const a of areas) push(links.areas, a.activity_id, a.area_code);
  for (const g of strategic) push(links.goals, g.activity_id, { id: g.id, kind: 'strategic' as const, name: g.name });
  for (const g of operational) push(links.goals, g.activity_id, { id: g.id, kind: 'operational' as const, name: g.name });
  return links;
}

export interface ActivityWrite {
  programmeId: string;
  executionProgrammeId: string | null;
  name: string;
  description: string;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  start: string;
  end: string;
}

export async function insertActivity(db: ProgrammesDb, activity: ActivityWrite & { status: ActivityStatus }): Promise<string> {
  const row = await db
    .insertInto('activities')
    .values({
      programme_id: activity.programmeId,
      execution_programme_id: activity.executionProgrammeId,
      name: activity.name,
      description: activity.description,
      owner_organisation_id: activity.ownerOrganisationId,
      owner_user_id: activity.ownerUserId,
      start_date: activity.start,
      end_date: activity.end,
      status: activity.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActivityRow(db: ProgrammesDb, id: string, activity: ActivityWrite): Promise<void> {
  await db
    .updateTable('activities')
    .set({
      execution_programme_id: activity.executionProgrammeId,
      name: activity.name,
      description: activity.description,
      owner_organisation_id: activity.ownerOrganisationId,
      owner_user_id: activity.ownerUserId,
      start_date: activity.start,
      end_date: activity.end,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function replaceActivityLinks(
  db: ProgrammesDb,
  id: string,
  links: { partnerOrganisationIds: readonly string[]; areas: readonly string[]; strategicGoalIds: readonly string[]; operationalGoalIds: readonly string[] },
): Promise<void> {
  await db.deleteFrom('activity_partners').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity_areas').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity_goals').where('activity_id', '=', id).execute();
  if (links.partnerOrganisationIds.length) await db.insertInto('activity_partners').values(links.partnerOrganisationIds.map((organisation_id) => ({ activity_id: id, organisation_id }))).execute();
  if (links.areas.length) await db.insertInto('activity_areas').values(links.areas.map((area_code) => ({ activity_id: id, area_code }))).execute();
  const goals = [
    ...links.strategicGoalIds.map((g) => ({ activity_id: id, strategic_goal_id: g, operational_goal_id: null })),
    ...links.operationalGoalIds.map((g) => ({ activity_id: id, strategic_goal_id: null, operational_goal_id: g })),
  ];
  if (goals.length) await db.insertInto('activity_goals').values(goals).execute();
}

/** Locks the activity row for a status change or progress update, so two concurrent changes serialise. */
export async function lockActivity(db: ProgrammesDb, id: string): Promise<{ status: ActivityStatus } | undefined> {
  const row = await db.selectFrom('activities').select(['status']).where('id', '=', id).forUpdate().executeTakeFirst();
  return row as { status: ActivityStatus } | undefined;
}

export async function setActivityStatus(db: ProgrammesDb, id: string, change: { from: ActivityStatus; to: ActivityStatus; note: string; by: string | null; at: Date }): Promise<void> {
  await db.updateTable('activities').set({ status: change.to, updated_at: change.at }).where('id', '=', id).execute();
  await db.insertInto('activity_status_changes').values({ activity_id: id, from_status: change.from, to_status: change.to, note: change.note, changed_by: change.by, changed_at: change.at }).execute();
}

export async function insertStatusChange(db: ProgrammesDb, id: string, change: { from: ActivityStatus | null; to: ActivityStatus; note: string; by: string | null; at: Date }): Promise<void> {
  await db.insertInto('activity_status_changes').values({ activity_id: id, from_status: change.from, to_status: change.to, note: change.note, changed_by: change.by, changed_at: change.at }).execute();
}

export async function insertProgressUpdate(
  db: ProgrammesDb,
  update: { activityId: string; percent: number; narrative: string; at: Date; by: string | null; byName: string; organisationId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('activity_progress_updates')
    .values({
      activity_id: update.activityId,
      percent: update.percent,
      narrative: update.narrative,
      reported_at: update.at,
      reported_by: update.by,
      reported_by_name: update.byName,
      organisation_id: update.organisationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('activities').set({ progress_percent: update.percent, updated_at: update.at }).where('id', '=', update.activityId).execute();
  return row.id;
}

export async function findMilestones(db: ProgrammesDb, activityId: string) {
  return db
    .selectFrom('activity_milestones')
    .select(['id', 'name', dateText('due_date').as('due_date'), nullableDateText('reached_on').as('reached_on')])
    .where('activity_id', '=', activityId)
    .orderBy('due_date')
    .orderBy('name')
    .execute();
}

export async function insertMilestones(db: ProgrammesDb, activityId: string, milestones: readonly { name: string; dueDate: string }[]): Promise<string[]> {
  if (milestones.length === 0) return [];
  const rows = await db
    .insertInto('activity_milestones')
    .values(milestones.map((m) => ({ activity_id: activityId, name: m.name, due_date: m.dueDate })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function setMilestoneReached(db: ProgrammesDb, activityId: string, milestoneId: string, reachedOn: string | null): Promise<boolean> {
  const result = await db.updateTable('activity_milestones').set({ reached_on: reachedOn }).where('id', '=', milestoneId).where('activity_id', '=', activityId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findProgressUpdates(db: ProgrammesDb, activityId: string) {
  return db
    .selectFrom('activity_progress_updates as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.percent', 'u.narrative', 'u.reported_at', 'u.reported_by_name', 'o.name as organisation_name'])
    .where('u.activity_id', '=', activityId)
    .orderBy('u.reported_at', 'desc')
    .orderBy('u.id')
    .execute();
}

export async function findStatusChanges(db: ProgrammesDb, activityId: string) {
  return db
    .selectFrom('activity_status_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.from_status', 'c.to_status', 'c.note', 'c.changed_at', 'u.display_name as changed_by_name'])
    .where('c.activity_id', '=', activityId)
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();
}

export async function findActivityIdsByName(db: ProgrammesDb, programmeId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('activities').select(['id', 'name']).where('programme_id', '=', programmeId).orderBy('name').execute();
}

/**
 * The pillars each activity of a programme serves: through a strategic goal it is linked to, or through an
 * operational goal under a strategic goal; a pillar once per activity. Activities without a pillar are absent.
 */
export async function findActivityPillarRows(db: ProgrammesDb, programmeId: string): Promise<{ activityId: string; pillarId: string }[]> {
  const rows = await db
    .selectFrom('activity_goals as ag')
    .innerJoin('activities as a', 'a.id', 'ag.activity_id')
    .leftJoin('operational_goals as og', 'og.id', 'ag.operational_goal_id')
    .innerJoin('strategic_goals as sg', (join) => join.on((eb) => eb.or([eb('sg.id', '=', eb.ref('ag.strategic_goal_id')), eb('sg.id', '=', eb.ref('og.strategic_goal_id'))])))
    .where('a.programme_id', '=', programmeId)
    .where('sg.pillar_id', 'is not', null)
    .select(['ag.activity_id as activityId', 'sg.pillar_id as pillarId'])
    .distinct()
    .orderBy('ag.activity_id')
    .execute();
  return rows.map((r) => ({ activityId: r.activityId, pillarId: r.pillarId ?? '' }));
}

export async function findPillarRows(db: ProgrammesDb, programmeId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('programme_pillars').select(['id', 'name']).where('programme_id', '=', programmeId).orderBy('position').execute();
}

/**
 * The goals a programme's activities serve: operational goals linked directly, and strategic goals linked
 * directly or above a linked operational goal (the pillar rule, one level down).
 */
export async function findActivityGoalRows(db: ProgrammesDb, programmeId: string): Promise<{ activityId: string; strategicGoalId: string | null; operationalGoalId: string | null; strategicOfOperational: string | null }[]> {
  return db
    .selectFrom('activity_goals as ag')
    .innerJoin('activities as a', 'a.id', 'ag.activity_id')
    .leftJoin('operational_goals as og', 'og.id', 'ag.operational_goal_id')
    .where('a.programme_id', '=', programmeId)
    .select(['ag.activity_id as activityId', 'ag.strategic_goal_id as strategicGoalId', 'ag.operational_goal_id as operationalGoalId', 'og.strategic_goal_id as strategicOfOperational'])
    .execute();
}

/** A programme's strategic goals (with their pillar's name) and operational goals (with their strategic goal's name), in the programme's order. */
export async function findGoalNameRows(db: ProgrammesDb, programmeId: string) {
  const [strategic, operational] = await Promise.all([
    db
      .selectFrom('strategic_goals as s')
      .leftJoin('programme_pillars as p', 'p.id', 's.pillar_id')
      .select(['s.id', 's.name', 'p.name as pillarName'])
      .where('s.programme_id', '=', programmeId)
      .orderBy('p.position')
      .orderBy('s.position')
      .execute(),
    db
      .selectFrom('operational_goals as g')
      .leftJoin('strategic_goals as s', 's.id', 'g.strategic_goal_id')
      .select(['g.id', 'g.name', 's.name as strategicGoalName'])
      .where('g.programme_id', '=', programmeId)
      .orderBy('s.position')
      .orderBy('g.name')
      .orderBy('g.id')
      .execute(),
  ]);
  return { strategic, operational };
}
