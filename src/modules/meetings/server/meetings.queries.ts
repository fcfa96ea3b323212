import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { MeetingsDb, MeetingsTables } from './meetings.tables.js';

/** SQL of meetings, participants, agenda items, links and decisions. Actions and escalations have their own files. */

/** What limits the meetings a caller sees (see meeting-access.ts for the rule). */
export interface MeetingScope {
  /** Null: every meeting (municipal roles); otherwise only meetings this organisation takes part in or owns an action of. */
  partnerOrganisationId: string | null;
  partnerUserId: string | null;
  /** CBS codes (municipality or area) the caller is limited to; empty = no limit. */
  areaScopes: readonly string[];
}

type Eb = ExpressionBuilder<Database & MeetingsTables, 'meetings'>;

export function meetingVisibleTo(scope: MeetingScope) {
  return (eb: Eb) => {
    const conditions = [];
    if (scope.areaScopes.length > 0) {
      conditions.push(eb.or([eb('meetings.municipality_code', 'in', scope.areaScopes), eb('meetings.area_code', 'in', scope.areaScopes)]));
    }
    if (scope.partnerOrganisationId !== null) {
      const org = scope.partnerOrganisationId;
      conditions.push(
        eb.or([
          eb.exists(eb.selectFrom('meeting_participants as p').select('p.meeting_id').whereRef('p.meeting_id', '=', 'meetings.id').where('p.organisation_id', '=', org)),
          eb.exists(
            eb
              .selectFrom('meeting_actions as a')
              .select('a.id')
              .whereRef('a.meeting_id', '=', 'meetings.id')
              .where((w) => w.or([w('a.owner_organisation_id', '=', org), ...(scope.partnerUserId ? [w('a.owner_user_id', '=', scope.partnerUserId)] : [])])),
          ),
        ]),
      );
    }
    return eb.and(conditions);
  };
}

export interface MeetingRow {
  id: string;
  municipality_code: string;
  area_code: string | null;
  kind: string;
  title: string;
  held_on: string;
  location: string;
  status: string;
  is_demo: boolean;
  closed_at: Date | null;
  agenda_item_count: number;
  open_action_count: number;
  overdue_action_count: number;
}

function meetingColumns(db: MeetingsDb, today: string) {
  return db
    .selectFrom('meetings')
    .select([
      'meetings.id',
      'meetings.municipality_code',
      'meetings.area_code',
      'meetings.kind',
      'meetings.title',
      sql<string>`meetings.held_on::text`.as('held_on'),
      'meetings.location',
      'meetings.status',
      'meetings.is_demo',
      'meetings.closed_at',
      sql<number>`(SELECT count(*)::int FROM meeting_agenda_items i WHERE i.meeting_id = meetings.id)`.as('agenda_item_count'),
      sql<number>`(SELECT count(*)::int FROM meeting_actions a WHERE a.meeting_id = meetings.id AND a.status IN ('open', 'in_progress'))`.as('open_action_count'),
      sql<number>`(SELECT count(*)::int FROM meeting_actions a WHERE a.meeting_id = meetings.id AND a.status IN ('open', 'in_progress') AND a.due_date < ${today}::date)`.as(
        'overdue_action_count',
      ),
    ]);
}

export async function findMeetings(db: MeetingsDb, scope: MeetingScope, filter: { kind?: string | undefined; status?: string | undefined }, today: string): Promise<MeetingRow[]> {
  let query = meetingColumns(db, today).where(meetingVisibleTo(scope));
  if (filter.kind) query = query.where('meetings.kind', '=', filter.kind);
  if (filter.status) query = query.where('meetings.status', '=', filter.status);
  return query.orderBy('meetings.held_on', 'desc').orderBy('meetings.created_at', 'desc').limit(500).execute();
}

export async function findMeeting(db: MeetingsDb, scope: MeetingScope, id: string, today: string): Promise<MeetingRow | undefined> {
  return meetingColumns(db, today).where('meetings.id', '=', id).where(meetingVisibleTo(scope)).executeTakeFirst();
}

