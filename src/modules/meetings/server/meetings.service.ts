import type { Kysely } from 'kysely';
import { AppError, conflict, forbidden, invalid, notFound, withAudit, type Database, type FieldError, type FieldErrorCode } from '../../../platform/server/index.js';
import type { AgendaItem, CloseBlocker, LinkKind, MeetingDetail, MeetingKind, MeetingStatus, MeetingSummary } from '../contract.js';
import { presentAction } from './actions.service.js';
import { findActionsOfMeeting, findActiveOrganisations, type ActionRow } from './actions.queries.js';
import { calendarDate } from './calendar-date.js';
import { findAreaName, resolveLinks } from './link-targets.js';
import { meetingScopeOf, type MeetingsActor } from './meeting-access.js';
import {
  closeMeetingRow,
  findAgendaItem,
  findAgendaItems,
  findDecisions,
  findLinks,
  findMeeting,
  findMeetings,
  findParticipants,
  insertAgendaItem,
  insertDecision,
  insertLinks,
  insertMeeting,
  insertParticipants,
  lockMeeting,
  setNoDecisionReason,
  type AgendaItemRow,
  type DecisionRow,
  type MeetingRow,
} from './meetings.queries.js';
import { meetingsDb, type MeetingsDb } from './meetings.tables.js';

/** Meetings that end in decisions and actions: agenda, decisions, "no decision" with a reason, closing. */

type Db = Kysely<Database>;

function toSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    kind: row.kind as MeetingKind,
    title: row.title,
    heldOn: row.held_on,
    location: row.location,
    municipality: row.municipality_code,
    areaCode: row.area_code,
    status: row.status as MeetingStatus,
    demo: row.is_demo,
    agendaItemCount: row.agenda_item_count,
    openActionCount: row.open_action_count,
    overdueActionCount: row.overdue_action_count,
  };
}

export async function listMeetings(db: Db, actor: MeetingsActor, filter: { kind?: string | undefined; status?: string | undefined }, now: Date): Promise<{ items: MeetingSummary[]; today: string }> {
  const today = calendarDate(now);
  const rows = await findMeetings(meetingsDb(db), meetingScopeOf(actor), filter, today);
  return { items: rows.map(toSummary), today };
}

/** A meeting the caller may see, or 404 (also when it exists but is not theirs to see). */
export async function findVisibleMeeting(db: MeetingsDb, actor: MeetingsActor, id: string, today: string): Promise<MeetingRow> {
  const row = await findMeeting(db, meetingScopeOf(actor), id, today);
  if (!row) throw notFound('Meeting', 'meeting.not_found');
  return row;
}

/** What keeps a meeting open: items without outcome, decisions without the action that carries them out. */
export function closeBlockers(items: readonly AgendaItemRow[], decisions: readonly DecisionRow[], actions: readonly Pick<ActionRow, 'decision_id' | 'status'>[]): CloseBlocker[] {
  const blockers: CloseBlocker[] = [];
  if (items.length === 0) blockers.push({ path: 'agendaItems', message: 'the agenda is empty: a meeting without items has nothing to close', reason: 'empty_agenda', position: null, subject: null });
  for (const [i, item] of items.entries()) {
    const own = decisions.filter((d) => d.agenda_item_id === item.id);
    if (own.length === 0 && item.no_decision_reason === null) {
      blockers.push({
        path: `agendaItems.${i}`,
        message: `item ${item.position} "${item.title}" needs a decision, or a reason why there is none`,
        reason: 'item_without_outcome',
        position: item.position,
        subject: item.title,
      });
    }
    for (const decision of own) {
      if (!decision.requires_action) continue;
      const carried = actions.some((a) => a.decision_id === decision.id && a.status !== 'cancelled');
      if (!carried) {
        blockers.push({
          path: `agendaItems.${i}.decisions.${decision.id}`,
          message: `decision "${decision.text.slice(0, 80)}" needs an action with an owner and a due date`,
          reason: 'decision_without_action',
          position: item.position,
          subject: decision.text.length > 80 ? `${decision.text.slice(0, 80)}…` : decision.text,
        });
      }
    }
  }
  return blockers;
}

