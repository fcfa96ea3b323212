import type { Kysely } from 'kysely';
import { AppError, conflict, invalid, notFound, withAudit, type Database } from '../../../platform/server/index.js';
import type { Escalation, EscalationSubjectKind } from '../contract.js';
import { findAction } from './actions.queries.js';
import { calendarDate } from './calendar-date.js';
import { findEscalation, findEscalations, findOpenEscalationFor, insertEscalation, markEscalationHandled, type EscalationRow } from './escalations.queries.js';
import { meetingScopeOf, type MeetingsActor } from './meeting-access.js';
import { findAgendaItem, findDecision, findMeeting } from './meetings.queries.js';
import { meetingsDb, type MeetingsDb } from './meetings.tables.js';
import { asRequestActor } from './link-targets.js';
import { findProgrammeLinkTarget } from './programme-links.js';

/**
 * Escalation puts something that is stuck on the administrators' agenda (bestuurlijke agenda) with the
 * reason; the programme manager records how the administrators settled it. One open escalation per subject.
 */

type Db = Kysely<Database>;

export function presentEscalation(row: EscalationRow): Escalation {
  return {
    id: row.id,
    subject: { kind: row.subject_kind as EscalationSubjectKind, id: row.subject_id, label: row.subject_label },
    meetingId: row.meeting_id,
    reason: row.reason,
    status: row.status === 'handled' ? 'handled' : 'open',
    escalatedBy: row.escalated_by_name,
    escalatedAt: row.escalated_at.toISOString(),
    resolution: row.resolution,
    handledAt: row.handled_at ? row.handled_at.toISOString() : null,
  };
}

/** Municipalities whose escalations the caller sees; null = all (no area scope). */
export function escalationMunicipalities(actor: MeetingsActor): readonly string[] | null {
  return actor.areaScopes.length === 0 ? null : actor.areaScopes.filter((code) => /^GM\d{4}$/.test(code));
}

interface Subject {
  label: string;
  municipality: string;
  meetingId: string | null;
}

async function findSubject(mdb: MeetingsDb, db: Db, actor: MeetingsActor, kind: EscalationSubjectKind, id: string, today: string): Promise<Subject | null> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const visibleMeeting = async (meetingId: string) => findMeeting(mdb, meetingScopeOf(actor), meetingId, today);
  if (kind === 'action') {
    const row = uuid ? await findAction(mdb, id) : undefined;
    const meeting = row && (await visibleMeeting(row.meeting_id));
    return row && meeting ? { label: row.title, municipality: meeting.municipality_code, meetingId: meeting.id } : null;
  }
  if (kind === 'decision') {
    const row = uuid ? await findDecision(mdb, id) : undefined;
    const meeting = row && (await visibleMeeting(row.meeting_id));
    return row && meeting ? { label: row.text.slice(0, 300), municipality: meeting.municipality_code, meetingId: meeting.id } : null;
  }
  if (kind === 'agenda_item') {
    const row = uuid ? await findAgendaItem(mdb, id) : undefined;
    const meeting = row && (await visibleMeeting(row.meeting_id));
    return row && meeting ? { label: row.title, municipality: meeting.municipality_code, meetingId: meeting.id } : null;
  }
  const target = await findProgrammeLinkTarget(db, asRequestActor(actor), kind, id);
  return target ? { label: target.label, municipality: target.municipalityCode, meetingId: null } : null;
}

export async function escalate(db: Db, actor: MeetingsActor, input: { subject: { kind: EscalationSubjectKind; id: string }; reason: string }, now: Date): Promise<Escalation> {
  const today = calendarDate(now);
  return db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const subject = await findSubject(mdb, tx, actor, input.subject.kind, input.subject.id, today);
    if (!subject) throw invalid('escalation.unknown_subject', `Unknown ${input.subject.kind}`, [{ path: 'subject.id', message: `unknown ${input.subject.kind} ${input.subject.id}` }]);
    if (await findOpenEscalationFor(mdb, input.subject.kind, input.subject.id)) {
      throw conflict('escalation.already_open', 'This is already on the administrators\u2019 agenda');
    }
    const id = await insertEscalation(mdb, {
      municipality: subject.municipality,
      kind: input.subject.kind,
      subjectId: input.subject.id,
      label: subject.label,
      meetingId: subject.meetingId,
      reason: input.reason,
      escalatedBy: actor.userId,
      at: now,
    });
    await withAudit(tx, actor, 'escalation.create', { type: 'escalation', id }, { subject: input.subject, reason: input.reason });
    const row = await findEscalation(mdb, id);
    if (!row) throw new Error('escalation vanished after insert');
    return presentEscalation(row);
  });
}

export async function handleEscalation(db: Db, actor: MeetingsActor, id: string, input: { resolution: string }, now: Date): Promise<Escalation> {
  return db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const row = await findEscalation(mdb, id);
    const municipalities = escalationMunicipalities(actor);
    if (!row || (municipalities !== null && !municipalities.includes(row.municipality_code))) throw notFound('Escalation', 'escalation.not_found');
    if (row.status === 'handled') throw conflict('escalation.handled', 'This escalation was handled already');
    await markEscalationHandled(mdb, id, { resolution: input.resolution, by: actor.userId, at: now });
    await withAudit(tx, actor, 'escalation.handle', { type: 'escalation', id }, { resolution: input.resolution });
    const updated = await findEscalation(mdb, id);
    if (!updated) throw new AppError('escalation.not_found', 404, 'Escalation not found');
    return presentEscalation(updated);
  });
}

export async function listEscalations(db: Db, actor: MeetingsActor, status: 'open' | 'handled' | undefined): Promise<{ items: Escalation[] }> {
  const rows = await findEscalations(meetingsDb(db), { status, municipalities: escalationMunicipalities(actor) });
  return { items: rows.map(presentEscalation) };
}
