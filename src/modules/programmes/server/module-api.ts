import type { Kysely } from 'kysely';
import { findAreaNames } from '../../areas/index.js';
import type { Actor, Database } from '../../../platform/server/index.js';
import type { ActivityStatus, ProgrammeSummary } from '../contract.js';
import { canSeeActivity } from './activity-access.js';
import { isSlipping } from './activity-workflow.js';
import { accessFacts, loadVisibleActivities } from './activities.service.js';
import { findActivityGoalRows, findActivityIdsByName, findActivityLinks, findActivityPillarRows, findGoalNameRows, findActivityRows, findPillarRows, type ActivityLinks, type ActivityRow } from './activities.queries.js';
import { findProgrammeRows } from './programmes.queries.js';
import { toProgrammeSummary } from './programmes.service.js';
import { programmesDb } from './programmes.tables.js';

/**
 * What other modules (meetings and the direction dashboard, finance, reports) may use of programmes, through
 * index.ts. Functions without an actor do no access check: the calling module decides who may see what it
 * shows (use `canActorSeeActivity` for that); functions with an actor return only what that actor may see.
 */

/** A reference to one activity: enough to link budget lines, action items or decisions to it. */
export interface ActivityRef {
  id: string;
  programmeId: string;
  name: string;
  ownerOrganisationId: string;
  partnerOrganisationIds: string[];
  status: ActivityStatus;
  /** ISO dates (YYYY-MM-DD). */
  start: string;
  end: string;
}

/** An activity past its end date and neither done nor stopped, with what a dashboard row shows. */
export interface SlippingActivity extends ActivityRef {
  programmeName: string;
  ownerOrganisationName: string;
  progress: number;
  /** Whole days between the end date and today. */
  daysOverdue: number;
}

function toRef(row: ActivityRow, links: ActivityLinks): ActivityRef {
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    ownerOrganisationId: row.owner_organisation_id,
    partnerOrganisationIds: (links.partners.get(row.id) ?? []).map((p) => p.id),
    status: row.status,
    start: row.start_date,
    end: row.end_date,
  };
}

/** The programme's id, name and horizon; null when there is no such programme. */
export async function findProgrammeSummary(db: Kysely<Database>, id: string): Promise<ProgrammeSummary | null> {
  if (!isUuid(id)) return null;
  const [row] = await findProgrammeRows(programmesDb(db), { id });
  return row ? toProgrammeSummary(row, await findAreaNames(db, [row.municipality_code])) : null;
}

/** One activity by id; null when there is none. */
export async function findActivityRef(db: Kysely<Database>, activityId: string): Promise<ActivityRef | null> {
  if (!isUuid(activityId)) return null;
  const pdb = programmesDb(db);
  const [row] = await findActivityRows(pdb, { ids: [activityId] });
  if (!row) return null;
  return toRef(row, await findActivityLinks(pdb, [activityId]));
}

/** Every activity of a programme, by start date. */
export async function listActivitiesOfProgramme(db: Kysely<Database>, programmeId: string): Promise<ActivityRef[]> {
  if (!isUuid(programmeId)) return [];
  const pdb = programmesDb(db);
  const rows = await findActivityRows(pdb, { programmeId });
  const links = await findActivityLinks(pdb, rows.map((r) => r.id));
  return rows.map((r) => toRef(r, links));
}

/** Whether the actor may see the activity (partners: only what their organisation owns or takes part in). */
export async function canActorSeeActivity(db: Kysely<Database>, actor: Actor, activityId: string): Promise<boolean> {
  if (!isUuid(activityId)) return false;
  const pdb = programmesDb(db);
  const [row] = await findActivityRows(pdb, { ids: [activityId] });
  if (!row) return false;
  return canSeeActivity(actor, accessFacts(row, await findActivityLinks(pdb, [activityId])));
}

/**
 * Of the given activity ids, those the actor may see: the rule of GET /activities/{id} (canSeeActivity),
 * for a whole list in two queries. Unknown ids are left out. Other modules that show activity names (finance)
 * use this instead of their own copy of the rule.
 */
export async function visibleActivityIds(db: Kysely<Database>, actor: Pick<Actor, 'roles' | 'organisationId' | 'areaScopes'>, activityIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(activityIds.filter(isUuid))];
  if (ids.length === 0) return new Set();
  const pdb = programmesDb(db);
  const rows = await findActivityRows(pdb, { ids });
  const links = await findActivityLinks(pdb, ids);
  return new Set(rows.filter((r) => canSeeActivity(actor, accessFacts(r, links))).map((r) => r.id));
}

