import { endOfDay, startOfDay } from '../../../platform/shared/time';
import type { AuditQuery } from '../contract';

export interface AuditFilters {
  actor: string;
  subject: string;
  subjectType: string;
  action: string;
  /** yyyy-mm-dd from a date field: a day in the Netherlands, whatever the browser's time zone. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', subject: '', subjectType: '', action: '', from: '', to: '' };

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
  // "From 3 March" starts at midnight in Amsterdam; "to 3 March" includes that whole day: the API's `to`
  // is exclusive, so it is the moment the next day begins.
  if (filters.from) query.from = startOfDay(filters.from);
  if (filters.to) query.to = endOfDay(filters.to);
  if (before) query.before = before;
  return query;
}

export function datesOutOfOrder(filters: AuditFilters): boolean {
  return Boolean(filters.from && filters.to && filters.to < filters.from);
}
