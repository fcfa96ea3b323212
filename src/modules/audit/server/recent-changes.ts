import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** A change to one thing, as the worklist shows it: what was done, when and by whom — not the detail. */
export interface RecentChange {
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /** The display name of the person who made it. */
  changedBy: string;
}

/**
 * Changes since `since` to the given subjects (type and ids) made by a person other than `excludeUserId`;
 * changes without a person (demo seeding, scheduled jobs) are left out. Newest first, at most `limit`.
 * The caller decides who may see which subjects: it passes only subjects the person owns.
 */
export async function listChangesBySomeoneElse(
  db: Kysely<Database>,
  input: { subjects: readonly { type: string; ids: readonly string[] }[]; since: Date; excludeUserId: string; limit: number },
): Promise<RecentChange[]> {
  const subjects = input.subjects.filter((s) => s.ids.length > 0);
  if (subjects.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log as a')
    .innerJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.at', 'a.action', 'a.subject_type', 'a.subject_id', 'u.display_name'])
    .where((eb) => eb.or(subjects.map((s) => eb.and([eb('a.subject_type', '=', s.type), eb('a.subject_id', 'in', [...s.ids])]))))
    .where('a.at', '>=', input.since)
    .where('a.actor_user_id', '<>', input.excludeUserId)
    .orderBy('a.id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), action: r.action, subjectType: r.subject_type, subjectId: r.subject_id ?? '', changedBy: r.display_name }));
}