export async function getMeetingDetail(db: Db, actor: MeetingsActor, id: string, now: Date): Promise<MeetingDetail> {
  const mdb = meetingsDb(db);
  const today = calendarDate(now);
  const row = await findVisibleMeeting(mdb, actor, id, today);
  const [participants, items, decisions, actions] = await Promise.all([findParticipants(mdb, id), findAgendaItems(mdb, id), findDecisions(mdb, id), findActionsOfMeeting(mdb, id)]);
  const links = await findLinks(
    mdb,
    items.map((i) => i.id),
  );
  const agendaItems: AgendaItem[] = items.map((item) => ({
    id: item.id,
    position: item.position,
    title: item.title,
    description: item.description,
    noDecisionReason: item.no_decision_reason,
    links: links.filter((l) => l.agenda_item_id === item.id).map((l) => ({ kind: l.kind as LinkKind, id: l.target_id, label: l.label })),
    decisions: decisions
      .filter((d) => d.agenda_item_id === item.id)
      .map((d) => ({ id: d.id, agendaItemId: d.agenda_item_id, text: d.text, requiresAction: d.requires_action, createdAt: d.created_at.toISOString(), isPublic: d.is_public })),
  }));
  const area = await findAreaName(db, actor, row.area_code ?? row.municipality_code);
  return {
    ...toSummary(row),
    areaName: area?.name ?? null,
    participants,
    agendaItems,
    actions: actions.map((a) => presentAction(a, actor, today)),
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    closeBlockers: row.status === 'open' ? closeBlockers(items, decisions, actions) : [],
    today,
  };
}

export type MeetingAreaProblem = 'unknown_area' | 'not_an_area' | 'other_municipality';

/**
 * Whether an area (as the areas module knows it, null when unknown or outside the caller's scope) may be a
 * meeting's area in a municipality: any wijk, buurt or focus area of that municipality.
 */
export function meetingAreaProblem(area: { municipalityCode: string; level: string } | null, municipality: string): MeetingAreaProblem | null {
  if (!area) return 'unknown_area';
  if (!['wijk', 'buurt', 'focus'].includes(area.level)) return 'not_an_area';
  if (area.municipalityCode !== municipality) return 'other_municipality';
  return null;
}

/** The field messages of the API; the web form shows its own words for the same problems (by message start). */
const AREA_PROBLEM_MESSAGES: Record<MeetingAreaProblem, (code: string, municipality: string) => string> = {
  unknown_area: (code) => `unknown area ${code}: not a wijk, buurt or focus area you can see`,
  not_an_area: (code, municipality) => `${code} is not a wijk, buurt or focus area of ${municipality}`,
  other_municipality: (code, municipality) => `${code} lies outside ${municipality}`,
};

/** The stable field error codes (src/platform/shared/field-errors.ts) the form words them by. */
const AREA_PROBLEM_CODES: Record<MeetingAreaProblem, FieldErrorCode> = {
  unknown_area: 'unknown_reference',
  not_an_area: 'area_not_allowed',
  other_municipality: 'area_outside_municipality',
};

interface CreateMeetingInput {
  kind: MeetingKind;
  title: string;
  heldOn: string;
  location: string;
  municipality: string;
  areaCode?: string | undefined;
  participantOrganisationIds: string[];
}

