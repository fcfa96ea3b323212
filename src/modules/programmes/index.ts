import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { activitiesRoutes } from './server/activities.routes.js';
import { seedDemoProgrammes } from './server/demo-data.js';
import { plansRoutes } from './server/plans.routes.js';
import { programmesRoutes } from './server/programmes.routes.js';

/**
 * Programmes and direction (regie): programmes with pillars, strategic and SMART operational goals with their
 * status against a trajectory, activities with owners, partners, workflow and progress, and neighbourhood
 * development plans. docs/programmes.md describes the rules.
 */
export const programmesModule: ServerModule = {
  name: 'programmes',
  routes: async (app: FastifyInstance) => {
    await programmesRoutes(app);
    await activitiesRoutes(app);
    await plansRoutes(app);
  },
  seedDemo: seedDemoProgrammes,
};

/*
 * The module's interface for other modules (meetings and the direction dashboard, finance, reports). Stable:
 * later versions may add to it but do not change these signatures.
 *
 *  findProgrammeSummary(db, id)              → { id, name, horizonStart, horizonEnd, municipalityCode, municipalityName, isDemo } | null
 *  findActivityRef(db, activityId)           → { id, programmeId, name, ownerOrganisationId, partnerOrganisationIds,
 *                                               status, start, end } | null            (no access check)
 *  listActivitiesOfProgramme(db, programmeId)→ ActivityRef[]                           (no access check)
 *  canActorSeeActivity(db, actor, activityId)→ boolean  (partners: only what their organisation owns or joins)
 *  visibleActivityIds(db, actor, activityIds)→ Set<string>: those of the ids the actor may see (same rule, a list)
 *  listSlippingActivities(db, actor, today)  → SlippingActivity[]: end date before `today` (YYYY-MM-DD), status
 *                                               idea | planned | running, visible to the actor, most overdue first
 *  listGoalsWithStatus(db, actor, programmeId?) → OperationalGoal[] (contract.ts) with status on_track | at_risk |
 *                                               off_track | no_data, of one programme or every visible one
 *  findDemoProgrammeId(db), findDemoActivityIdsByName(db) → the demo data (DEMO_PROGRAMME_NAME,
 *                                               DEMO_ACTIVITY_NAMES); empty/null when it is not loaded
 *  getProgrammeForReport(db, actor, id)     → ProgrammeDetail (404 outside the actor's scope), as GET /programmes/{id}
 *  listGoalDetailsForReport(db, actor, id)  → GoalDetail[]: every operational goal with status and measurements
 *  listActivityDetailsForReport(db, actor, id, now) → ActivityDetail[]: the activities the actor may see, with
 *                                               milestones, progress updates and status history
 *  canActorSeeProgramme(db, actor, id)       → boolean: the area-scope rule of GET /programmes/{id}
 *  listActivitiesOwnedBy(db, actor, today)  → OwnedActivity[]: activities whose named owner is the actor, or whose owner
 *                                               organisation is theirs with no person named; visible to them; with
 *                                               programme name and whether they slip (for the worklist)
 *  listPillarsOfActivities(db, programmeId)  → { pillars: {id, name}[] in order, pillarsByActivity: Map<activityId, pillarId[]> }
 *                                               (through strategic goals or operational goals' strategic goals; no access check)
 *  listGoalsOfActivities(db, programmeId)    → { strategicGoals: {id, name, pillarName}[], operationalGoals: {id, name, strategicGoalName}[]
 *                                               in order, strategicByActivity, operationalByActivity: Map<activityId, goalId[]> }
 *                                               (a strategic goal directly or above a linked operational goal; no access check)
 *  listProgrammeAreas(db), listProgrammeIdsOfArea(db, areaCode) → the area codes programmes cover; the programmes
 *                                               covering one area (no access check; for the newsletter)
 * Dates are ISO strings (YYYY-MM-DD). Statuses: ACTIVITY_STATUSES and GOAL_STATUSES in contract.ts.
 */
export {
  findProgrammeSummary,
  findActivityRef,
  listActivitiesOfProgramme,
  canActorSeeActivity,
  visibleActivityIds,
  listSlippingActivities,
  listPillarsOfActivities,
  listActivitiesOwnedBy,
  listGoalsOfActivities,
  findDemoProgrammeId,
  findDemoActivityIdsByName,
  DEMO_PROGRAMME_NAME,
  DEMO_ACTIVITY_NAMES,
  type ActivityRef,
  type SlippingActivity,
  type OwnedActivity,
  type GoalsOfActivities,
} from './server/module-api.js';
/*
 * For the public area pages (publicpages module): only published programmes, only what residents may see
 * (no person, no internal text); see server/public-api.ts.
 *  listPublishedProgrammes(db)            → PublishedProgrammeRef[] (id, name, municipality, areaCodes, publishedAt)
 *  getPublishedProgramme(db, id, now)     → PublishedProgramme | null: ambition, pillars, goals with status,
 *                                           activities with owner organisation, status and progress
 */
export { listPublishedProgrammes, getPublishedProgramme, type PublishedProgrammeRef, type PublishedProgramme, type PublicGoal, type PublicActivity } from './server/public-api.js';
export { listGoalsWithStatus } from './server/goals.service.js';
export { getProgrammeForReport, listGoalDetailsForReport, listActivityDetailsForReport, canActorSeeProgramme } from './server/report-api.js';
export { ALLOWED_TRANSITIONS, isSlipping } from './server/activity-workflow.js';
export type { ActivityDetail, ActivityStatus, GoalDetail, GoalStatus, OperationalGoal, ProgrammeDetail, ProgrammeSummary } from './contract.js';
/*
 * For the initiatives module (docs/initiatives.md):
 *  listProgrammesWithGoals(db) → ProgrammeGoals[]: every programme with its area codes and strategic goals (no
 *      access check: goals are what residents choose from)
 *  createActivityFromInitiative(tx, actor, input, initiativeId, now) → the id of a planned activity under one
 *      strategic goal, made inside the caller's transaction; audited as activity.create with fromInitiative
 */
export { listProgrammesWithGoals, createActivityFromInitiative, type ProgrammeGoals, type ActivityFromInitiative } from './server/initiative-api.js';
/** For the newsletter: the areas programmes cover, and the programmes covering one area (no access check). */
export { listProgrammeAreas, listProgrammeIdsOfArea } from './server/programme-areas.js';
/**
 * For the learning module's linked MKBA benefits (docs/learning.md): one operational goal with its status
 * (null when unknown or not visible), and the goal trajectory itself, so the MKBA uses the very same figures:
 *  findOperationalGoal(db, actor, goalId) → OperationalGoal | null
 *  trajectoryValue(goal, target, date)      → the linear trajectory's value on a date (flat before and after)
 *  measurementDate(year)                    → the date a yearly figure stands for (1 January)
 */
export { findOperationalGoal } from './server/goal-api.js';
export { trajectoryValue, measurementDate } from './server/goal-status.js';
