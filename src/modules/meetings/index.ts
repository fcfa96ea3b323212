import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedDemoMeeting } from './server/demo-meeting.js';
import { directionRoutes } from './server/direction.routes.js';
import { meetingsRoutes } from './server/meetings.routes.js';

/**
 * Meetings (kernteam, wijkoverleg, casusoverleg) that end in decisions and actions with owners and due
 * dates; the direction dashboard of what slips and waits; escalation to the administrators' agenda.
 */
export const meetingsModule: ServerModule = {
  name: 'meetings',
  routes: async (app: FastifyInstance) => {
    await meetingsRoutes(app);
    await directionRoutes(app);
  },
  seedDemo: (db) => seedDemoMeeting(db),
};

/*
 * For the reports module (snapshots of a programme), with this module's visibility rules:
 *  listProgrammeMeetingsForReport(db, actor, { municipalityCode, areaCodes, programmeId, goalIds, activityIds }, now)
 *      → ReportMeeting[]: the programme's meetings held up to today (in one of its areas, or with an agenda item
 *        linked to the programme, its goals, activities or areas), each as GET /meetings/{id} shows it, with the
 *        date each action was completed on; oldest first
 *  visibleMeetingIds(db, actor, ids) → Set<string>: those of the ids the actor may see
 */
export { listProgrammeMeetingsForReport, visibleMeetingIds, type ReportMeeting } from './server/report-api.js';
export type { MeetingDetail } from './contract.js';
export type { MeetingsActor } from './server/meeting-access.js';
/*
 * For the personal worklist (worklist module):
 *  listActionsForWorklist(db, actor, today, horizonDays) → { own: open actions the actor owns, overdue or due within
 *      horizonDays; followUp: (meetings.manage only) other owners' overdue actions in visible meetings; ownedIds:
 *      every action the actor owns }
 *  listEscalationsConcerning(db, actor, { actionIds, activityIds }) → open escalations: every one within the
 *      actor's municipalities for direction.read, otherwise those about the given actions or activities
 */
export { listActionsForWorklist, listEscalationsConcerning, type WorklistAction, type WorklistActions, type WorklistEscalation } from './server/worklist-api.js';
/*
 * For the public area pages (publicpages module):
 *  listPublicDecisions(db, { municipalityCode, areaCodes, programmeId, goalIds, activityIds }, now)
 *      → PublicDecision[]: the decisions marked public of the programme's meetings held up to today (never of a
 *        case meeting), each with its actions' title, owning organisation, due date and status; newest first
 */
export { listPublicDecisions, type PublicDecision } from './server/public-api.js';