export async function createMeeting(db: Db, actor: MeetingsActor, input: CreateMeetingInput, now: Date, options: { demo?: boolean } = {}): Promise<MeetingDetail> {
  // One casusoverleg, not two: it is recorded on its case, where the signals' need-to-know, read audit,
  // retention and data-subject export cover what it decides about persons (docs/signals.md).
  if (input.kind === 'casusoverleg') {
    throw invalid('meeting.case_meeting_on_case', 'A case meeting (casusoverleg) is recorded on its case in signals, not planned here', [
      { path: 'kind', message: 'record the case meeting on its case' },
    ]);
  }
  const errors: FieldError[] = [];
  const municipality = await findAreaName(db, actor, input.municipality);
  if (!municipality || municipality.level !== 'gemeente') errors.push({ path: 'municipality', message: `unknown municipality ${input.municipality}`, code: 'unknown_reference' });
  // The gemeente itself is "the whole gemeente": stored as no area.
  const areaCode = input.areaCode === undefined || input.areaCode === input.municipality ? undefined : input.areaCode;
  if (areaCode !== undefined) {
    const problem = meetingAreaProblem(await findAreaName(db, actor, areaCode), input.municipality);
    if (problem) errors.push({ path: 'areaCode', message: AREA_PROBLEM_MESSAGES[problem](areaCode, input.municipality), code: AREA_PROBLEM_CODES[problem] });
  }
  const participantIds = [...new Set(input.participantOrganisationIds)];
  const organisations = await findActiveOrganisations(meetingsDb(db), participantIds);
  input.participantOrganisationIds.forEach((id, i) => {
    if (!organisations.some((o) => o.id === id)) errors.push({ path: `participantOrganisationIds.${i}`, message: 'not an active organisation', code: 'unknown_reference' });
  });
  if (errors.length) throw invalid('meeting.invalid', 'The meeting is not valid', errors);
  if (actor.areaScopes.length > 0 && !actor.areaScopes.includes(input.municipality) && !(areaCode && actor.areaScopes.includes(areaCode))) {
    throw forbidden('You may only plan meetings within your area scope');
  }
  const id = await db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const meetingId = await insertMeeting(mdb, {
      municipality: input.municipality,
      areaCode: areaCode ?? null,
      kind: input.kind,
      title: input.title,
      heldOn: input.heldOn,
      location: input.location,
      createdBy: actor.userId,
      demo: options.demo === true,
    });
    await insertParticipants(mdb, meetingId, participantIds);
    await withAudit(tx, actor, 'meeting.create', { type: 'meeting', id: meetingId }, {
      kind: input.kind,
      title: input.title,
      heldOn: input.heldOn,
      municipality: input.municipality,
      areaCode: areaCode ?? null,
      participants: participantIds,
      demo: options.demo === true,
    });
    return meetingId;
  });
  return getMeetingDetail(db, actor, id, now);
}

/** The meeting row, locked, and refusing changes once it is closed. */
async function openMeetingForChange(mdb: MeetingsDb, actor: MeetingsActor, meetingId: string, today: string): Promise<{ id: string; municipality_code: string; title: string }> {
  await findVisibleMeeting(mdb, actor, meetingId, today);
  const locked = await lockMeeting(mdb, meetingId);
  if (!locked) throw notFound('Meeting', 'meeting.not_found');
  if (locked.status === 'closed') throw conflict('meeting.closed', 'The meeting is closed: its agenda, decisions and actions are final');
  return locked;
}

export async function addAgendaItem(
  db: Db,
  actor: MeetingsActor,
  meetingId: string,
  input: { title: string; description: string; links: { kind: LinkKind; id: string }[] },
  now: Date,
): Promise<MeetingDetail> {
  const today = calendarDate(now);
  const links = await resolveLinks(db, actor, input.links);
  await db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    await openMeetingForChange(mdb, actor, meetingId, today);
    const item = await insertAgendaItem(mdb, { meetingId, title: input.title, description: input.description });
    await insertLinks(mdb, item.id, links);
    await withAudit(tx, actor, 'meeting.agenda_item.create', { type: 'meeting', id: meetingId }, { agendaItemId: item.id, title: input.title, links: links.map((l) => ({ kind: l.kind, id: l.id })) });
  });
  return getMeetingDetail(db, actor, meetingId, now);
}

