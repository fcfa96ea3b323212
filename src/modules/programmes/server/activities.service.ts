import type { Kysely } from 'kysely';
import { AppError, forbidden, invalid, notFound, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import type { Activity, ActivityDetail, ActivityInputParsed, ActivityStatus } from '../contract.js';
import { canChangeActivityStatus, canEditActivity, canReportProgress, canSeeActivity, type ActivityAccessFacts } from './activity-access.js';
import { ALLOWED_TRANSITIONS, canTransition, isSlipping } from './activity-workflow.js';
import {
  findActivityLinks,
  findActivityRows,
  findMilestones,
  findProgressUpdates,
  findStatusChanges,
  insertActivity,
  insertMilestones,
  insertProgressUpdate,
  insertStatusChange,
  lockActivity,
  replaceActivityLinks,
  setActivityStatus,
  setMilestoneReached,
  updateActivityRow,
  type ActivityLinks,
  type ActivityRow,
} from './activities.queries.js';
import { findAreaForFigures } from '../../areas/index.js';
import { GoalFigures } from './goal-figures.js';
import { findGoalRows } from './goals.queries.js';
import { findActiveOrganisations, findActiveUsers, findExecutionProgrammes, findStrategicGoals } from './programmes.queries.js';
import { findVisibleProgramme } from './programmes.service.js';
import { programmesDb } from './programmes.tables.js';

/** Today in the Netherlands (docs/time.md): an activity ending on 4 March slips from Dutch midnight, not UTC's. */
export const dutchToday = (now: Date = new Date()): string => calendarDayOf(now);

export function accessFacts(row: ActivityRow, links: ActivityLinks): ActivityAccessFacts {
  return {
    municipalityCode: row.municipality_code,
    ownerOrganisationId: row.owner_organisation_id,
    partnerOrganisationIds: (links.partners.get(row.id) ?? []).map((p) => p.id),
    areaCodes: links.areas.get(row.id) ?? [],
  };
}

/** Rows plus links, only those the actor may see. */
export async function loadVisibleActivities(
  db: Kysely<Database>,
  actor: Actor,
  filter: Parameters<typeof findActivityRows>[1],
): Promise<{ rows: ActivityRow[]; links: ActivityLinks }> {
  const pdb = programmesDb(db);
  const all = await findActivityRows(pdb, filter);
  const links = await findActivityLinks(pdb, all.map((r) => r.id));
  return { rows: all.filter((r) => canSeeActivity(actor, accessFacts(r, links))), links };
}

export async function presentActivities(db: Kysely<Database>, actor: Actor, rows: readonly ActivityRow[], links: ActivityLinks, today: string): Promise<Activity[]> {
  const figures = new GoalFigures(db, actor);
  const out: Activity[] = [];
  for (const row of rows) {
    const facts = accessFacts(row, links);
    const areas = [];
    for (const code of facts.areaCodes) areas.push({ code, name: (await figures.area(code))?.name ?? code });
    out.push({
      id: row.id,
      programmeId: row.programme_id,
      executionProgrammeId: row.execution_programme_id,
      name: row.name,
      description: row.description,
      owner: { organisationId: row.owner_organisation_id, organisationName: row.owner_organisation_name, userId: row.owner_user_id, userName: row.owner_user_name },
      partners: links.partners.get(row.id) ?? [],
      areas,
      goals: links.goals.get(row.id) ?? [],
      start: row.start_date,
      end: row.end_date,
      status: row.status,
      progress: row.progress_percent,
      slipping: isSlipping({ status: row.status, end: row.end_date }, today),
      can: { edit: canEditActivity(actor, facts), changeStatus: canChangeActivityStatus(actor, facts), reportProgress: canReportProgress(actor, facts) },
    });
  }
  return out;
}

export async function listProgrammeActivities(db: Kysely<Database>, actor: Actor, programmeId: string, filter: { area?: string | undefined } = {}, now = new Date()): Promise<Activity[]> {
  await findVisibleProgramme(db, actor, programmeId);
  const { rows, links } = await loadVisibleActivities(db, actor, { programmeId, ...(filter.area ? { areaCodes: await areaAndMembers(db, actor, filter.area) } : {}) });
  return presentActivities(db, actor, rows, links, dutchToday(now));
}

/** The activities in an area, across programmes: those linked to the area itself or, for a focus area, to one of its members. */
export async function listAreaActivities(db: Kysely<Database>, actor: Actor, areaCode: string, now = new Date()): Promise<Activity[]> {
  const codes = await areaAndMembers(db, actor, areaCode);
  const { rows, links } = await loadVisibleActivities(db, actor, { areaCodes: codes });
  return presentActivities(db, actor, rows, links, dutchToday(now));
}

async function areaAndMembers(db: Kysely<Database>, actor: Actor, areaCode: string): Promise<string[]> {
  const area = await findAreaForFigures(db, actor, areaCode);
  return [area.code, ...(area.members ?? [])];
}

async function loadOneVisible(db: Kysely<Database>, actor: Actor, id: string): Promise<{ row: ActivityRow; links: ActivityLinks; facts: ActivityAccessFacts }> {
  const pdb = programmesDb(db);
  const [row] = await findActivityRows(pdb, { ids: [id] });
  if (!row) throw notFound('Activity', 'activity.not_found');
  const links = await findActivityLinks(pdb, [id]);
  const facts = accessFacts(row, links);
  if (!canSeeActivity(actor, facts)) throw notFound('Activity', 'activity.not_found');
  return { row, links, facts };
}

export async function getActivity(db: Kysely<Database>, actor: Actor, id: string, now = new Date()): Promise<ActivityDetail> {
  const { row, links } = await loadOneVisible(db, actor, id);
  const pdb = programmesDb(db);
  const [[activity], milestones, updates, changes] = await Promise.all([presentActivities(db, actor, [row], links, dutchToday(now)), findMilestones(pdb, id), findProgressUpdates(pdb, id), findStatusChanges(pdb, id)]);
  if (!activity) throw notFound('Activity', 'activity.not_found');
  return {
    ...activity,
    milestones: milestones.map((m) => ({ id: m.id, name: m.name, dueDate: m.due_date, reachedOn: m.reached_on })),
    progressUpdates: updates.map((u) => ({ id: u.id, percent: u.percent, narrative: u.narrative, reportedAt: new Date(u.reported_at).toISOString(), reportedBy: u.reported_by_name, organisationName: u.organisation_name })),
    statusHistory: changes.map((c) => ({ from: c.from_status as ActivityStatus | null, to: c.to_status as ActivityStatus, note: c.note, changedAt: new Date(c.changed_at).toISOString(), changedBy: c.changed_by_name })),
    nextStatuses: [...ALLOWED_TRANSITIONS[activity.status]],
  };
}

/** Everything an activity refers to must exist and belong to its programme; all problems are reported at once. */
async function checkActivityInput(db: Kysely<Database>, actor: Actor, programmeId: string, municipalityCode: string, input: ActivityInputParsed): Promise<void> {
  const pdb = programmesDb(db);
  const errors: FieldError[] = [];
  if (input.end < input.start) errors.push({ path: 'body.end', message: 'must not lie before start' });
  const [organisations, users, strategic, goals, execution] = await Promise.all([
    findActiveOrganisations(pdb),
    findActiveUsers(pdb),
    findStrategicGoals(pdb, programmeId),
    findGoalRows(pdb, { programmeId }),
    findExecutionProgrammes(pdb, programmeId),
  ]);
  const orgIds = new Set(organisations.map((o) => o.id));
  if (!orgIds.has(input.ownerOrganisationId)) errors.push({ path: 'body.ownerOrganisationId', message: 'unknown or disabled organisation' });
  if (input.ownerUserId !== null) {
    const user = users.find((u) => u.id === input.ownerUserId);
    if (!user) errors.push({ path: 'body.ownerUserId', message: 'unknown or disabled user' });
    else if (user.organisation_id !== input.ownerOrganisationId) errors.push({ path: 'body.ownerUserId', message: 'the owner must work for the owner organisation' });
  }
  input.partnerOrganisationIds.forEach((id, i) => {
    if (!orgIds.has(id)) errors.push({ path: `body.partnerOrganisationIds.${i}`, message: 'unknown or disabled organisation' });
    else if (id === input.ownerOrganisationId) errors.push({ path: `body.partnerOrganisationIds.${i}`, message: 'the owner organisation is not also a partner' });
  });
  if (new Set(input.partnerOrganisationIds).size !== input.partnerOrganisationIds.length) errors.push({ path: 'body.partnerOrganisationIds', message: 'a partner is listed twice' });
  const figures = new GoalFigures(db, actor);
  for (const [i, code] of input.areas.entries()) {
    const area = await figures.area(code);
    if (!area) errors.push({ path: `body.areas.${i}`, message: `unknown area ${code}` });
    else if (area.municipalityCode !== municipalityCode) errors.push({ path: `body.areas.${i}`, message: `${code} does not lie in the programme's municipality` });
  }
  if (new Set(input.areas).size !== input.areas.length) errors.push({ path: 'body.areas', message: 'an area is listed twice' });
  const strategicIds = new Set(strategic.map((g) => g.id));
  input.strategicGoalIds.forEach((id, i) => {
    if (!strategicIds.has(id)) errors.push({ path: `body.strategicGoalIds.${i}`, message: 'not a strategic goal of this programme' });
  });
  const goalIds = new Set(goals.map((g) => g.id));
  input.operationalGoalIds.forEach((id, i) => {
    if (!goalIds.has(id)) errors.push({ path: `body.operationalGoalIds.${i}`, message: 'not an operational goal of this programme' });
  });
  if (new Set(input.strategicGoalIds).size !== input.strategicGoalIds.length || new Set(input.operationalGoalIds).size !== input.operationalGoalIds.length) {
    errors.push({ path: 'body.strategicGoalIds', message: 'a goal is listed twice' });
  }
  if (input.executionProgrammeId !== null && !execution.some((e) => e.id === input.executionProgrammeId)) {
    errors.push({ path: 'body.executionProgrammeId', message: 'not an execution programme of this programme' });
  }
  if (errors.length) throw invalid('activity.invalid', 'The activity is not valid', errors);
}

export async function createActivity(db: Kysely<Database>, actor: Actor, programmeId: string, input: ActivityInputParsed, options: { status?: ActivityStatus; now?: Date } = {}): Promise<ActivityDetail> {
  const programme = await findVisibleProgramme(db, actor, programmeId);
  await checkActivityInput(db, actor, programmeId, programme.municipality_code, input);
  const status = options.status ?? 'idea';
  const now = options.now ?? new Date();
  const id = await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    const id = await insertActivity(pdb, { ...activityWrite(programmeId, input), status });
    await replaceActivityLinks(pdb, id, input);
    await insertMilestones(pdb, id, input.milestones);
    await insertStatusChange(pdb, id, { from: null, to: status, note: '', by: actor.userId, at: now });
    await withAudit(tx, actor, 'activity.create', { type: 'activity', id }, { programmeId, name: input.name, owner: input.ownerOrganisationId, partners: input.partnerOrganisationIds, areas: input.areas, status });
    return id;
  });
  return getActivity(db, actor, id, now);
}

