import type { Kysely } from 'kysely';
import { hasPermission, type Database } from '../../../platform/server/index.js';
import { findActionsOwnedBy, findOverdueActions, type ActionRow } from './actions.queries.js';
import { addDays, daysBetween, isOverdue } from './calendar-date.js';
import { findEscalations } from './escalations.queries.js';
import { escalationMunicipalities } from './escalations.service.js';
import { canManageMeetings, meetingScopeOf, type MeetingsActor } from './meeting-access.js';
import { meetingsDb } from './meetings.tables.js';

/** For the personal worklist (worklist module): actions and escalations as they concern one person. */

export interface WorklistAction {
  id: string;
  title: string;
  meetingId: string;
  meetingTitle: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  daysOverdue: number;
  /** The named person, or the organisation when no person is named. */
  ownerName: string;
  /** Whether a person is named as owner (otherwise the organisation as a whole owns it). */
  ownedByPerson: boolean;
}

export interface WorklistActions {
  /** Open actions the actor owns (named, or their organisation without a named person) that are overdue or due within `horizonDays`. */
  own: WorklistAction[];
  /** For whoever runs meetings (meetings.manage): other owners' overdue actions in meetings they may see, to follow up. */
  followUp: WorklistAction[];
  /** Every action the actor owns, whatever its status or due date (to look up recent changes to them). */
  ownedIds: { id: string; title: string; meetingId: string; meetingTitle: string }[];
}

function present(row: ActionRow, today: string): WorklistAction {
  const overdue = isOverdue({ status: row.status, dueDate: row.due_date }, today);
  return {
    id: row.id,
    title: row.title,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    dueDate: row.due_date,
    status: row.status,
    overdue,
    daysOverdue: overdue ? daysBetween(row.due_date, today) : 0,
    ownerName: row.owner_user_name ?? row.owner_organisation_name,
    ownedByPerson: row.owner_user_id !== null,
  };
}

export async function listActionsForWorklist(db: Kysely<Database>, actor: MeetingsActor, today: string, horizonDays: number): Promise<WorklistActions> {
  if (actor.userId === null || actor.organisationId === null || !hasPermission(actor.roles, 'meetings.read')) return { own: [], followUp: [], ownedIds: [] };
  const mdb = meetingsDb(db);
  const owner = { userId: actor.userId, organisationId: actor.organisationId };
  const [owned, overdue] = await Promise.all([findActionsOwnedBy(mdb, owner, false), canManageMeetings(actor) ? findOverdueActions(mdb, meetingScopeOf(actor), today) : Promise.resolve([])]);
  const horizon = addDays(today, horizonDays);
  const ownIds = new Set(owned.map((r) => r.id));
  return {
    own: owned.filter((r) => (r.status === 'open' || r.status === 'in_progress') && r.due_date <= horizon).map((r) => present(r, today)),
    followUp: overdue.filter((r) => !ownIds.has(r.id)).map((r) => present(r, today)),
    ownedIds: owned.map((r) => ({ id: r.id, title: r.title, meetingId: r.meeting_id, meetingTitle: r.meeting_title })),
  };
}

export interface WorklistEscalation {
  id: string;
  subjectKind: string;
  subjectId: string;
  subjectLabel: string;
  meetingId: string | null;
  escalatedBy: string | null;
  escalatedAt: string;
}

/**
 * Open escalations that concern the actor: for whoever reads the Regie dashboard (direction.read: the
 * programme manager who records the outcome, the administrators who decide) every open one within their
 * municipalities; for anyone else those about an action they own (`actionIds`), an activity they own
 * (`activityIds`), or that they raised.
 */
export async function listEscalationsConcerning(db: Kysely<Database>, actor: MeetingsActor, owned: { actionIds: readonly string[]; activityIds: readonly string[] }): Promise<WorklistEscalation[]> {
  const direction = hasPermission(actor.roles, 'direction.read');
  const rows = await findEscalations(meetingsDb(db), { status: 'open', municipalities: direction ? escalationMunicipalities(actor) : null });
  const actions = new Set(owned.actionIds);
  const activities = new Set(owned.activityIds);
  return rows
    .filter((r) => direction || (r.subject_kind === 'action' && actions.has(r.subject_id)) || (r.subject_kind === 'activity' && activities.has(r.subject_id)))
    .map((r) => ({ id: r.id, subjectKind: r.subject_kind, subjectId: r.subject_id, subjectLabel: r.subject_label, meetingId: r.meeting_id, escalatedBy: r.escalated_by_name, escalatedAt: r.escalated_at.toISOString() }));
}
