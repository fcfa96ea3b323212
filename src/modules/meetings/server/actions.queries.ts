import { sql } from 'kysely';
import { meetingVisibleTo, type MeetingScope } from './meetings.queries.js';
import type { MeetingsDb } from './meetings.tables.js';

/** SQL of action items: owner, due date, status. */

export interface ActionRow {
  id: string;
  meeting_id: string;
  meeting_title: string;
  meeting_held_on: string;
  meeting_municipality: string;
  agenda_item_id: string | null;
  decision_id: string | null;
  title: string;
  owner_user_id: string | null;
  owner_user_name: string | null;
  owner_organisation_id: string;
  owner_organisation_name: string;
  due_date: string;
  status: string;
  status_note: string;
}

function actionColumns(db: MeetingsDb) {
  return db
    .selectFrom('meeting_actions')
    .innerJoin('meetings', 'meetings.id', 'meeting_actions.meeting_id')
    .innerJoin('organisations', 'organisations.id', 'meeting_actions.owner_organisation_id')
    .leftJoin('users', 'users.id', 'meeting_actions.owner_user_id')
    .select([
      'meeting_actions.id',
      'meeting_actions.meeting_id',
      'meetings.title as meeting_title',
      sql<string>`meetings.held_on::text`.as('meeting_held_on'),
      'meetings.municipality_code as meeting_municipality',
      'meeting_actions.agenda_item_id',
      'meeting_actions.decision_id',
      'meeting_actions.title',
      'meeting_actions.owner_user_id',
      'users.display_name as owner_user_name',
      'meeting_actions.owner_organisation_id',
      'organisations.name as owner_organisation_name',
      sql<string>`meeting_actions.due_date::text`.as('due_date'),
      'meeting_actions.status',
      'meeting_actions.status_note',
    ]);
}

export async function findActionsOfMeeting(db: MeetingsDb, meetingId: string): Promise<ActionRow[]> {
  return actionColumns(db).where('meeting_actions.meeting_id', '=', meetingId).orderBy('meeting_actions.due_date').orderBy('meeting_actions.created_at').execute();
}

export async function findAction(db: MeetingsDb, id: string): Promise<ActionRow | undefined> {
  return actionColumns(db).where('meeting_actions.id', '=', id).executeTakeFirst();
}

/** Actions owned by the user, or by their organisation without a named person. */
export async function findActionsOwnedBy(db: MeetingsDb, owner: { userId: string; organisationId: string }, openOnly: boolean): Promise<ActionRow[]> {
  let query = actionColumns(db).where((eb) =>
    eb.or([
      eb('meeting_actions.owner_user_id', '=', owner.userId),
      eb.and([eb('meeting_actions.owner_organisation_id', '=', owner.organisationId), eb('meeting_actions.owner_user_id', 'is', null)]),
    ]),
  );
  if (openOnly) query = query.where('meeting_actions.status', 'in', ['open', 'in_progress']);
  return query.orderBy('meeting_actions.due_date').orderBy('meeting_actions.created_at').limit(1000).execute();
}

export async function findOverdueActions(db: MeetingsDb, scope: MeetingScope, today: string): Promise<ActionRow[]> {
  return actionColumns(db)
    .where(meetingVisibleTo(scope))
    .where('meeting_actions.status', 'in', ['open', 'in_progress'])
    .where(sql<boolean>`meeting_actions.due_date < ${today}::date`)
    .orderBy('meeting_actions.due_date')
    .orderBy('meeting_actions.created_at')
    .limit(500)
    .execute();
}