function activityWrite(programmeId: string, input: ActivityInputParsed) {
  return {
    programmeId,
    executionProgrammeId: input.executionProgrammeId,
    name: input.name,
    description: input.description,
    ownerOrganisationId: input.ownerOrganisationId,
    ownerUserId: input.ownerUserId,
    start: input.start,
    end: input.end,
  };
}

/** Replaces the plan of an activity; milestones in the input are added (existing ones stay, they carry history). */
export async function updateActivity(db: Kysely<Database>, actor: Actor, id: string, input: ActivityInputParsed): Promise<ActivityDetail> {
  const { row, facts } = await loadOneVisible(db, actor, id);
  if (!canEditActivity(actor, facts)) throw forbidden('Only the programme manager changes the plan of an activity');
  await checkActivityInput(db, actor, row.programme_id, row.municipality_code, input);
  await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    await lockActivity(pdb, id);
    await updateActivityRow(pdb, id, activityWrite(row.programme_id, input));
    await replaceActivityLinks(pdb, id, input);
    await insertMilestones(pdb, id, input.milestones);
    await withAudit(tx, actor, 'activity.update', { type: 'activity', id }, { name: input.name, owner: input.ownerOrganisationId, partners: input.partnerOrganisationIds, areas: input.areas, start: input.start, end: input.end });
  });
  return getActivity(db, actor, id);
}

