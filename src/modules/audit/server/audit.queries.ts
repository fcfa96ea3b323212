import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { endOfDay, startOfDay } from '../../../platform/shared/time.js';
import type { AuditQuery } from '../contract.js';

type Filter = Omit<AuditQuery, 'limit'> & { limit: number };

/** Newest first, keyset-paged on id; every filter is a parameter, never spliced into the SQL. */
export async function findAuditEntries(db: Kysely<Database>, filter: Filter) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.actor) query = query.where('actor_username', '=', filter.actor);
  if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subject) {
    const colon = filter.subject.indexOf(':');
    if (colon > 0) {
      query = query.where('subject_type', '=', filter.subject.slice(0, colon)).where('subject_id', '=', filter.subject.slice(colon + 1));
    } else {
      query = query.where('subject_id', '=', filter.subject);
    }
  }
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', startOf(filter.from));
  if (filter.to) query = query.where('at', '<', endOf(filter.to));
  if (filter.before) query = query.where(sql<boolean>`id < ${filter.before}::bigint`);
  return query.execute();
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A bare date as "from" starts at midnight in the Netherlands (docs/time.md). */
function startOf(value: string): Date {
  return new Date(BARE_DATE.test(value) ? startOfDay(value) : value);
}

/** A bare date as "to" includes that whole day in the Netherlands; a moment is exclusive. */
function endOf(value: string): Date {
  return new Date(BARE_DATE.test(value) ? endOfDay(value) : value);
}
