import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { findActivityRef, findProgrammeSummary, listActivitiesOfProgramme, listGoalsOfActivities, listPillarsOfActivities, visibleActivityIds, type GoalsOfActivities } from '../../programmes/index.js';
import type { FinanceActor } from './finance-scope.js';

/**
 * Activities and programmes belong to the programmes module; finance keeps their ids and asks through the
 * programmes interface. This file is the only place that does, so a change there touches one file here.
 */
export interface ActivityInfo {
  id: string;
  name: string;
  programmeId: string;
  ownerOrganisationId: string | null;
  /** The activity's period (YYYY-MM-DD). */
  start: string;
  end: string;
}

export async function findActivity(db: Kysely<Database>, id: string): Promise<ActivityInfo | null> {
  const ref = await findActivityRef(db, id);
  return ref ? { id: ref.id, name: ref.name, programmeId: ref.programmeId, ownerOrganisationId: ref.ownerOrganisationId, start: ref.start, end: ref.end } : null;
}

export async function findProgramme(db: Kysely<Database>, id: string): Promise<{ id: string; name: string } | null> {
  const summary = await findProgrammeSummary(db, id);
  return summary ? { id: summary.id, name: summary.name } : null;
}

/** The activities of a programme that the actor may see (the others are not offered at all). */
export async function activitiesOf(db: Kysely<Database>, actor: FinanceActor, programmeId: string): Promise<{ id: string; name: string }[]> {
  const all = await listActivitiesOfProgramme(db, programmeId);
  const visible = await visibleActivityIds(db, programmesActor(actor), all.map((a) => a.id));
  return all.filter((a) => visible.has(a.id)).map((a) => ({ id: a.id, name: a.name }));
}

/** Gives an activity's name, or null when the actor may not see that activity. */
export type ActivityNamer = (activityId: string, storedName: string) => string | null;

/**
 * A namer for the given activities, by the programmes module's own rule (GET /activities/{id} answers 404
 * to whom it says no). Money on a line stays visible to whoever may see the line (a partner whose money
 * finances it); only the activity's name follows the activity, so finance never tells more than programmes.
 */
export async function activityNamer(db: Kysely<Database>, actor: FinanceActor, activityIds: readonly string[]): Promise<ActivityNamer> {
  const visible = await visibleActivityIds(db, programmesActor(actor), activityIds);
  return (activityId, storedName) => (visible.has(activityId) ? storedName : null);
}

function programmesActor(actor: FinanceActor) {
  // No organisation (the system seeding demo data) matches no owner or partner: it sees what its roles see.
  return { roles: [...actor.roles], organisationId: actor.organisationId ?? '', areaScopes: [...(actor.areaScopes ?? [])] };
}

/** A programme's pillars in order, and the pillars each of its activities serves (programmes' goal links). */
export async function pillarsOf(db: Kysely<Database>, programmeId: string): Promise<{ pillars: { id: string; name: string }[]; pillarsByActivity: Map<string, string[]> }> {
  return listPillarsOfActivities(db, programmeId);
}

/** A programme's strategic and operational goals in order, and the goals each of its activities serves. */
export async function goalsOf(db: Kysely<Database>, programmeId: string): Promise<GoalsOfActivities> {
  return listGoalsOfActivities(db, programmeId);
}
