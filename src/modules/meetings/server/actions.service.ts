import type { Kysely } from 'kysely';
import { AppError, conflict, forbidden, invalid, notFound, withAudit, type Database, type FieldError } from '../../../platform/server/index.js';
import type { Action, ActionList, ActionStatus, OwnerOptions } from '../contract.js';
import { ALLOWED_STATUS_CHANGES, statusChangeProblem } from './action-workflow.js';
import {
  findAction,
  findActionsOwnedBy,
  findActiveOrganisations,
  findActiveUser,
  findActiveUsersWithOrganisation,
  insertAction,
  updateActionRow,
  type ActionRow,
} from './actions.queries.js';
import { calendarDate, daysBetween, isOverdue } from './calendar-date.js';
import { canManageMeetings, canUpdateAction, type MeetingsActor } from './meeting-access.js';
import { findAgendaItem, findDecision, findMeeting, lockMeeting } from './meetings.queries.js';
import { meetingScopeOf } from './meeting-access.js';
import { meetingsDb, type MeetingsDb } from './meetings.tables.js';

/** Action items: every one has an owner (a person or an organisation) and a due date. */

type Db = Kysely<Database>;

export function presentAction(row: ActionRow, actor: MeetingsActor, today: string): Action {
  const overdue = isOverdue({ status: row.status, dueDate: row.due_date }, today);
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    meetingHeldOn: row.meeting_held_on,
    agendaItemId: row.agenda_item_id,
    decisionId: row.decision_id,
    title: row.title,
    owner: { userId: row.owner_user_id, userName: row.owner_user_name, organisationId: row.owner_organisation_id, organisationName: row.owner_organisation_name },
    dueDate: row.due_date,
    status: row.status as ActionStatus,
    statusNote: row.status_note,
    overdue,
    daysOverdue: overdue ? daysBetween(row.due_date, today) : 0,
    canUpdate: canUpdateAction(actor, row),
    nextStatuses: nextStatusesFor(row.status as ActionStatus, actor, row),
  };
}

/** What the status form may offer: the same rule the update applies (a partner is never offered "cancelled"). */
function nextStatusesFor(status: ActionStatus, actor: MeetingsActor, row: ActionRow): ActionStatus[] {
  if (!canUpdateAction(actor, row)) return [];
  const manager = canManageMeetings(actor);
  return [status, ...ALLOWED_STATUS_CHANGES[status].filter((to) => statusChangeProblem(status, to, manager) === null)];
}

/** The owning organisation follows from the person; a person and an organisation given together must agree. */
async function resolveOwner(db: MeetingsDb, input: { ownerUserId?: string | null | undefined; ownerOrganisationId?: string | undefined }): Promise<{ userId: string | null; organisationId: string }> {
  const errors: FieldError[] = [];
  let userId: string | null = null;
  let organisationId: string | undefined;
  if (input.ownerUserId) {
    const user = await findActiveUser(db, input.ownerUserId);
    if (!user) errors.push({ path: 'ownerUserId', message: 'not an active user', code: 'unknown_reference' });
    else {
      userId = user.id;
      organisationId = user.organisation_id;
    }
  }
  if (input.ownerOrganisationId !== undefined) {
    const [organisation] = await findActiveOrganisations(db, [input.ownerOrganisationId]);
    if (!organisation) errors.push({ path: 'ownerOrganisationId', message: 'not an active organisation', code: 'unknown_reference' });
    else if (organisationId !== undefined && organisationId !== organisation.id) errors.push({ path: 'ownerOrganisationId', message: 'the owner does not work for this organisation' });
    else organisationId = organisation.id;
  }
  if (errors.length) throw invalid('action.invalid_owner', 'The owner is not valid', errors);
  if (organisationId === undefined) throw invalid('action.no_owner', 'An action needs an owner', [{ path: 'ownerUserId', message: 'an action needs an owner: a person or an organisation' }]);
  return { userId, organisationId };
}

interface CreateActionInput {
  title: string;
  agendaItemId?: string | undefined;
  decisionId?: string | undefined;
  ownerUserId?: string | undefined;
  ownerOrganisationId?: string | undefined;
  dueDate: string;
}

export async function addAction(db: Db, actor: MeetingsActor, meetingId: string, input: CreateActionInput, now: Date): Promise<Action> {
  const today = calendarDate(now);
  return db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const meeting = await findMeeting(mdb, meetingScopeOf(actor), meetingId, today);
    if (!meeting) throw notFound('Meeting', 'meeting.not_found');
    const locked = await lockMeeting(mdb, meetingId);
    if (locked?.status !== 'open') throw conflict('meeting.closed', 'The meeting is closed: its agenda, decisions and actions are final');
    const errors: FieldError[] = [];
    let agendaItemId = input.agendaItemId ?? null;
    if (input.decisionId !== undefined) {
      const decision = await findDecision(mdb, input.decisionId);
      if (!decision || decision.meeting_id !== meetingId) errors.push({ path: 'decisionId', message: 'not a decision of this meeting' });
      else if (agendaItemId !== null && agendaItemId !== decision.agenda_item_id) errors.push({ path: 'agendaItemId', message: 'the decision belongs to another agenda item' });
      else agendaItemId = decision.agenda_item_id;
    }
    if (input.agendaItemId !== undefined) {
      const item = await findAgendaItem(mdb, input.agendaItemId);
      if (!item || item.meeting_id !== meetingId) errors.push({ path: 'agendaItemId', message: 'not an agenda item of this meeting' });
    }
    if (input.dueDate < meeting.held_on) errors.push({ path: 'dueDate', message: `the due date lies before the meeting (${meeting.held_on})`, code: 'date_before_start', params: { start: meeting.held_on } });
    if (errors.length) throw invalid('action.invalid', 'The action is not valid', errors);
    const owner = await resolveOwner(mdb, input);
    const id = await insertAction(mdb, {
      meetingId,
      agendaItemId,
      decisionId: input.decisionId ?? null,
      title: input.title,
      ownerUserId: owner.userId,
      ownerOrganisationId: owner.organisationId,
      dueDate: input.dueDate,
      createdBy: actor.userId,
    });
    await withAudit(tx, actor, 'meeting.action.create', { type: 'meeting_action', id }, {
      meetingId,
      decisionId: input.decisionId ?? null,
      title: input.title,
      ownerUserId: owner.userId,
      ownerOrganisationId: owner.organisationId,
      dueDate: input.dueDate,
    });
    const row = await findAction(mdb, id);
    if (!row) throw new Error('action vanished after insert');
    return presentAction(row, actor, today);
  });
}

