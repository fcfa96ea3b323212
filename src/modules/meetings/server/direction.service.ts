import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { listMoneySlips } from '../../finance/index.js';
import type { DirectionDashboard, WaitingDecision } from '../contract.js';
import { presentAction } from './actions.service.js';
import { findItemsWithoutOutcome, findOverdueActions, findWaitingDecisions } from './actions.queries.js';
import { calendarDate } from './calendar-date.js';
import { findEscalations, findOpenEscalationKeys } from './escalations.queries.js';
import { escalationMunicipalities, presentEscalation } from './escalations.service.js';
import { meetingScopeOf, type MeetingsActor } from './meeting-access.js';
import { meetingsDb } from './meetings.tables.js';
import { asRequestActor } from './link-targets.js';
import { findDirectionSignals } from './programme-links.js';

/**
 * The direction dashboard ("regie"): what slips and what waits, in one place. Overdue = an open or
 * in-progress action whose due date lies before today (calendar-date.ts); slipping activities and off-track
 * goals come from the programmes module; money that slips (overruns, late tranches, repayment, overdue
 * accountability) from the finance module, for whom may see it; waiting = decisions not yet carried out, agenda items a past
 * meeting left without outcome, and escalations the administrators have not settled.
 */
export async function getDirectionDashboard(db: Kysely<Database>, actor: MeetingsActor, now: Date): Promise<DirectionDashboard> {
  const mdb = meetingsDb(db);
  const today = calendarDate(now);
  const scope = meetingScopeOf(actor);
  const [overdue, decisions, items, escalations, escalated, programme, money] = await Promise.all([
    findOverdueActions(mdb, scope, today),
    findWaitingDecisions(mdb, scope),
    findItemsWithoutOutcome(mdb, scope, today),
    findEscalations(mdb, { status: 'open', municipalities: escalationMunicipalities(actor) }),
    findOpenEscalationKeys(mdb),
    findDirectionSignals(db, asRequestActor(actor), today),
    // Null without finance.read (the finance module decides): the administrator sees no money rows.
    listMoneySlips(db, asRequestActor(actor), today),
  ]);
  const waiting: WaitingDecision[] = [
    ...decisions.map((d) => ({
      kind: 'decision' as const,
      id: d.id,
      text: d.text,
      meetingId: d.meeting_id,
      meetingTitle: d.meeting_title,
      meetingHeldOn: d.meeting_held_on,
      openActionCount: d.open_action_count,
      waitingFor: d.action_count === 0 ? ('no_action' as const) : ('open_actions' as const),
      escalated: escalated.has(`decision:${d.id}`),
    })),
    ...items.map((i) => ({
      kind: 'agenda_item' as const,
      id: i.id,
      text: i.title,
      meetingId: i.meeting_id,
      meetingTitle: i.meeting_title,
      meetingHeldOn: i.meeting_held_on,
      openActionCount: 0,
      waitingFor: 'no_outcome' as const,
      escalated: escalated.has(`agenda_item:${i.id}`),
    })),
  ].sort((a, b) => a.meetingHeldOn.localeCompare(b.meetingHeldOn));
  return {
    today,
    overdueActions: overdue.map((row) => ({ ...presentAction(row, actor, today), escalated: escalated.has(`action:${row.id}`) })),
    slippingActivities: programme.slippingActivities.map((a) => ({ ...a, escalated: escalated.has(`activity:${a.id}`) })),
    offTrackGoals: programme.offTrackGoals.map((g) => ({ ...g, escalated: escalated.has(`goal:${g.id}`) })),
    waitingDecisions: waiting,
    escalations: escalations.map(presentEscalation),
    money,
  };
}
