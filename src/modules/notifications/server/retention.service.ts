import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type AppConfig, type Database, type ScheduledJob } from '../../../platform/server/index.js';
import { getWorklistForUser } from '../../worklist/index.js';
import { deleteOldDigests, deleteOldNotifications, deleteOldToldKeys, usersWithOldToldKeys } from './retention.queries.js';
import { notificationsDb } from './notifications.tables.js';

/**
 * Data minimisation (SECURITY.md; AVG art. 5(1)(e), storage limitation): a notification names things for a
 * person, so it is not kept for ever. Read ones go after NOTIFICATION_READ_RETENTION_DAYS, every one after
 * NOTIFICATION_RETENTION_DAYS, and so do the digest records. A told key goes after the latter too, but only
 * once its item has left the person's worklist: while the item is still there, the key is what stops the
 * notification job from telling the person of it again.
 */

export interface NotificationRetentionRun {
  notifications: number;
  digests: number;
  toldKeys: number;
}

const DAY_MS = 86_400_000;

export async function runNotificationRetention(db: Kysely<Database>, config: AppConfig, now: Date): Promise<NotificationRetentionRun> {
  const readBefore = new Date(now.getTime() - config.notificationReadRetentionDays * DAY_MS);
  const anyBefore = new Date(now.getTime() - config.notificationRetentionDays * DAY_MS);
  // The worklists are computed before the transaction (PGlite has one connection, and they only read). A key
  // recorded meanwhile is new, so younger than the limit and out of reach of the delete below.
  const keep = new Map<string, string[]>();
  for (const userId of await usersWithOldToldKeys(notificationsDb(db), anyBefore)) {
    // A disabled person has no worklist (null): nothing of theirs is waiting, so their old keys go too.
    const list = await getWorklistForUser(db, userId, now);
    keep.set(userId, list ? list.items.map((item) => item.key) : []);
  }
  return db.transaction().execute(async (tx) => {
    const ndb = notificationsDb(tx);
    const notifications = await deleteOldNotifications(ndb, readBefore, anyBefore);
    const digests = await deleteOldDigests(ndb, anyBefore);
    let toldKeys = 0;
    for (const [userId, keys] of keep) toldKeys += await deleteOldToldKeys(ndb, userId, anyBefore, keys);
    if (notifications + digests + toldKeys > 0) {
      const detail = { notifications, digests, toldKeys, readRetentionDays: config.notificationReadRetentionDays, retentionDays: config.notificationRetentionDays };
      await withAudit(tx, SYSTEM_ACTOR, 'notification.retention', { type: 'notification' }, detail, now);
    }
    return { notifications, digests, toldKeys };
  });
}

/** Daily, and shortly after start; one instance runs it (job-claims.ts). A second run finds nothing to do. */
export const NOTIFICATION_RETENTION_JOB: ScheduledJob = {
  name: 'notifications.retention',
  intervalSeconds: 24 * 60 * 60,
  runAtStart: true,
  run: ({ db, config, now }) => runNotificationRetention(db, config, now()),
};