/** An action in a meeting the caller may see, or 404. */
async function findVisibleAction(mdb: MeetingsDb, actor: MeetingsActor, id: string, today: string): Promise<ActionRow> {
  const row = await findAction(mdb, id);
  if (!row || !(await findMeeting(mdb, meetingScopeOf(actor), row.meeting_id, today))) throw notFound('Action', 'action.not_found');
  return row;
}

interface UpdateActionInput {
  status?: ActionStatus | undefined;
  statusNote?: string | undefined;
  dueDate?: string | undefined;
  ownerUserId?: string | null | undefined;
  ownerOrganisationId?: string | undefined;
}

export async function updateAction(db: Db, actor: MeetingsActor, id: string, input: UpdateActionInput, now: Date): Promise<Action> {
  const today = calendarDate(now);
  const manager = canManageMeetings(actor);
  return db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const row = await findVisibleAction(mdb, actor, id, today);
    if (!canUpdateAction(actor, row)) throw forbidden('Only the owner of an action or the programme manager may change it');
    const ownerChange = input.ownerUserId !== undefined || input.ownerOrganisationId !== undefined;
    if (!manager && (ownerChange || input.dueDate !== undefined)) {
      throw forbidden('The owner updates the status; the programme manager changes owner and due date');
    }
    const errors: FieldError[] = [];
    if (input.status !== undefined) {
      const problem = statusChangeProblem(row.status as ActionStatus, input.status, manager);
      if (problem) {
        if (problem.startsWith('only')) throw forbidden(problem);
        errors.push({ path: 'status', message: problem });
      }
    }
    if (input.dueDate !== undefined && input.dueDate < row.meeting_held_on) errors.push({ path: 'dueDate', message: `the due date lies before the meeting (${row.meeting_held_on})`, code: 'date_before_start', params: { start: row.meeting_held_on } });
    if (errors.length) throw invalid('action.invalid', 'The change is not valid', errors);
    let owner: { userId: string | null; organisationId: string } | undefined;
    if (ownerChange) {
      owner = await resolveOwner(mdb, {
        ownerUserId: input.ownerUserId === undefined ? row.owner_user_id : input.ownerUserId,
        ownerOrganisationId: input.ownerOrganisationId ?? (input.ownerUserId ? undefined : row.owner_organisation_id),
      });
    }
    const statusChanged = input.status !== undefined && input.status !== row.status;
    await updateActionRow(
      mdb,
      id,
      {
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.statusNote !== undefined ? { statusNote: input.statusNote } : {}),
        ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
        ...(owner ? { ownerUserId: owner.userId, ownerOrganisationId: owner.organisationId } : {}),
        ...(statusChanged ? { completedAt: input.status === 'done' ? now : null } : {}),
      },
      now,
    );
    await withAudit(tx, actor, 'meeting.action.update', { type: 'meeting_action', id }, {
      meetingId: row.meeting_id,
      from: { status: row.status, dueDate: row.due_date, ownerUserId: row.owner_user_id, ownerOrganisationId: row.owner_organisation_id },
      to: {
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
        ...(owner ? { ownerUserId: owner.userId, ownerOrganisationId: owner.organisationId } : {}),
      },
      statusNote: input.statusNote ?? null,
    });
    const updated = await findAction(mdb, id);
    if (!updated) throw new AppError('action.not_found', 404, 'Action not found');
    return presentAction(updated, actor, today);
  });
}

/** Actions of the caller, and of their organisation where no person was named; overdue first. */
export async function listMyActions(db: Db, actor: MeetingsActor, include: 'open' | 'all', now: Date): Promise<ActionList> {
  const today = calendarDate(now);
  if (actor.userId === null || actor.organisationId === null) return { items: [], today };
  const rows = await findActionsOwnedBy(meetingsDb(db), { userId: actor.userId, organisationId: actor.organisationId }, include === 'open');
  return { items: rows.map((r) => presentAction(r, actor, today)), today };
}

export async function listOwnerOptions(db: Db): Promise<OwnerOptions> {
  const mdb = meetingsDb(db);
  const [users, organisations] = await Promise.all([findActiveUsersWithOrganisation(mdb), findActiveOrganisations(mdb)]);
  return {
    users: users.map((u) => ({ id: u.id, displayName: u.display_name, organisationId: u.organisation_id, organisationName: u.organisation_name })),
    organisations,
  };
}
