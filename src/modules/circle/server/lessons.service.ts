import type { Kysely } from 'kysely';
import { invalid, notFound, withAudit, type Actor, type AuditActor, type Database } from '../../../platform/server/index.js';
import { MEETING_PARTS, type CreateLesson, type UpdateLesson, type CreateMeeting, type Lesson, type Meeting, type MeetingPart, type MeetingSummary } from '../contract.js';
import { circleDb } from './circle.tables.js';
import * as q from './lessons.queries.js';

/**
 * Lesson items and circle meetings in the four-part format (nieuws, intervisie, thema, projectbezoek). A lesson
 * may come from a part of a meeting and links back to it. Lessons start internal; sharing is shares.service.ts.
 */

export function toLesson(row: q.LessonRow): Lesson {
  return {
    id: row.id,
    title: row.title,
    text: row.body,
    theme: row.theme,
    areaName: row.area_name,
    tags: row.tags,
    meetingId: row.meeting_id,
    meetingPart: row.meeting_part as MeetingPart | null,
    isIllustrative: row.is_illustrative,
    shareLevel: (row.share_level as Lesson['shareLevel'] | null) ?? 'internal',
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listLessons(db: Kysely<Database>): Promise<Lesson[]> {
  return (await q.findLessons(circleDb(db))).map(toLesson);
}

export async function readLesson(db: Kysely<Database>, id: string): Promise<Lesson> {
  const [row] = await q.findLessons(circleDb(db), { id });
  if (!row) throw notFound('Lesson', 'circle.lesson_not_found');
  return toLesson(row);
}

export async function createLesson(db: Kysely<Database>, actor: Actor | AuditActor, body: CreateLesson, options: { isIllustrative?: boolean } = {}): Promise<Lesson> {
  const meetingId = body.meetingId ?? null;
  const meetingPart = body.meetingPart ?? null;
  if ((meetingId === null) !== (meetingPart === null)) {
    throw invalid('circle.lesson_meeting_part', 'A lesson from a meeting names both the meeting and its part', [{ path: meetingId ? 'body.meetingPart' : 'body.meetingId', message: 'required with the other' }]);
  }
  const id = await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    if (meetingId && (await q.findMeetings(cdb, meetingId)).length === 0) throw invalid('circle.unknown_meeting', 'No such circle meeting', [{ path: 'body.meetingId', message: 'not a known meeting' }]);
    const tags = [...new Set((body.tags ?? []).map((t) => t.trim()))];
    const id = await q.insertLesson(cdb, {
      title: body.title,
      body: body.text,
      theme: body.theme,
      area_name: body.areaName ?? null,
      tags,
      meeting_id: meetingId,
      meeting_part: meetingPart,
      created_by: 'roles' in actor ? actor.userId : null,
      is_illustrative: options.isIllustrative ?? false,
      search_text: [body.title, body.text, body.theme, ...tags].join(' '),
    });
    await withAudit(tx, actor, 'circle.lesson.create', { type: 'circle_lesson', id }, { title: body.title, theme: body.theme, meetingId, meetingPart, illustrative: options.isIllustrative ?? false });
    return id;
  });
  return readLesson(db, id);
}

/**
 * Changes a lesson's content. Any programme manager may (circle.manage): lessons are the installation's, not
 * their writer's, like the share levels. The bundle is the full current set, so members get the new text at the
 * next bundle; a public lesson changes on the public page at once.
 */
export async function updateLesson(db: Kysely<Database>, actor: AuditActor, id: string, body: UpdateLesson): Promise<Lesson> {
  await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const before = await cdb.selectFrom('circle_lessons').select(['title', 'body', 'theme', 'area_name', 'tags']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('Lesson', 'circle.lesson_not_found');
    const tags = [...new Set((body.tags ?? []).map((t) => t.trim()))];
    const after = { title: body.title, body: body.text, theme: body.theme, area_name: body.areaName ?? null, tags };
    await cdb
      .updateTable('circle_lessons')
      .set({ ...after, search_text: [body.title, body.text, body.theme, ...tags].join(' ') })
      .where('id', '=', id)
      .execute();
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    await withAudit(tx, actor, 'circle.lesson.update', { type: 'circle_lesson', id }, { title: body.title, previousTitle: before.title, changed });
  });
  return readLesson(db, id);
}

