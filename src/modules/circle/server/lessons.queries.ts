import { sql, type Selectable } from 'kysely';
import type { CircleDb, CircleLessonsTable } from './circle.tables.js';

/** SQL of the lesson items and circle meetings. */

export type LessonRow = Selectable<CircleLessonsTable> & { share_level: string | null };

export async function findLessons(db: CircleDb, filter: { id?: string; meetingId?: string } = {}): Promise<LessonRow[]> {
  let query = db
    .selectFrom('circle_lessons')
    .leftJoin('circle_shares', (join) => join.on('circle_shares.kind', '=', 'lesson').on(sql`circle_shares.item_key`, '=', sql`circle_lessons.id::text`))
    .selectAll('circle_lessons')
    .select('circle_shares.level as share_level')
    .orderBy('circle_lessons.created_at', 'desc')
    .orderBy('circle_lessons.id');
  if (filter.id) query = query.where('circle_lessons.id', '=', filter.id);
  if (filter.meetingId) query = query.where('circle_lessons.meeting_id', '=', filter.meetingId);
  return query.execute();
}

export async function insertLesson(db: CircleDb, row: { title: string; body: string; theme: string; area_name: string | null; tags: string[]; meeting_id: string | null; meeting_part: string | null; created_by: string | null; is_illustrative?: boolean; search_text: string }): Promise<string> {
  const { id } = await db.insertInto('circle_lessons').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export interface MeetingRow {
  id: string;
  held_on: string;
  host_municipality: string;
  place: string;
  is_illustrative: boolean;
  lesson_count: number;
}

export async function findMeetings(db: CircleDb, id?: string): Promise<MeetingRow[]> {
  let query = db
    .selectFrom('circle_meetings')
    .select(['id', sql<string>`held_on::text`.as('held_on'), 'host_municipality', 'place', 'is_illustrative'])
    .select((eb) => eb.selectFrom('circle_lessons').whereRef('circle_lessons.meeting_id', '=', 'circle_meetings.id').select(eb.fn.countAll<string>().as('n')).as('lesson_count'))
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc');
  if (id) query = query.where('id', '=', id);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, lesson_count: Number(r.lesson_count ?? 0) }));
}

export async function findParts(db: CircleDb, meetingId: string): Promise<{ part: string; notes: string }[]> {
  return db.selectFrom('circle_meeting_parts').select(['part', 'notes']).where('meeting_id', '=', meetingId).execute();
}
