import { sql } from 'kysely';
import type { NotificationsDb } from './notifications.tables.js';

/** SQL of notifications: settings, what was told, the in-app list and the mail still owed. */

export interface NotificationRow {
  id: string;
  kind: string;
  item_key: string;
  title: string;
  href: string;
  created_at: Date;
  read_at: Date | null;
}

export async function findSettings(db: NotificationsDb, userId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('notification_settings').select(['kind', 'delivery']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.kind, r.delivery]));
}

export async function saveSettings(db: NotificationsDb, userId: string, settings: Record<string, string>, at: Date): Promise<void> {
  const rows = Object.entries(settings).map(([kind, delivery]) => ({ user_id: userId, kind, delivery, updated_at: at }));
  await db
    .insertInto('notification_settings')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({ delivery: eb.ref('excluded.delivery'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** Active people (user and organisation not disabled), with their e-mail address and language. */
export async function findActiveUsers(db: NotificationsDb, ids?: readonly string[]): Promise<{ id: string; email: string | null; locale: string }[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.email', 'users.locale'])
    .where('users.disabled_at', 'is', null)
    .where('organisations.disabled_at', 'is', null);
  if (ids) query = query.where('users.id', 'in', ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('users.id').execute();
}

export async function findNotifiedKeys(db: NotificationsDb, userId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('notified_items').select('item_key').where('user_id', '=', userId).where('item_key', 'in', [...keys]).execute();
  return new Set(rows.map((r) => r.item_key));
}

/** Records keys as told; a key told already (another run got there first) is left as it was. Gives the keys newly recorded. */
export async function recordNotified(db: NotificationsDb, userId: string, keys: readonly string[], at: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .insertInto('notified_items')
    .values(keys.map((item_key) => ({ user_id: userId, item_key, notified_at: at })))
    .onConflict((oc) => oc.columns(['user_id', 'item_key']).doNothing())
    .returning('item_key')
    .execute();
  return new Set(rows.map((r) => r.item_key));
}

export async function insertNotifications(
  db: NotificationsDb,
  rows: readonly { userId: string; kind: string; itemKey: string; title: string; href: string; at: Date; emailPlan: 'now' | 'digest' | 'none' }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(rows.map((r) => ({ user_id: r.userId, kind: r.kind, item_key: r.itemKey, title: r.title, href: r.href, created_at: r.at, email_plan: r.emailPlan })))
    .execute();
}

export async function findNotifications(db: NotificationsDb, userId: string, limit: number): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'item_key', 'title', 'href', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countUnread(db: NotificationsDb, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return row.n;
}

/** Marks the caller's own unread notifications read (all, or those of `ids`); another person's ids change nothing. */
export async function markRead(db: NotificationsDb, userId: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', [...ids]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the caller's own notifications (those of `ids`, or all they have read); another person's ids delete nothing. */
export async function deleteOwn(db: NotificationsDb, userId: string, which: readonly string[] | 'read'): Promise<number> {
  let query = db.deleteFrom('notifications').where('user_id', '=', userId);
  query = which === 'read' ? query.where('read_at', 'is not', null) : query.where('id', 'in', [...which]);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Notifications still owed by mail under `plan`, locked so two runs do not both send them. */
export async function lockMailDue(db: NotificationsDb, userId: string, plan: 'now' | 'digest', notBefore: Date): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'item_key', 'title', 'href', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('email_plan', '=', plan)
    .where('emailed_at', 'is', null)
    .where('created_at', '>=', notBefore)
    .orderBy('created_at')
    .limit(200)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function usersWithMailDue(db: NotificationsDb, plan: 'now' | 'digest', notBefore: Date): Promise<string[]> {
  const rows = await db.selectFrom('notifications').select('user_id').distinct().where('email_plan', '=', plan).where('emailed_at', 'is', null).where('created_at', '>=', notBefore).execute();
  return rows.map((r) => r.user_id);
}

export async function markEmailed(db: NotificationsDb, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('notifications').set({ emailed_at: at }).where('id', 'in', [...ids]).execute();
}

/** Mail that cannot go (no address any more): owed no longer. */
export async function dropMail(db: NotificationsDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('notifications').set({ email_plan: 'none' }).where('id', 'in', [...ids]).execute();
}

/** Claims today's digest for a person; false when it was sent already. */
export async function claimDigest(db: NotificationsDb, userId: string, day: string, at: Date): Promise<boolean> {
  const rows = await db.insertInto('notification_digests').values({ user_id: userId, day, sent_at: at }).onConflict((oc) => oc.columns(['user_id', 'day']).doNothing()).returning('user_id').execute();
  return rows.length > 0;
}

/** Which of `ids` are the person's own notifications. */
export async function findOwnIds(db: NotificationsDb, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('notifications').select('id').where('user_id', '=', userId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}
