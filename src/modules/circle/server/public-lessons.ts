import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { circleDb } from './circle.tables.js';
import { findLessons, findMeetings } from './lessons.queries.js';

/** A lesson this installation shares at the level "public": what residents may read on the public pages. */
export interface PublicLesson {
  title: string;
  text: string;
  theme: string;
  areaName: string | null;
  tags: string[];
  isIllustrative: boolean;
  /** When the lesson came out of a circle meeting: its date, host and part. */
  meeting: { heldOn: string; hostMunicipality: string; part: string } | null;
  /** The Dutch calendar day it was written down. */
  recordedOn: string;
}

/**
 * This installation's own lessons at share level "public", newest first. Lessons only: they are written to be
 * read by others. No author and no ids leave here; lessons received from other members stay within the
 * circle, whatever level their writer gave them, because publishing is the writer's municipality's decision.
 */
export async function listPublicLessons(db: Kysely<Database>): Promise<PublicLesson[]> {
  const cdb = circleDb(db);
  const lessons = (await findLessons(cdb)).filter((l) => l.share_level === 'public');
  const meetings = new Map((await findMeetings(cdb)).map((m) => [m.id, m]));
  return lessons.map((l) => {
    const meeting = l.meeting_id ? meetings.get(l.meeting_id) : undefined;
    return {
      title: l.title,
      text: l.body,
      theme: l.theme,
      areaName: l.area_name,
      tags: l.tags,
      isIllustrative: l.is_illustrative,
      meeting: meeting && l.meeting_part ? { heldOn: meeting.held_on, hostMunicipality: meeting.host_municipality, part: l.meeting_part } : null,
      recordedOn: calendarDayOf(new Date(l.created_at)),
    };
  });
}
