import { sql } from 'kysely';
import type { NotificationsDb } from './notifications.tables.js';

/** SQL of the clean-up: what is old enough to go (docs/notifications.md, "Clean-up"). */

/** Deletes read notifications made before `readBefore` and every notification made before `anyBefore`. */
export async function deleteOldNotifications(db: NotificationsDb, readBefore: Date, anyBefore: Date): Promise<number> {
  const result = await db
    .deleteFrom('notifications')
    .where((eb) => eb.or([eb('created_at', '<', anyBefore), eb.and([eb('read_at', 'is not', null), eb('created_at', '<', readBefore)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the records of digests sent before `before` (they only stop a second digest on the same day). */
export async function deleteOldDigests(db: NotificationsDb, before: Date): Promise<number> {
  const result = await db.deleteFrom('notification_digests').where('sent_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The people who have told keys recorded before `before`. */
export async function usersWithOldToldKeys(db: NotificationsDb, before: Date): Promise<string[]> {
  const rows = await db.selectFrom('notified_items').select('user_id').distinct().where('notified_at', '<', before).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

/** Deletes a person's told keys recorded before `before`, except those in `keep` (items still on their worklist). */
export async function deleteOldToldKeys(db: NotificationsDb, userId: string, before: Date, keep: readonly string[]): Promise<number> {
  let query = db.deleteFrom('notified_items').where('user_id', '=', userId).where('notified_at', '<', before);
  // One array parameter, however long the worklist is.
  if (keep.length > 0) query = query.where(sql<boolean>`item_key <> ALL(${[...keep]}::text[])`);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
