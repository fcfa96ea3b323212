import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { hasPermission, loadActorUser } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { listChangesBySomeoneElse, type RecentChange } from '../../audit/index.js';
import { listApprovalsWaitingFor, listMoneySignalsFor, type ApprovalWaiting, type OwnedMoneySignal } from '../../finance/index.js';
import { listActionsForWorklist, listEscalationsConcerning, type WorklistAction, type WorklistEscalation } from '../../meetings/index.js';
import { listActivitiesOwnedBy, listGoalsWithStatus, type OperationalGoal, type OwnedActivity } from '../../programmes/index.js';
import { listConditionsForWorklist, type WorklistCondition } from '../../spatialadvice/index.js';
import type { Worklist, WorklistItem } from '../contract.js';

/**
 * One person's worklist: what they must do or know, from the modules that own it, each through its index.ts
 * and with that module's visibility rules (docs/worklist.md). The worklist keeps no data of its own.
 */

/** "Upcoming" looks this many days ahead; "recent" goes this many days back. */
export const WORKLIST_HORIZON_DAYS = 14;
/** Recent changes shown at most (the newest). */
const MAX_CHANGES = 30;
const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const blank = { context: null, dueDate: null, daysOverdue: null, person: null, amountCents: null, detail: null, at: null, signal: null } as const;

function actionItem(a: WorklistAction, today: string, followUp: boolean): WorklistItem {
  const soon = daysBetween(today, a.dueDate) <= 3;
  return {
    ...blank,
    key: `${followUp ? 'action_follow_up' : 'action'}:${a.id}:${a.overdue ? 'overdue' : 'upcoming'}`,
    section: a.overdue ? 'overdue' : 'upcoming',
    kind: followUp ? 'action_follow_up' : 'action',
    title: a.title,
    context: a.meetingTitle,
    dueDate: a.dueDate,
    daysOverdue: a.overdue ? a.daysOverdue : null,
    urgency: a.overdue ? 'alert' : soon ? 'warning' : 'info',
    href: `/overleggen/${a.meetingId}`,
    person: followUp ? a.ownerName : null,
    // Own actions: named to the person, or to their organisation as a whole.
    detail: followUp ? null : a.ownedByPerson ? 'person' : 'organisation',
  };
}

function conditionItem(c: WorklistCondition, today: string): WorklistItem {
  return {
    ...blank,
    key: `spatial_condition:${c.id}:${c.overdue ? 'overdue' : 'upcoming'}`,
    section: c.overdue ? 'overdue' : 'upcoming',
    kind: 'spatial_condition',
    title: c.text,
    context: c.placeName,
    dueDate: c.dueDate,
    daysOverdue: c.overdue ? c.daysOverdue : null,
    urgency: c.overdue ? 'alert' : daysBetween(today, c.dueDate) <= 3 ? 'warning' : 'info',
    href: `/veiligheidsadvies/scans/${c.scanId}`,
  };
}

function approvalItem(a: ApprovalWaiting): WorklistItem {
  return {
    ...blank,
    key: `${a.kind}:${a.id}`,
    section: 'waiting',
    kind: a.kind,
    title: a.title,
    context: a.context,
    urgency: 'warning',
    href: '/financien/accordering',
    person: a.submittedBy,
    amountCents: a.amountCents,
    detail: a.entryKind,
    at: a.submittedOn,
  };
}

function escalationItem(e: WorklistEscalation): WorklistItem {
  const href = e.meetingId ? `/overleggen/${e.meetingId}` : e.subjectKind === 'activity' ? `/activiteiten/${e.subjectId}` : '/regie#direction-agenda';
  return { ...blank, key: `escalation:${e.id}`, section: 'signals', kind: 'escalation', title: e.subjectLabel, urgency: 'warning', href, person: e.escalatedBy, at: e.escalatedAt };
}

function slippingItem(a: OwnedActivity, today: string): WorklistItem {
  return {
    ...blank,
    key: `activity_past_end:${a.id}`,
    section: 'signals',
    kind: 'activity_past_end',
    title: a.name,
    context: a.programmeName,
    dueDate: a.end,
    daysOverdue: daysBetween(a.end, today),
    urgency: 'alert',
    href: `/activiteiten/${a.id}`,
  };
}

function goalItem(g: OperationalGoal): WorklistItem {
  return { ...blank, key: `goal_off_track:${g.id}`, section: 'signals', kind: 'goal_off_track', title: g.name, context: g.areaName, dueDate: g.targetDate, urgency: 'alert', href: `/programmas/${g.programmeId}/doelen/${g.id}` };
}