/**
 * Deletes a lesson and its share level. It leaves the next bundle (members see it withdrawn) and the public page
 * at once. The audit row keeps its title and the level it had.
 */
export async function deleteLesson(db: Kysely<Database>, actor: AuditActor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const lesson = await cdb.deleteFrom('circle_lessons').where('id', '=', id).returning(['title', 'theme']).executeTakeFirst();
    if (!lesson) throw notFound('Lesson', 'circle.lesson_not_found');
    const share = await cdb.deleteFrom('circle_shares').where('kind', '=', 'lesson').where('item_key', '=', id).returning('level').executeTakeFirst();
    await withAudit(tx, actor, 'circle.lesson.delete', { type: 'circle_lesson', id }, { title: lesson.title, theme: lesson.theme, shareLevel: share?.level ?? 'internal' });
  });
}

export async function listMeetings(db: Kysely<Database>): Promise<MeetingSummary[]> {
  return (await q.findMeetings(circleDb(db))).map(toSummary);
}

const toSummary = (r: q.MeetingRow): MeetingSummary => ({ id: r.id, heldOn: r.held_on, hostMunicipality: r.host_municipality, place: r.place, isIllustrative: r.is_illustrative, lessonCount: r.lesson_count });

export async function readMeeting(db: Kysely<Database>, id: string): Promise<Meeting> {
  const cdb = circleDb(db);
  const [row] = await q.findMeetings(cdb, id);
  if (!row) throw notFound('Meeting', 'circle.meeting_not_found');
  const parts = new Map((await q.findParts(cdb, id)).map((p) => [p.part, p.notes]));
  const lessons = (await q.findLessons(cdb, { meetingId: id })).map(toLesson);
  return { ...toSummary(row), parts: MEETING_PARTS.map((part) => ({ part, notes: parts.get(part) ?? '' })), lessons };
}

export async function createMeeting(db: Kysely<Database>, actor: AuditActor, body: CreateMeeting, options: { isIllustrative?: boolean } = {}): Promise<Meeting> {
  const id = await db.transaction().execute(async (tx) => {
    const cdb = circleDb(tx);
    const { id } = await cdb
      .insertInto('circle_meetings')
      .values({ held_on: body.heldOn, host_municipality: body.hostMunicipality, place: body.place, is_illustrative: options.isIllustrative ?? false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await cdb
      .insertInto('circle_meeting_parts')
      .values(MEETING_PARTS.map((part) => ({ meeting_id: id, part, notes: body.notes?.[part] ?? '' })))
      .execute();
    await withAudit(tx, actor, 'circle.meeting.create', { type: 'circle_meeting', id }, { heldOn: body.heldOn, hostMunicipality: body.hostMunicipality, place: body.place, illustrative: options.isIllustrative ?? false });
    return id;
  });
  return readMeeting(db, id);
}

export async function updatePartNotes(db: Kysely<Database>, actor: AuditActor, id: string, part: MeetingPart, notes: string): Promise<Meeting> {
  await db.transaction().execute(async (tx) => {
    const updated = await circleDb(tx).updateTable('circle_meeting_parts').set({ notes }).where('meeting_id', '=', id).where('part', '=', part).returning('part').executeTakeFirst();
    if (!updated) throw notFound('Meeting', 'circle.meeting_not_found');
    await withAudit(tx, actor, 'circle.meeting.notes', { type: 'circle_meeting', id }, { part, length: notes.length });
  });
  return readMeeting(db, id);
}
