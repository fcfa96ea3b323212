import type { AuditQuery } from '../contract';

export interface AuditFilters {
  actor: string;
  subject: string;
  subjectType: string;
  action: string;
  /** yyyy-mm-dd from a date field, in the user's own time zone. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', subject: '', subjectType: '', action: '', from: '', to: '' };

/** Start of a local calendar day as an instant, so "from 3 March" means what the user sees. */
function startOfLocalDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

/** End of a local calendar day: "up to and including" includes the whole day. */
function endOfLocalDay(date: string): string {
  return new Date(`${date}T23:59:59.999`).toISOString();
}

/** The query string values for GET /api/v1/audit; empty filters are left out. */
export function toAuditQuery(filters: AuditFilters, before?: string, limit = 50): AuditQuery {
  const query: AuditQuery = { limit };
  const trimmed = {
    actor: filters.actor.trim(),
    subject: filters.subject.trim(),
    subjectType: filters.subjectType.trim(),
    action: filters.action.trim(),
  };
  if (trimmed.actor) query.actor = trimmed.actor;
  if (trimmed.subject) query.subject = trimmed.subject;
  if (trimmed.subjectType) query.subjectType = trimmed.subjectType;
  if (trimmed.action) query.action = trimmed.action;
  if (filters.from) query.from = startOfLocalDay(filters.from);
  if (filters.to) query.to = endOfLocalDay(filters.to);
  if (before) query.before = before;
  return query;
}

export function datesOutOfOrder(filters: AuditFilters): boolean {
  return Boolean(filters.from && filters.to && filters.to < filters.from);
}