/** Activities past their end date (before `today`, an ISO date) and not done or stopped, that the actor may see; most overdue first. */
export async function listSlippingActivities(db: Kysely<Database>, actor: Actor, today: string): Promise<SlippingActivity[]> {
  const { rows, links } = await loadVisibleActivities(db, actor, { openEndedBefore: today });
  const programmes = new Map((await findProgrammeRows(programmesDb(db))).map((p) => [p.id, p.name]));
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return rows
    .filter((r) => isSlipping({ status: r.status, end: r.end_date }, today))
    .map((r) => ({
      ...toRef(r, links),
      programmeName: programmes.get(r.programme_id) ?? '',
      ownerOrganisationName: r.owner_organisation_name,
      progress: r.progress_percent,
      daysOverdue: Math.round((todayMs - Date.parse(`${r.end_date}T00:00:00Z`)) / 86_400_000),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name));
}

/** The demo programme's name, as the demo seed writes it (finance and meetings attach their demo data to it). */
export const DEMO_PROGRAMME_NAME = 'Nationaal Programma Dordt West 2023–2043';

/** Ids of the demo programme's activities by their exact (Dutch) names; empty when the demo data is not loaded. */
export async function findDemoActivityIdsByName(db: Kysely<Database>): Promise<Map<string, string>> {
  const pdb = programmesDb(db);
  const [programme] = await findProgrammeRows(pdb, { name: DEMO_PROGRAMME_NAME });
  if (!programme) return new Map();
  return new Map((await findActivityIdsByName(pdb, programme.id)).map((a) => [a.name, a.id]));
}

/** The demo programme's id, or null when the demo data is not loaded. */
export async function findDemoProgrammeId(db: Kysely<Database>): Promise<string | null> {
  const [programme] = await findProgrammeRows(programmesDb(db), { name: DEMO_PROGRAMME_NAME });
  return programme?.id ?? null;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * The demo activities' names (Dutch, as the demo seed writes them), so other modules' demo seeds can find
 * them with findDemoActivityIdsByName. Illustrative, not real Dordrecht activities.
 */
export const DEMO_ACTIVITY_NAMES = {
  /** Police, running, end date 2026-06-30 in the past: the slipping example. */
  youthPrevention: 'Preventie met Gezag: jongerenaanpak Crabbehof',
  /** Housing corporation, running to 2028. */
  housingRenovation: 'Renovatie en verduurzaming portiekflats Wielwijk',
  /** Gemeente with social work and the corporation, running to end 2026. */
  energyPoverty: 'Energiehulpen en aanpak energiearmoede Dordt West',
  /** Social work, planned for 2027. */
  healthySchool: 'Gezonde school en buurtsport Oud Krispijn',
  /** Gemeente with the police and the residents' organisation, an idea. */
  safeRoutes: 'Veilige looproutes en verlichting Nieuw-Krispijn',
  /** Social work with the gemeente, done. */
  debtHelp: 'Schuldhulp dichtbij: inloopspreekuur in de wijk',
} as const;

/**
 * The pillars of a programme in order, and for each activity the pillars it serves (through its strategic goals
 * or its operational goals' strategic goals). No access check: the caller decides what it shows.
 */
export async function listPillarsOfActivities(db: Kysely<Database>, programmeId: string): Promise<{ pillars: { id: string; name: string }[]; pillarsByActivity: Map<string, string[]> }> {
  const pdb = programmesDb(db);
  const [pillars, rows] = await Promise.all([findPillarRows(pdb, programmeId), findActivityPillarRows(pdb, programmeId)]);
  const pillarsByActivity = new Map<string, string[]>();
  for (const row of rows) pillarsByActivity.set(row.activityId, [...(pillarsByActivity.get(row.activityId) ?? []), row.pillarId]);
  return { pillars, pillarsByActivity };
}

export interface GoalsOfActivities {
  strategicGoals: { id: string; name: string; pillarName: string | null }[];
  operationalGoals: { id: string; name: string; strategicGoalName: string | null }[];
  /** Per activity: the strategic goals it serves, directly or through an operational goal under one. */
  strategicByActivity: Map<string, string[]>;
  /** Per activity: the operational goals it serves directly. */
  operationalByActivity: Map<string, string[]>;
}

/**
 * A programme's strategic and operational goals in order, and for each activity the goals it serves. No access
 * check (goals are read by every role; the caller decides which activities it shows).
 */
export async function listGoalsOfActivities(db: Kysely<Database>, programmeId: string): Promise<GoalsOfActivities> {
  const pdb = programmesDb(db);
  const [names, rows] = await Promise.all([findGoalNameRows(pdb, programmeId), findActivityGoalRows(pdb, programmeId)]);
  const strategicByActivity = new Map<string, Set<string>>();
  const operationalByActivity = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, activityId: string, goalId: string | null) => {
    if (goalId) map.set(activityId, (map.get(activityId) ?? new Set()).add(goalId));
  };
  for (const row of rows) {
    add(strategicByActivity, row.activityId, row.strategicGoalId);
    add(strategicByActivity, row.activityId, row.strategicOfOperational);
    add(operationalByActivity, row.activityId, row.operationalGoalId);
  }
  const lists = (map: Map<string, Set<string>>) => new Map([...map].map(([k, v]) => [k, [...v]]));
  return { strategicGoals: names.strategic, operationalGoals: names.operational, strategicByActivity: lists(strategicByActivity), operationalByActivity: lists(operationalByActivity) };
}

/** An activity a person owns, with what the worklist shows of it. */
export interface OwnedActivity {
  id: string;
  name: string;
  programmeId: string;
  programmeName: string;
  status: ActivityStatus;
  end: string;
  /** Past its end date and neither done nor stopped (isSlipping). */
  slipping: boolean;
}

/**
 * The activities the actor owns: named as owner, or owned by their organisation without a named person (the
 * rule of meeting actions), and visible to them; by start date.
 */
export async function listActivitiesOwnedBy(db: Kysely<Database>, actor: Actor, today: string): Promise<OwnedActivity[]> {
  const { rows } = await loadVisibleActivities(db, actor, { ownedBy: { userId: actor.userId, organisationId: actor.organisationId } });
  const programmes = new Map((await findProgrammeRows(programmesDb(db))).map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    programmeId: r.programme_id,
    programmeName: programmes.get(r.programme_id) ?? '',
    status: r.status,
    end: r.end_date,
    slipping: isSlipping({ status: r.status, end: r.end_date }, today),
  }));
}
