import type { Kysely } from 'kysely';
import { conflict, forbidden, notFound, withAudit, type Database } from '../../../platform/server/index.js';
import type { MeetingDetail } from '../contract.js';
import { calendarDate } from './calendar-date.js';
import { canManageMeetings, type MeetingsActor } from './meeting-access.js';
import { findDecision, updateDecisionPublication } from './meetings.queries.js';
import { findVisibleMeeting, getMeetingDetail } from './meetings.service.js';
import { meetingsDb } from './meetings.tables.js';

/**
 * Whether residents see a decision on the public area pages (docs/publicpages.md). Not public unless the
 * meeting's manager says so. Allowed on a closed meeting too: publishing changes what residents see, not
 * what was decided. Audited; saying the same again changes nothing and writes no row.
 */
export async function setDecisionPublication(db: Kysely<Database>, actor: MeetingsActor, decisionId: string, isPublic: boolean, now: Date): Promise<MeetingDetail> {
  if (!canManageMeetings(actor)) throw forbidden();
  const today = calendarDate(now);
  const meetingId = await db.transaction().execute(async (tx) => {
    const mdb = meetingsDb(tx);
    const decision = await findDecision(mdb, decisionId);
    if (!decision) throw notFound('Decision', 'decision.not_found');
    // A decision of a meeting the actor may not see is unknown to them, as GET /meetings/{id} answers.
    const meeting = await findVisibleMeeting(mdb, actor, decision.meeting_id, today);
    // A case meeting is about persons: its decisions stay inside (SECURITY.md; docs/publicpages.md).
    if (isPublic && meeting.kind === 'casusoverleg') throw conflict('decision.case_meeting_not_public', 'A decision of a case meeting cannot be made public');
    if (decision.is_public !== isPublic) {
      await updateDecisionPublication(mdb, decision.id, isPublic ? { at: now, by: actor.userId } : null);
      await withAudit(tx, actor, isPublic ? 'meeting.decision.publish' : 'meeting.decision.unpublish', { type: 'meeting', id: decision.meeting_id }, { decisionId: decision.id });
    }
    return decision.meeting_id;
  });
  return getMeetingDetail(db, actor, meetingId, now);
}