export async function insertAction(
  db: MeetingsDb,
  action: { meetingId: string; agendaItemId: string | null; decisionId: string | null; title: string; ownerUserId: string | null; ownerOrganisationId: string; dueDate: string; createdBy: string | null },
): Promise<string> {
  const row = await db
    .insertInto('meeting_actions')
    .values({
      meeting_id: action.meetingId,
      agenda_item_id: action.agendaItemId,
      decision_id: action.decisionId,
      title: action.title,
      owner_user_id: action.ownerUserId,
      owner_organisation_id: action.ownerOrganisationId,
      due_date: action.dueDate,
      created_by: action.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActionRow(
  db: MeetingsDb,
  id: string,
  changes: { status?: string; statusNote?: string; dueDate?: string; ownerUserId?: string | null; ownerOrganisationId?: string; completedAt?: Date | null },
  at: Date,
): Promise<void> {
  await db
    .updateTable('meeting_actions')
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.statusNote !== undefined ? { status_note: changes.statusNote } : {}),
      ...(changes.dueDate !== undefined ? { due_date: changes.dueDate } : {}),
      ...(changes.ownerUserId !== undefined ? { owner_user_id: changes.ownerUserId } : {}),
      ...(changes.ownerOrganisationId !== undefined ? { owner_organisation_id: changes.ownerOrganisationId } : {}),
      ...(changes.completedAt !== undefined ? { completed_at: changes.completedAt } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** Active users and organisations that can own an action. */
export async function findActiveUser(db: MeetingsDb, id: string): Promise<{ id: string; organisation_id: string } | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.organisation_id'])
    .where('users.id', '=', id)
    .where('users.disabled_at', 'is', null)
    .where('organisations.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function findActiveOrganisations(db: MeetingsDb, ids?: readonly string[]): Promise<{ id: string; name: string }[]> {
  let query = db.selectFrom('organisations').select(['id', 'name']).where('disabled_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  return query.orderBy('name').execute();
}

export async function findActiveUsersWithOrganisation(db: MeetingsDb): Promise<{ id: string; display_name: string; organisation_id: string; organisation_name: string }[]> {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.display_name', 'users.organisation_id', 'organisations.name as organisation_name'])
    .where('users.disabled_at', 'is', null)
    .where('organisations.disabled_at', 'is', null)
    .orderBy('organisations.name')
    .orderBy('users.display_name')
    .limit(2000)
    .execute();
}

/** Decisions that need follow-up and do not have it done yet, with the count of their open actions. */
export async function findWaitingDecisions(
  db: MeetingsDb,
  scope: MeetingScope,
): Promise<{ id: string; text: string; meeting_id: string; meeting_title: string; meeting_held_on: string; action_count: number; open_action_count: number }[]> {
  return db
    .selectFrom('meeting_decisions')
    .innerJoin('meetings', 'meetings.id', 'meeting_decisions.meeting_id')
    .select([
      'meeting_decisions.id',
      'meeting_decisions.text',
      'meetings.id as meeting_id',
      'meetings.title as meeting_title',
      sql<string>`meetings.held_on::text`.as('meeting_held_on'),
      sql<number>`(SELECT count(*)::int FROM meeting_actions a WHERE a.decision_id = meeting_decisions.id AND a.status <> 'cancelled')`.as('action_count'),
      sql<number>`(SELECT count(*)::int FROM meeting_actions a WHERE a.decision_id = meeting_decisions.id AND a.status IN ('open', 'in_progress'))`.as('open_action_count'),
    ])
    .where(meetingVisibleTo(scope))
    .where('meeting_decisions.requires_action', '=', true)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM meeting_actions a WHERE a.decision_id = meeting_decisions.id AND a.status <> 'cancelled')
        OR EXISTS (SELECT 1 FROM meeting_actions a WHERE a.decision_id = meeting_decisions.id AND a.status IN ('open', 'in_progress'))`,
    )
    .orderBy('meetings.held_on')
    .orderBy('meeting_decisions.created_at')
    .limit(500)
    .execute();
}

/** Agenda items of meetings already held but still open, that have neither a decision nor a reason for none. */
export async function findItemsWithoutOutcome(
  db: MeetingsDb,
  scope: MeetingScope,
  today: string,
): Promise<{ id: string; title: string; meeting_id: string; meeting_title: string; meeting_held_on: string }[]> {
  return db
    .selectFrom('meeting_agenda_items')
    .innerJoin('meetings', 'meetings.id', 'meeting_agenda_items.meeting_id')
    .select(['meeting_agenda_items.id', 'meeting_agenda_items.title', 'meetings.id as meeting_id', 'meetings.title as meeting_title', sql<string>`meetings.held_on::text`.as('meeting_held_on')])
    .where(meetingVisibleTo(scope))
    .where('meetings.status', '=', 'open')
    .where(sql<boolean>`meetings.held_on < ${today}::date`)
    .where('meeting_agenda_items.no_decision_reason', 'is', null)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM meeting_decisions d WHERE d.agenda_item_id = meeting_agenda_items.id)`)
    .orderBy('meetings.held_on')
    .orderBy('meeting_agenda_items.position')
    .limit(500)
    .execute();
}
