import { meetingVisibleTo, type MeetingScope } from './meetings.queries.js';
import type { MeetingsDb } from './meetings.tables.js';

/** SQL for the reports module's reads (report-api.ts): which meetings belong to a programme, and when actions ended. */

export interface ProgrammeMeetingFilter {
  municipalityCode: string;
  /** The programme's areas (CBS or focus area codes). */
  areaCodes: readonly string[];
  programmeId: string;
  goalIds: readonly string[];
  activityIds: readonly string[];
  /** Only meetings held on or before this date (YYYY-MM-DD). */
  heldOnOrBefore: string;
}

/**
 * Meetings of the programme's municipality that are about the programme: held in one of its areas, or with
 * an agenda item linked to the programme, one of its goals or activities, or one of its areas as priority.
 */
export async function findProgrammeMeetingIds(db: MeetingsDb, scope: MeetingScope, filter: ProgrammeMeetingFilter): Promise<string[]> {
  const links: { kind: string; ids: readonly string[] }[] = [
    { kind: 'programme', ids: [filter.programmeId] },
    { kind: 'goal', ids: filter.goalIds },
    { kind: 'activity', ids: filter.activityIds },
    { kind: 'priority', ids: filter.areaCodes },
  ].filter((l) => l.ids.length > 0);
  const rows = await db
    .selectFrom('meetings')
    .select('meetings.id')
    .where('meetings.municipality_code', '=', filter.municipalityCode)
    .where('meetings.held_on', '<=', filter.heldOnOrBefore)
    .where(meetingVisibleTo(scope))
    .where((eb) =>
      eb.or([
        ...(filter.areaCodes.length ? [eb('meetings.area_code', 'in', [...filter.areaCodes])] : []),
        eb.exists(
          eb
            .selectFrom('meeting_item_links as l')
            .innerJoin('meeting_agenda_items as i', 'i.id', 'l.agenda_item_id')
            .select('l.agenda_item_id')
            .whereRef('i.meeting_id', '=', 'meetings.id')
            .where((w) => w.or(links.map((l) => w.and([w('l.kind', '=', l.kind), w('l.target_id', 'in', [...l.ids])])))),
        ),
      ]),
    )
    .orderBy('meetings.held_on')
    .orderBy('meetings.created_at')
    .execute();
  return rows.map((r) => r.id);
}

/** When each action of these meetings was last changed and, if done, completed. */
export async function findActionTimes(db: MeetingsDb, meetingIds: readonly string[]): Promise<{ id: string; completed_at: Date | null; updated_at: Date; created_at: Date }[]> {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('meeting_actions').select(['id', 'completed_at', 'updated_at', 'created_at']).where('meeting_id', 'in', [...meetingIds]).execute();
}

/** Of the given meeting ids, those the scope lets through. */
export async function findVisibleMeetingIds(db: MeetingsDb, scope: MeetingScope, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('meetings').select('meetings.id').where('meetings.id', 'in', [...ids]).where(meetingVisibleTo(scope)).execute();
  return rows.map((r) => r.id);
}