export async function changeActivityStatus(db: Kysely<Database>, actor: Actor, id: string, to: ActivityStatus, note: string, now = new Date()): Promise<ActivityDetail> {
  const { facts } = await loadOneVisible(db, actor, id);
  if (!canChangeActivityStatus(actor, facts)) throw forbidden('Only the programme manager or the owning organisation changes the status');
  await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    const current = await lockActivity(pdb, id);
    if (!current) throw notFound('Activity', 'activity.not_found');
    if (!canTransition(current.status, to)) {
      throw new AppError('activity.transition_not_allowed', 409, `An activity cannot go from ${current.status} to ${to}`, [{ path: 'body.status', message: `allowed from ${current.status}: ${ALLOWED_TRANSITIONS[current.status].join(', ') || 'none'}` }]);
    }
    await setActivityStatus(pdb, id, { from: current.status, to, note, by: actor.userId, at: now });
    await withAudit(tx, actor, 'activity.status', { type: 'activity', id }, { from: current.status, to, note });
  });
  return getActivity(db, actor, id, now);
}

export async function reportProgress(db: Kysely<Database>, actor: Actor, id: string, input: { percent: number; narrative: string }, now = new Date()): Promise<ActivityDetail> {
  const { facts } = await loadOneVisible(db, actor, id);
  if (!canReportProgress(actor, facts)) throw forbidden('Only the programme manager, the owner or a partner organisation reports progress');
  await db.transaction().execute(async (tx) => {
    const pdb = programmesDb(tx);
    const current = await lockActivity(pdb, id);
    if (!current) throw notFound('Activity', 'activity.not_found');
    if (current.status === 'done' || current.status === 'stopped') {
      throw new AppError('activity.closed', 409, `The activity is ${current.status}: no further progress can be reported`);
    }
    const updateId = await insertProgressUpdate(pdb, { activityId: id, percent: input.percent, narrative: input.narrative, at: now, by: actor.userId, byName: actor.displayName, organisationId: actor.organisationId });
    await withAudit(tx, actor, 'activity.progress', { type: 'activity', id }, { updateId, percent: input.percent });
  });
  return getActivity(db, actor, id, now);
}

