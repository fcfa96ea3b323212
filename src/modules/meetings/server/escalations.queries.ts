import type { MeetingsDb } from './meetings.tables.js';

/** SQL of escalations to the administrators' agenda. */

export interface EscalationRow {
  id: string;
  municipality_code: string;
  subject_kind: string;
  subject_id: string;
  subject_label: string;
  meeting_id: string | null;
  reason: string;
  status: string;
  escalated_by_name: string | null;
  escalated_at: Date;
  resolution: string | null;
  handled_at: Date | null;
}

function escalationColumns(db: MeetingsDb) {
  return db
    .selectFrom('escalations')
    .leftJoin('users', 'users.id', 'escalations.escalated_by')
    .select([
      'escalations.id',
      'escalations.municipality_code',
      'escalations.subject_kind',
      'escalations.subject_id',
      'escalations.subject_label',
      'escalations.meeting_id',
      'escalations.reason',
      'escalations.status',
      'users.display_name as escalated_by_name',
      'escalations.escalated_at',
      'escalations.resolution',
      'escalations.handled_at',
    ]);
}

export async function findEscalations(db: MeetingsDb, filter: { status?: string | undefined; municipalities: readonly string[] | null }): Promise<EscalationRow[]> {
  let query = escalationColumns(db);
  if (filter.status) query = query.where('escalations.status', '=', filter.status);
  if (filter.municipalities) {
    if (filter.municipalities.length === 0) return [];
    query = query.where('escalations.municipality_code', 'in', filter.municipalities);
  }
  return query.orderBy('escalations.status').orderBy('escalations.escalated_at', 'desc').limit(500).execute();
}

export async function findEscalation(db: MeetingsDb, id: string): Promise<EscalationRow | undefined> {
  return escalationColumns(db).where('escalations.id', '=', id).executeTakeFirst();
}

export async function findOpenEscalationFor(db: MeetingsDb, kind: string, subjectId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('escalations').select('id').where('subject_kind', '=', kind).where('subject_id', '=', subjectId).where('status', '=', 'open').executeTakeFirst();
}

export async function insertEscalation(
  db: MeetingsDb,
  escalation: { municipality: string; kind: string; subjectId: string; label: string; meetingId: string | null; reason: string; escalatedBy: string | null; at: Date },
): Promise<string> {
  const row = await db
    .insertInto('escalations')
    .values({
      municipality_code: escalation.municipality,
      subject_kind: escalation.kind,
      subject_id: escalation.subjectId,
      subject_label: escalation.label,
      meeting_id: escalation.meetingId,
      reason: escalation.reason,
      escalated_by: escalation.escalatedBy,
      escalated_at: escalation.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markEscalationHandled(db: MeetingsDb, id: string, handled: { resolution: string; by: string | null; at: Date }): Promise<void> {
  await db.updateTable('escalations').set({ status: 'handled', resolution: handled.resolution, handled_by: handled.by, handled_at: handled.at }).where('id', '=', id).execute();
}

/** `kind:id` of every open escalation, to mark escalated rows on the dashboard. */
export async function findOpenEscalationKeys(db: MeetingsDb): Promise<Set<string>> {
  const rows = await db.selectFrom('escalations').select(['subject_kind', 'subject_id']).where('status', '=', 'open').execute();
  return new Set(rows.map((r) => `${r.subject_kind}:${r.subject_id}`));
}
