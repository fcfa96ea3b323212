import type { SnapshotActivity, SnapshotContent, SnapshotGoal, SnapshotMeeting } from '../contract.js';
import { daysBetween } from './dates.js';

/**
 * The figures a report computes from a snapshot, each defined in docs/reports.md ("Figures"). Pure: the same
 * snapshot and period always give the same figures. The period runs from `periodStart` to the peildatum,
 * both included.
 */
export interface Period {
  start: string;
  end: string;
}

const within = (date: string | null, period: Period) => date !== null && date >= period.start && date <= period.end;

export function goalStatusCounts(goals: readonly SnapshotGoal[]): Record<SnapshotGoal['status'], number> {
  const counts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const g of goals) counts[g.status] += 1;
  return counts;
}

export interface ActivityFigures {
  /** First moved to running within the period. */
  started: SnapshotActivity[];
  /** Moved to done within the period. */
  finished: SnapshotActivity[];
  /** At the peildatum past their end date and neither done nor stopped. */
  slipping: SnapshotActivity[];
}

export function activityFigures(activities: readonly SnapshotActivity[], period: Period): ActivityFigures {
  return {
    started: activities.filter((a) => within(a.startedOn, period)),
    finished: activities.filter((a) => within(a.finishedOn, period)),
    slipping: activities.filter((a) => a.slipping),
  };
}

/** Median of a list of numbers (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface DoorpakFigures {
  /** Meetings held within the period. */
  meetings: number;
  /** Agenda items of those meetings. */
  agendaItems: number;
  /** Of those items, the ones with at least one decision. */
  itemsWithDecision: number;
  /** itemsWithDecision / agendaItems; null without items. */
  decisionShare: number | null;
  /** Decisions taken in those meetings. */
  decisions: number;
  /** Actions agreed in those meetings, cancelled ones left out. */
  actions: number;
  /** Of those, done on or before their due date. */
  actionsDoneOnTime: number;
  /** Of those, done after their due date. */
  actionsDoneLate: number;
  /** Days from the meeting that took the decision to the day its action was done, median over the done actions that carry out a decision of a meeting in the period. */
  medianDaysDecisionToDone: number | null;
  /** Actions of any of the programme's meetings still open or in progress at the peildatum with a due date before it. */
  actionsOverdue: number;
}

export function doorpakFigures(meetings: readonly SnapshotMeeting[], period: Period): DoorpakFigures {
  const inPeriod = meetings.filter((m) => within(m.heldOn, period));
  const items = inPeriod.flatMap((m) => m.agendaItems);
  const withDecision = items.filter((i) => i.decisions.length > 0).length;
  const actions = inPeriod.flatMap((m) => m.actions.filter((a) => a.status !== 'cancelled').map((a) => ({ ...a, heldOn: m.heldOn })));
  const done = actions.filter((a) => a.status === 'done' && a.completedOn !== null);
  const onTime = done.filter((a) => (a.completedOn ?? '') <= a.dueDate).length;
  const days = done.filter((a) => a.decisionId !== null).map((a) => daysBetween(a.heldOn, a.completedOn ?? a.heldOn));
  const overdue = meetings.flatMap((m) => m.actions).filter((a) => (a.status === 'open' || a.status === 'in_progress') && a.dueDate < period.end).length;
  return {
    meetings: inPeriod.length,
    agendaItems: items.length,
    itemsWithDecision: withDecision,
    decisionShare: items.length > 0 ? withDecision / items.length : null,
    decisions: items.reduce((n, i) => n + i.decisions.length, 0),
    actions: actions.length,
    actionsDoneOnTime: onTime,
    actionsDoneLate: done.length - onTime,
    medianDaysDecisionToDone: median(days),
    actionsOverdue: overdue,
  };
}

/** Overdue actions at the peildatum with the meeting they came from, oldest due date first. */
export function overdueActions(content: SnapshotContent, peildatum: string) {
  return content.meetings
    .flatMap((m) => m.actions.filter((a) => (a.status === 'open' || a.status === 'in_progress') && a.dueDate < peildatum).map((a) => ({ ...a, meeting: m.title, heldOn: m.heldOn, daysOverdue: daysBetween(a.dueDate, peildatum) })))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