function moneyItem(m: OwnedMoneySignal): WorklistItem {
  const { signal, programme } = m.slip;
  const href = m.activityId ? `/activiteiten/${m.activityId}` : signal.scope.type === 'funding_source' ? `/financien/bronnen/${signal.scope.id}` : '/financien';
  return {
    ...blank,
    key: `money:${signal.code}:${signal.scope.id}:${signal.subject ?? ''}`,
    section: 'signals',
    kind: 'money',
    title: signal.scope.name ?? '',
    context: programme?.name ?? m.slip.owner.name,
    dueDate: signal.date,
    urgency: signal.level,
    href,
    amountCents: signal.amountCents,
    signal,
  };
}

const CHANGE_KIND: Record<string, string> = {
  'meeting.action.create': 'assigned',
  'meeting.action.update': 'status',
  'activity.status': 'status',
  'activity.progress': 'progress',
  'activity.milestone': 'milestone',
  'activity.milestone_add': 'milestone',
};

function changeItems(changes: readonly RecentChange[], actions: WorklistActionRefs, activities: ReadonlyMap<string, OwnedActivity>): WorklistItem[] {
  const seen = new Set<string>();
  const items: WorklistItem[] = [];
  // Newest first; one row per thing, its latest change.
  for (const c of changes) {
    if (seen.has(c.subjectId)) continue;
    const action = c.subjectType === 'meeting_action' ? actions.get(c.subjectId) : undefined;
    const activity = c.subjectType === 'activity' ? activities.get(c.subjectId) : undefined;
    if (!action && !activity) continue;
    seen.add(c.subjectId);
    items.push({
      ...blank,
      key: `change:${c.subjectType}:${c.subjectId}:${c.at}`,
      section: 'recent',
      kind: 'change',
      title: action?.title ?? activity?.name ?? '',
      context: action?.meetingTitle ?? activity?.programmeName ?? null,
      urgency: 'info',
      href: action ? `/overleggen/${action.meetingId}` : `/activiteiten/${c.subjectId}`,
      person: c.changedBy,
      detail: CHANGE_KIND[c.action] ?? 'updated',
      at: c.at,
    });
  }
  return items;
}

type WorklistActionRefs = ReadonlyMap<string, { title: string; meetingId: string; meetingTitle: string }>;

export async function getWorklist(db: Kysely<Database>, actor: Actor, now: Date): Promise<Worklist> {
  const today = calendarDayOf(now);
  const activities = await listActivitiesOwnedBy(db, actor, today);
  const activityIds = activities.map((a) => a.id);
  const [actions, approvals, goals, money, conditions] = await Promise.all([
    listActionsForWorklist(db, actor, today, WORKLIST_HORIZON_DAYS),
    listApprovalsWaitingFor(db, actor, now),
    // Goals have no owner of their own: whoever manages programmes answers for them.
    hasPermission(actor.roles, 'programmes.manage') ? listGoalsWithStatus(db, actor) : Promise.resolve([]),
    listMoneySignalsFor(db, actor, today, new Set(activityIds)),
    listConditionsForWorklist(db, actor, today, WORKLIST_HORIZON_DAYS),
  ]);
  const [escalations, changes] = await Promise.all([
    listEscalationsConcerning(db, actor, { actionIds: actions.ownedIds.map((a) => a.id), activityIds }),
    listChangesBySomeoneElse(db, {
      subjects: [
        { type: 'meeting_action', ids: actions.ownedIds.map((a) => a.id) },
        { type: 'activity', ids: activityIds },
      ],
      since: new Date(now.getTime() - WORKLIST_HORIZON_DAYS * DAY_MS),
      excludeUserId: actor.userId,
      limit: MAX_CHANGES,
    }),
  ]);
  const actionItems = [...actions.own.map((a) => actionItem(a, today, false)), ...actions.followUp.map((a) => actionItem(a, today, true)), ...conditions.map((c) => conditionItem(c, today))];
  const overdue = actionItems.filter((i) => i.section === 'overdue').sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.title.localeCompare(b.title));
  const upcoming = actionItems.filter((i) => i.section === 'upcoming').sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.title.localeCompare(b.title));
  const signals = [
    ...escalations.map(escalationItem),
    ...activities.filter((a) => a.slipping).map((a) => slippingItem(a, today)),
    ...goals.filter((g) => g.status === 'off_track').map(goalItem),
    ...money.map(moneyItem),
  ];
  const recent = changeItems(changes, new Map(actions.ownedIds.map((a) => [a.id, a])), new Map(activities.map((a) => [a.id, a])));
  return { today, horizonDays: WORKLIST_HORIZON_DAYS, items: [...overdue, ...upcoming, ...approvals.map(approvalItem), ...signals, ...recent] };
}

/**
 * The worklist of a person computed without a request (the notifications job), with that person's own
 * visibility; null when they or their organisation are disabled. `via` plays no part in any read here.
 */
export async function getWorklistForUser(db: Kysely<Database>, userId: string, now: Date): Promise<Worklist | null> {
  const user = await loadActorUser(db, userId);
  return user ? getWorklist(db, { ...user, via: 'session' }, now) : null;
}