export async function addMilestone(db: Kysely<Database>, actor: Actor, id: string, input: { name: string; dueDate: string }): Promise<ActivityDetail> {
  const { facts } = await loadOneVisible(db, actor, id);
  if (!canChangeActivityStatus(actor, facts)) throw forbidden('Only the programme manager or the owning organisation adds milestones');
  await db.transaction().execute(async (tx) => {
    const [milestoneId] = await insertMilestones(programmesDb(tx), id, [input]);
    await withAudit(tx, actor, 'activity.milestone_add', { type: 'activity', id }, { milestoneId, name: input.name, dueDate: input.dueDate });
  });
  return getActivity(db, actor, id);
}

export async function markMilestone(db: Kysely<Database>, actor: Actor, id: string, milestoneId: string, reachedOn: string | null): Promise<ActivityDetail> {
  const { facts } = await loadOneVisible(db, actor, id);
  if (!canChangeActivityStatus(actor, facts)) throw forbidden('Only the programme manager or the owning organisation updates milestones');
  await db.transaction().execute(async (tx) => {
    if (!(await setMilestoneReached(programmesDb(tx), id, milestoneId, reachedOn))) throw notFound('Milestone', 'milestone.not_found');
    await withAudit(tx, actor, 'activity.milestone', { type: 'activity', id }, { milestoneId, reachedOn });
  });
  return getActivity(db, actor, id);
}
