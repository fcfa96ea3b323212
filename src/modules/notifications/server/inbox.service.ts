import type { Kysely } from 'kysely';
import { notFound, withAudit, type Actor, type AppConfig, type Database } from '../../../platform/server/index.js';
import type { DeleteNotifications, DeleteNotificationsResult, MarkRead, Notification, NotificationKind, NotificationList } from '../contract.js';
import { countUnread, deleteOwn, findNotifications, findOwnIds, markRead, type NotificationRow } from './notifications.queries.js';
import { notificationsDb } from './notifications.tables.js';

/** The in-app notifications of the caller: the newest first, marking them read, and deleting them. */

const LIST_LIMIT = 50;

function present(row: NotificationRow): Notification {
  return { id: row.id, kind: row.kind as NotificationKind, title: row.title, href: row.href, createdAt: row.created_at.toISOString(), readAt: row.read_at ? row.read_at.toISOString() : null };
}

export async function listNotifications(db: Kysely<Database>, config: AppConfig, actor: Actor): Promise<NotificationList> {
  const ndb = notificationsDb(db);
  const [rows, unreadCount] = await Promise.all([findNotifications(ndb, actor.userId, LIST_LIMIT), countUnread(ndb, actor.userId)]);
  return { items: rows.map(present), unreadCount, kept: { readDays: config.notificationReadRetentionDays, days: config.notificationRetentionDays } };
}

/** Marks read; ids that are not the caller's own notifications are refused (404) and nothing changes. */
export async function markNotificationsRead(db: Kysely<Database>, actor: Actor, input: MarkRead, now: Date): Promise<{ marked: number; unreadCount: number }> {
  return db.transaction().execute(async (tx) => {
    const ndb = notificationsDb(tx);
    const ids = 'ids' in input ? [...new Set(input.ids)] : 'all';
    if (ids !== 'all' && (await findOwnIds(ndb, actor.userId, ids)).size !== ids.length) throw notFound('Notification', 'notifications.not_found');
    const marked = await markRead(ndb, actor.userId, ids, now);
    if (marked > 0) await withAudit(tx, actor, 'notification.read', { type: 'user', id: actor.userId }, { count: marked, all: ids === 'all' }, now);
    return { marked, unreadCount: await countUnread(ndb, actor.userId) };
  });
}

/**
 * Deletes some of the caller's notifications, or all they have read; ids that are not the caller's own are
 * refused (404) and nothing changes. The told keys stay: a deleted notification is not made again.
 */
export async function deleteNotifications(db: Kysely<Database>, actor: Actor, input: DeleteNotifications, now: Date): Promise<DeleteNotificationsResult> {
  return db.transaction().execute(async (tx) => {
    const ndb = notificationsDb(tx);
    const which = 'ids' in input ? [...new Set(input.ids)] : 'read';
    if (which !== 'read' && (await findOwnIds(ndb, actor.userId, which)).size !== which.length) throw notFound('Notification', 'notifications.not_found');
    const deleted = await deleteOwn(ndb, actor.userId, which);
    if (deleted > 0) await withAudit(tx, actor, 'notification.delete', { type: 'user', id: actor.userId }, { count: deleted, allRead: which === 'read' }, now);
    return { deleted, unreadCount: await countUnread(ndb, actor.userId) };
  });
}
