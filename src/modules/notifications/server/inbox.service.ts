import type { Kysely } from 'kysely';
import { notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { MarkRead, Notification, NotificationKind, NotificationList } from '../contract.js';
import { countUnread, findNotifications, findOwnIds, markRead, type NotificationRow } from './notifications.queries.js';
import { notificationsDb } from './notifications.tables.js';

/** The in-app notifications of the caller: the newest first, and marking them read. */

const LIST_LIMIT = 50;

function present(row: NotificationRow): Notification {
  return { id: row.id, kind: row.kind as NotificationKind, title: row.title, href: row.href, createdAt: row.created_at.toISOString(), readAt: row.read_at ? row.read_at.toISOString() : null };
}

export async function listNotifications(db: Kysely<Database>, actor: Actor): Promise<NotificationList> {
  const ndb = notificationsDb(db);
  const [rows, unreadCount] = await Promise.all([findNotifications(ndb, actor.userId, LIST_LIMIT), countUnread(ndb, actor.userId)]);
  return { items: rows.map(present), unreadCount };
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
