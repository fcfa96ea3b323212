import type { Kysely } from 'kysely';
import { AppError, type Actor, type Database } from '../../../platform/server/index.js';
import type { ActivityDetail, GoalDetail, ProgrammeDetail } from '../contract.js';
import { getActivity, listProgrammeActivities } from './activities.service.js';
import { GoalFigures } from './goal-figures.js';
import { findGoalRows } from './goals.queries.js';
import { findVisibleProgramme, getProgramme } from './programmes.service.js';
import { programmesDb } from './programmes.tables.js';

/**
 * What the reports module reads of a programme for a snapshot, through index.ts. Every function applies the
 * programmes module's own visibility rules for the actor (404 for a programme outside the actor's scope;
 * only the activities the actor may see). The reports module decides what of it a report shows.
 */

/** The programme with pillars, strategic goals and operational goals with their status (GET /programmes/{id}). */
export async function getProgrammeForReport(db: Kysely<Database>, actor: Actor, programmeId: string): Promise<ProgrammeDetail> {
  return getProgramme(db, actor, programmeId);
}

/** Every operational goal of the programme with its status and every measurement (for the trajectory chart). */
export async function listGoalDetailsForReport(db: Kysely<Database>, actor: Actor, programmeId: string): Promise<GoalDetail[]> {
  await findVisibleProgramme(db, actor, programmeId);
  const figures = new GoalFigures(db, actor);
  const rows = await findGoalRows(programmesDb(db), { programmeId });
  return Promise.all(rows.map((row) => figures.evaluate(row, true)));
}

/** The activities of the programme the actor may see, each with milestones, progress updates and status history. */
export async function listActivityDetailsForReport(db: Kysely<Database>, actor: Actor, programmeId: string, now: Date): Promise<ActivityDetail[]> {
  const activities = await listProgrammeActivities(db, actor, programmeId, {}, now);
  const out: ActivityDetail[] = [];
  for (const activity of activities) out.push(await getActivity(db, actor, activity.id, now));
  return out;
}

/** Whether the actor may see the programme (its area scope); the rule of GET /programmes/{id}. */
export async function canActorSeeProgramme(db: Kysely<Database>, actor: Pick<Actor, 'areaScopes'>, programmeId: string): Promise<boolean> {
  try {
    await findVisibleProgramme(db, actor, programmeId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return false;
    throw error;
  }
}
