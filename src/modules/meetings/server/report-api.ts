import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { MeetingDetail } from '../contract.js';
import { calendarDate } from './calendar-date.js';
import { meetingScopeOf, type MeetingsActor } from './meeting-access.js';
import { getMeetingDetail } from './meetings.service.js';
import { meetingsDb } from './meetings.tables.js';
import { findActionTimes, findProgrammeMeetingIds, findVisibleMeetingIds, type ProgrammeMeetingFilter } from './report.queries.js';

/**
 * What the reports module reads of meetings, through index.ts, with the meetings module's own visibility
 * (meetingScopeOf): the meetings of a programme held up to a date, each as GET /meetings/{id} shows it, plus
 * the calendar date (Europe/Amsterdam) each action was completed on.
 */
export interface ReportMeeting extends MeetingDetail {
  /** Per action id: the Dutch calendar date it was completed on (status done), and of its last change. */
  actionDates: Record<string, { completedOn: string | null; lastChangedOn: string; createdOn: string }>;
}

export async function listProgrammeMeetingsForReport(db: Kysely<Database>, actor: MeetingsActor, filter: Omit<ProgrammeMeetingFilter, 'heldOnOrBefore'>, now: Date): Promise<ReportMeeting[]> {
  const mdb = meetingsDb(db);
  const ids = await findProgrammeMeetingIds(mdb, meetingScopeOf(actor), { ...filter, heldOnOrBefore: calendarDate(now) });
  const times = new Map((await findActionTimes(mdb, ids)).map((t) => [t.id, t]));
  const out: ReportMeeting[] = [];
  for (const id of ids) {
    const detail = await getMeetingDetail(db, actor, id, now);
    const actionDates: ReportMeeting['actionDates'] = {};
    for (const action of detail.actions) {
      const t = times.get(action.id);
      if (!t) continue;
      actionDates[action.id] = {
        completedOn: action.status === 'done' && t.completed_at ? calendarDate(new Date(t.completed_at)) : null,
        lastChangedOn: calendarDate(new Date(t.updated_at)),
        createdOn: calendarDate(new Date(t.created_at)),
      };
    }
    out.push({ ...detail, actionDates });
  }
  return out;
}

/** Of the given meeting ids, those the actor may see (the rule of GET /meetings/{id}). */
export async function visibleMeetingIds(db: Kysely<Database>, actor: MeetingsActor, ids: readonly string[]): Promise<Set<string>> {
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  return new Set(await findVisibleMeetingIds(meetingsDb(db), meetingScopeOf(actor), uuids));
}
