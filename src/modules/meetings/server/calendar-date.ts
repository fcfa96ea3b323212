/**
 * "Today" for due dates. Due dates are calendar days agreed in a Dutch meeting, so the day turns over at
 * midnight in the Netherlands, not at midnight UTC; the moment itself comes from the app's clock.
 */
export const MEETINGS_TIME_ZONE = 'Europe/Amsterdam';

export function calendarDate(now: Date, timeZone: string = MEETINGS_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Overdue: still open and the due date lies before today (an action due today is not late yet). */
export function isOverdue(action: { status: string; dueDate: string }, today: string): boolean {
  return (action.status === 'open' || action.status === 'in_progress') && action.dueDate < today;
}