/** Locks the meeting row, so closing and adding to the agenda do not interleave. */
export async function lockMeeting(db: MeetingsDb, id: string): Promise<{ id: string; status: string; municipality_code: string; title: string } | undefined> {
  return db.selectFrom('meetings').select(['id', 'status', 'municipality_code', 'title']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertMeeting(
  db: MeetingsDb,
  meeting: { municipality: string; areaCode: string | null; kind: string; title: string; heldOn: string; location: string; createdBy: string | null; demo: boolean },
): Promise<string> {
  const row = await db
    .insertInto('meetings')
    .values({
      municipality_code: meeting.municipality,
      area_code: meeting.areaCode,
      kind: meeting.kind,
      title: meeting.title,
      held_on: meeting.heldOn,
      location: meeting.location,
      is_demo: meeting.demo,
      created_by: meeting.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertParticipants(db: MeetingsDb, meetingId: string, organisationIds: readonly string[]): Promise<void> {
  if (organisationIds.length === 0) return;
  await db.insertInto('meeting_participants').values(organisationIds.map((organisation_id) => ({ meeting_id: meetingId, organisation_id }))).execute();
}

export async function findParticipants(db: MeetingsDb, meetingId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('meeting_participants')
    .innerJoin('organisations', 'organisations.id', 'meeting_participants.organisation_id')
    .select(['organisations.id', 'organisations.name'])
    .where('meeting_participants.meeting_id', '=', meetingId)
    .orderBy('organisations.name')
    .execute();
}

export async function closeMeetingRow(db: MeetingsDb, id: string, closedBy: string | null, at: Date): Promise<void> {
  await db.updateTable('meetings').set({ status: 'closed', closed_at: at, closed_by: closedBy }).where('id', '=', id).execute();
}

export async function findDemoMeeting(db: MeetingsDb, title: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('meetings').select('id').where('is_demo', '=', true).where('title', '=', title).executeTakeFirst();
}

// ---- agenda items, links, decisions ----

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  description: string;
  no_decision_reason: string | null;
}

export async function insertAgendaItem(db: MeetingsDb, item: { meetingId: string; title: string; description: string }): Promise<AgendaItemRow> {
  const next = await db
    .selectFrom('meeting_agenda_items')
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('position'))
    .where('meeting_id', '=', item.meetingId)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('meeting_agenda_items')
    .values({ meeting_id: item.meetingId, position: next.position, title: item.title, description: item.description })
    .returning(['id', 'meeting_id', 'position', 'title', 'description', 'no_decision_reason'])
    .executeTakeFirstOrThrow();
}

export async function findAgendaItems(db: MeetingsDb, meetingId: string): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('meeting_agenda_items')
    .select(['id', 'meeting_id', 'position', 'title', 'description', 'no_decision_reason'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function findAgendaItem(db: MeetingsDb, id: string): Promise<AgendaItemRow | undefined> {
  return db.selectFrom('meeting_agenda_items').select(['id', 'meeting_id', 'position', 'title', 'description', 'no_decision_reason']).where('id', '=', id).executeTakeFirst();
}

export async function setNoDecisionReason(db: MeetingsDb, id: string, reason: string | null): Promise<void> {
  await db.updateTable('meeting_agenda_items').set({ no_decision_reason: reason }).where('id', '=', id).execute();
}

export async function insertLinks(db: MeetingsDb, agendaItemId: string, links: readonly { kind: string; id: string; label: string }[]): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('meeting_item_links')
    .values(links.map((l) => ({ agenda_item_id: agendaItemId, kind: l.kind, target_id: l.id, label: l.label })))
    .execute();
}

export async function findLinks(db: MeetingsDb, agendaItemIds: readonly string[]): Promise<{ agenda_item_id: string; kind: string; target_id: string; label: string }[]> {
  if (agendaItemIds.length === 0) return [];
  return db
    .selectFrom('meeting_item_links')
    .select(['agenda_item_id', 'kind', 'target_id', 'label'])
    .where('agenda_item_id', 'in', agendaItemIds)
    .orderBy('kind')
    .orderBy('label')
    .execute();
}

export interface DecisionRow {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  text: string;
  requires_action: boolean;
  created_at: Date;
  is_public: boolean;
}

export async function insertDecision(db: MeetingsDb, decision: { meetingId: string; agendaItemId: string; text: string; requiresAction: boolean; createdBy: string | null }): Promise<DecisionRow> {
  return db
    .insertInto('meeting_decisions')
    .values({ meeting_id: decision.meetingId, agenda_item_id: decision.agendaItemId, text: decision.text, requires_action: decision.requiresAction, created_by: decision.createdBy })
    .returning(['id', 'meeting_id', 'agenda_item_id', 'text', 'requires_action', 'created_at', 'is_public'])
    .executeTakeFirstOrThrow();
}

export async function findDecisions(db: MeetingsDb, meetingId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('meeting_decisions')
    .select(['id', 'meeting_id', 'agenda_item_id', 'text', 'requires_action', 'created_at', 'is_public'])
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findDecision(db: MeetingsDb, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('meeting_decisions').select(['id', 'meeting_id', 'agenda_item_id', 'text', 'requires_action', 'created_at', 'is_public']).where('id', '=', id).executeTakeFirst();
}

/** Show the decision to residents (at, by) or stop (null). */
export async function updateDecisionPublication(db: MeetingsDb, id: string, publication: { at: Date; by: string | null } | null): Promise<void> {
  await db
    .updateTable('meeting_decisions')
    .set({ is_public: publication !== null, made_public_at: publication?.at ?? null, made_public_by: publication?.by ?? null })
    .where('id', '=', id)
    .execute();
}

/** The public decisions of these meetings, oldest first. */
export async function findPublicDecisions(db: MeetingsDb, meetingIds: readonly string[]): Promise<DecisionRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_decisions')
    .select(['id', 'meeting_id', 'agenda_item_id', 'text', 'requires_action', 'created_at', 'is_public'])
    .where('meeting_id', 'in', [...meetingIds])
    .where('is_public', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
