import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { ActionStatus, MeetingKind } from '../contract.js';
import { findActionsOfMeeting } from './actions.queries.js';
import { calendarDate } from './calendar-date.js';
import { findPublicDecisions } from './meetings.queries.js';
import { meetingsDb } from './meetings.tables.js';
import { findProgrammeMeetingIds, type ProgrammeMeetingFilter } from './report.queries.js';

/**
 * What residents see of meetings on the public area pages (publicpages module, docs/publicpages.md): only
 * decisions marked public, each with what became of it (its actions: title, owning organisation, due date,
 * status). Never who in person owns an action, status notes, the agenda or the other decisions.
 */
export interface PublicDecision {
  id: string;
  text: string;
  /** The day of the meeting that took it (YYYY-MM-DD) and the kind of meeting. */
  decidedOn: string;
  meetingKind: MeetingKind;
  actions: { title: string; ownerOrganisationName: string; dueDate: string; status: ActionStatus; overdue: boolean }[];
}

/** Every meeting counts, as for the municipality's own roles: publication, not the reader, decides. */
const ALL_MEETINGS = { partnerOrganisationId: null, partnerUserId: null, areaScopes: [] };

/** The public decisions of a programme's meetings held up to today (the rule of the programme's report), newest first. */
export async function listPublicDecisions(db: Kysely<Database>, filter: Omit<ProgrammeMeetingFilter, 'heldOnOrBefore'>, now: Date): Promise<PublicDecision[]> {
  const mdb = meetingsDb(db);
  const today = calendarDate(now);
  const meetingIds = await findProgrammeMeetingIds(mdb, ALL_MEETINGS, { ...filter, heldOnOrBefore: today });
  const candidates = await findPublicDecisions(mdb, meetingIds);
  if (candidates.length === 0) return [];
  const meetings = new Map(
    (await mdb.selectFrom('meetings').select(['id', 'kind', sql<string>`held_on::text`.as('held_on')]).where('id', 'in', [...new Set(candidates.map((d) => d.meeting_id))]).execute()).map((m) => [m.id, m]),
  );
  // A case meeting is about persons: none of its decisions is ever public, whatever its flag says.
  const decisions = candidates.filter((d) => meetings.get(d.meeting_id)?.kind !== 'casusoverleg');
  const out: PublicDecision[] = [];
  for (const meetingId of new Set(decisions.map((d) => d.meeting_id))) {
    const actions = await findActionsOfMeeting(mdb, meetingId);
    for (const decision of decisions.filter((d) => d.meeting_id === meetingId)) {
      const meeting = meetings.get(meetingId);
      out.push({
        id: decision.id,
        text: decision.text,
        decidedOn: meeting?.held_on ?? '',
        meetingKind: (meeting?.kind ?? 'wijkoverleg') as MeetingKind,
        actions: actions
          .filter((a) => a.decision_id === decision.id)
          .map((a) => {
            const status = a.status as ActionStatus;
            return { title: a.title, ownerOrganisationName: a.owner_organisation_name, dueDate: a.due_date, status, overdue: (status === 'open' || status === 'in_progress') && a.due_date < today };
          }),
      });
    }
  }
  return out.sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
}
