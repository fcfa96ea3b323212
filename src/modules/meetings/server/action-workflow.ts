import type { ActionStatus } from '../contract.js';

/**
 * The life of an action item, as data. Cancelling is the meeting's decision, so only a manager may do it;
 * an owner moves their own action between open, in progress and done (and may reopen it).
 */
export const ALLOWED_STATUS_CHANGES: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['open'],
};

export const MANAGER_ONLY_STATUSES: readonly ActionStatus[] = ['cancelled'];

export function statusChangeProblem(from: ActionStatus, to: ActionStatus, isManager: boolean): string | null {
  if (from === to) return null;
  if (!ALLOWED_STATUS_CHANGES[from].includes(to)) return `an action cannot go from ${from} to ${to}`;
  if (!isManager && (MANAGER_ONLY_STATUSES.includes(to) || MANAGER_ONLY_STATUSES.includes(from))) return 'only the programme manager cancels an action or takes it up again';
  return null;
}

export function isOpenStatus(status: ActionStatus): boolean {
  return status === 'open' || status === 'in_progress';
}
