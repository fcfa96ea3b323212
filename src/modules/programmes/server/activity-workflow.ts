import type { ActivityStatus } from '../contract.js';

/**
 * The activity workflow as data (docs/programmes.md "Activity workflow"): idea → planned → running →
 * done | stopped. Planned work may go back to idea when it is postponed; done and stopped are final, so a
 * finished activity cannot quietly reopen (start a new one instead, the history stays readable).
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<ActivityStatus, readonly ActivityStatus[]>> = {
  idea: ['planned', 'stopped'],
  planned: ['running', 'idea', 'stopped'],
  running: ['done', 'stopped'],
  done: [],
  stopped: [],
};

export function canTransition(from: ActivityStatus, to: ActivityStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Open work: not yet finished, so it can slip past its end date. */
export function isOpenStatus(status: ActivityStatus): boolean {
  return ALLOWED_TRANSITIONS[status].length > 0;
}

/** Past its end date and still open: the direction dashboard's "slipping" list. */
export function isSlipping(activity: { status: ActivityStatus; end: string }, today: string): boolean {
  return isOpenStatus(activity.status) && activity.end < today;
}