/** An agenda item of a visible meeting, or 404. */
async function findVisibleAgendaItem(mdb: MeetingsDb, actor: MeetingsActor, id: string, today: string): Promise<AgendaItemRow> {
  const item = await findAgendaItem(mdb, id);
  if (!item) throw notFound('Agenda item', 'agenda_item.not_found');
  await findVisibleMeeting(mdb, actor, item.meeting_id, today).catch((error: unknown) => {
    throw error instanceof AppError && error.status === 404 ? notFound('Agenda item', 'agenda_item.not_found') : error;
  });
  return item;
}

export async function setAgendaItemOutcome(db: Db, actor: MeetingsActor, itemId: string, input: { noDecisionReason: string | null }, now: Date): Promise<MeetingDetail> {
  const today = calendarDate(now);
  const meetingId = await db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const item = await findVisibleAgendaItem(mdb, actor, itemId, today);
    await openMeetingForChange(mdb, actor, item.meeting_id, today);
    if (input.noDecisionReason !== null && (await findDecisions(mdb, item.meeting_id)).some((d) => d.agenda_item_id === item.id)) {
      throw conflict('agenda_item.has_decision', 'This item already has a decision; "no decision" would contradict it');
    }
    await setNoDecisionReason(mdb, item.id, input.noDecisionReason);
    await withAudit(tx, actor, input.noDecisionReason === null ? 'meeting.agenda_item.reopen' : 'meeting.agenda_item.no_decision', { type: 'meeting', id: item.meeting_id }, {
      agendaItemId: item.id,
      reason: input.noDecisionReason,
    });
    return item.meeting_id;
  });
  return getMeetingDetail(db, actor, meetingId, now);
}

export async function addDecision(db: Db, actor: MeetingsActor, itemId: string, input: { text: string; requiresAction: boolean }, now: Date): Promise<MeetingDetail> {
  const today = calendarDate(now);
  const meetingId = await db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const item = await findVisibleAgendaItem(mdb, actor, itemId, today);
    await openMeetingForChange(mdb, actor, item.meeting_id, today);
    if (item.no_decision_reason !== null) throw conflict('agenda_item.no_decision', 'This item was closed without a decision; withdraw that first');
    const decision = await insertDecision(mdb, { meetingId: item.meeting_id, agendaItemId: item.id, text: input.text, requiresAction: input.requiresAction, createdBy: actor.userId });
    await withAudit(tx, actor, 'meeting.decision.create', { type: 'meeting', id: item.meeting_id }, {
      agendaItemId: item.id,
      decisionId: decision.id,
      text: input.text,
      requiresAction: input.requiresAction,
    });
    return item.meeting_id;
  });
  return getMeetingDetail(db, actor, meetingId, now);
}

export async function closeMeeting(db: Db, actor: MeetingsActor, meetingId: string, now: Date): Promise<MeetingDetail> {
  const today = calendarDate(now);
  await db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    await openMeetingForChange(mdb, actor, meetingId, today);
    const [items, decisions, actions] = await Promise.all([findAgendaItems(mdb, meetingId), findDecisions(mdb, meetingId), findActionsOfMeeting(mdb, meetingId)]);
    const blockers = closeBlockers(items, decisions, actions);
    if (blockers.length) {
      throw new AppError('meeting.not_closable', 409, 'The meeting cannot be closed yet: every item needs an outcome, every decision an action', blockers.map(({ path, message }) => ({ path, message })));
    }
    await closeMeetingRow(mdb, meetingId, actor.userId, now);
    await withAudit(tx, actor, 'meeting.close', { type: 'meeting', id: meetingId }, { agendaItems: items.length, decisions: decisions.length, actions: actions.length });
  });
  return getMeetingDetail(db, actor, meetingId, now);
}
