import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { NotificationList } from '../contract.js';
import { NOTIFICATION_RETENTION_JOB, NOTIFY_JOB, runNotificationRetention } from '../index.js';

/**
 * Data minimisation of notifications on the demo of Dordt West (docs/notifications.md, "Clean-up"): a person
 * deletes their own notifications (one, or all they have read), never another person's; the daily job deletes
 * read ones after 90 days, every one after 365 days, digest records after 365 days, and told keys after 365
 * days only once their item has left the person's worklist — the corporation's overdue action is still on
 * its list after a year, so its key stays and the corporation is not told of it a second time.
 */
let t: TestApp;
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance'] });
  for (const user of ['financien', 'corporatie', 'analist']) s[user] = await t.login(user);
}, 300_000);
afterAll(() => t?.close());

const DAY_MS = 86_400_000;
const runNotify = () => NOTIFY_JOB.run({ db: t.database.db, config: t.config, now: t.clock.now });
const runRetention = () => NOTIFICATION_RETENTION_JOB.run({ db: t.database.db, config: t.config, now: t.clock.now });
const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * DAY_MS);

async function call<T>(user: string | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ status: number; body: T; type: string }> {
  const response = await t.app.inject({ method, url, headers: user ? s[user]?.headers : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json<T>(), type: String(response.headers['content-type']) };
}
const inbox = async (user: string) => (await call<NotificationList>(user, 'GET', '/api/v1/me/notifications')).body;
const remove = (user: string, payload: unknown) => call<{ deleted: number; unreadCount: number; type?: string }>(user, 'POST', '/api/v1/me/notifications/delete', payload);
const auditCount = async (action: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`.execute(t.database.db)).rows[0]?.n ?? 0;

/** A hand-made notification of `user`, `ageDays` old, read a day after it was made or not at all. */
async function addNotification(user: string, title: string, ageDays: number, read: boolean): Promise<string> {
  const createdAt = daysAgo(ageDays);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO notifications (user_id, kind, item_key, title, href, created_at, read_at, email_plan)
    VALUES (${s[user]?.userId}, 'action', ${`test:${title}`}, ${title}, '/werklijst', ${createdAt}, ${read ? new Date(createdAt.getTime() + DAY_MS) : null}, 'none')
    RETURNING id`.execute(t.database.db);
  return rows[0]?.id ?? '';
}
const titlesOf = async (user: string) =>
  (await sql<{ title: string }>`SELECT title FROM notifications WHERE user_id = ${s[user]?.userId} ORDER BY title`.execute(t.database.db)).rows.map((r) => r.title);
const toldKeysOf = async (user: string) =>
  (await sql<{ item_key: string }>`SELECT item_key FROM notified_items WHERE user_id = ${s[user]?.userId} ORDER BY item_key`.execute(t.database.db)).rows.map((r) => r.item_key);

describe('a person deletes their own notifications', () => {
  let approvalId = '';
  let readOne = '';
  let unread = '';

  beforeAll(async () => {
    await runNotify();
    approvalId = (await inbox('financien')).items[0]?.id ?? '';
    expect(approvalId).not.toBe('');
    readOne = await addNotification('financien', 'Gelezen een', 0, true);
    await addNotification('financien', 'Gelezen twee', 0, true);
    unread = await addNotification('financien', 'Ongelezen', 0, false);
  });

  it('says how long the server keeps them', async () => {
    expect((await inbox('financien')).kept).toEqual({ readDays: 90, days: 365 });
  });

  it('refuses another person\u2019s id with 404 and changes nothing, also beside an own id', async () => {
    const before = await auditCount('notification.delete');
    const corporationsOwn = (await inbox('corporatie')).items[0]?.id;
    for (const [caller, ids] of [
      ['corporatie', [approvalId]],
      ['financien', [readOne, corporationsOwn]],
    ] as const) {
      const refused = await remove(caller, { ids });
      expect(refused.status).toBe(404);
      expect(refused.type).toContain('application/problem+json');
    }
    expect((await inbox('financien')).items).toHaveLength(4);
    expect((await inbox('corporatie')).items).toHaveLength(1);
    expect(await auditCount('notification.delete')).toBe(before);
  });

  it.each([
    ['an empty body', {}],
    ['no ids', { ids: [] }],
    ['an id that is not a uuid', { ids: ['x'] }],
    ['read: false', { read: false }],
    ['both ids and read', { ids: ['00000000-0000-0000-0000-000000000001'], read: true }],
    ['the read route\u2019s all', { all: true }],
    ['more than 200 ids', { ids: Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }],
  ])('refuses %s with 422 problem+json and deletes nothing', async (_name, payload) => {
    const { status, type } = await remove('financien', payload);
    expect(status).toBe(422);
    expect(type).toContain('application/problem+json');
    expect((await inbox('financien')).items).toHaveLength(4);
  });

  it('needs a session (401)', async () => {
    expect((await call(null, 'POST', '/api/v1/me/notifications/delete', { read: true })).status).toBe(401);
  });

  it('deletes one by id, audited as the person; the job does not make it again', async () => {
    const before = await auditCount('notification.delete');
    const done = await remove('financien', { ids: [approvalId] });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ deleted: 1, unreadCount: 1 });
    expect(await titlesOf('financien')).toEqual(['Gelezen een', 'Gelezen twee', 'Ongelezen']);
    expect(await auditCount('notification.delete')).toBe(before + 1);
    const { rows } = await sql<{ actor_username: string; detail: unknown }>`SELECT actor_username, detail FROM audit_log WHERE action = 'notification.delete' ORDER BY id DESC LIMIT 1`.execute(t.database.db);
    expect(rows[0]).toEqual({ actor_username: 'financien', detail: { count: 1, allRead: false } });
    // The approval still waits on the worklist, but its key is recorded: no second notification.
    await runNotify();
    expect(await titlesOf('financien')).toEqual(['Gelezen een', 'Gelezen twee', 'Ongelezen']);
  });

  it('deletes all read ones and keeps the unread one; with none read left it deletes nothing and audits nothing', async () => {
    expect((await remove('financien', { read: true })).body).toEqual({ deleted: 2, unreadCount: 1 });
    expect((await inbox('financien')).items.map((n) => n.id)).toEqual([unread]);
    const before = await auditCount('notification.delete');
    expect((await remove('financien', { read: true })).body).toEqual({ deleted: 0, unreadCount: 1 });
    expect(await auditCount('notification.delete')).toBe(before);
  });
});

describe('the daily clean-up', () => {
  let onListKey = '';

  beforeAll(async () => {
    // The analyst's worklist is empty; the ages straddle both limits (90 days once read, 365 in all).
    await addNotification('analist', 'gelezen 100 dagen', 100, true);
    await addNotification('analist', 'gelezen 80 dagen', 80, true);
    await addNotification('analist', 'ongelezen 100 dagen', 100, false);
    await addNotification('analist', 'ongelezen 300 dagen', 300, false);
    await addNotification('analist', 'ongelezen 400 dagen', 400, false);
    await addNotification('analist', 'gelezen 400 dagen', 400, true);
    for (const age of [400, 10]) {
      await sql`INSERT INTO notification_digests (user_id, day, sent_at) VALUES (${s.analist?.userId}, ${calendarDayOf(daysAgo(age))}, ${daysAgo(age)})`.execute(t.database.db);
    }
    // The corporation was told of its overdue action (first describe); make that a year and more ago, with
    // its notification, and add two keys of items that are no longer on its list: one old, one young.
    onListKey = (await toldKeysOf('corporatie'))[0] ?? '';
    expect(onListKey).toMatch(/^action:.*:overdue$/);
    await sql`UPDATE notified_items SET notified_at = ${daysAgo(400)} WHERE user_id = ${s.corporatie?.userId}`.execute(t.database.db);
    await sql`UPDATE notifications SET created_at = ${daysAgo(400)} WHERE user_id = ${s.corporatie?.userId}`.execute(t.database.db);
    for (const [key, age] of [
      ['action:00000000-0000-4000-8000-000000000001:overdue', 400],
      ['action:00000000-0000-4000-8000-000000000002:overdue', 10],
    ] as const) {
      await sql`INSERT INTO notified_items (user_id, item_key, notified_at) VALUES (${s.corporatie?.userId}, ${key}, ${daysAgo(age)})`.execute(t.database.db);
    }
  });

  it('deletes exactly what is past its limit, in one audit row by the system with the counts', async () => {
    const before = await auditCount('notification.retention');
    expect(await runRetention()).toEqual({ notifications: 4, digests: 1, toldKeys: 1 });
    expect(await titlesOf('analist')).toEqual(['gelezen 80 dagen', 'ongelezen 100 dagen', 'ongelezen 300 dagen']);
    const digests = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification_digests WHERE sent_at > ${daysAgo(11)}`.execute(t.database.db);
    expect(digests.rows[0]?.n).toBe(1);
    expect(await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification_digests`.execute(t.database.db).then((r) => r.rows[0]?.n)).toBe(1);
    // The key of the action still on its list stays (a year old or not); the old key of a gone item goes.
    expect(await toldKeysOf('corporatie')).toEqual(['action:00000000-0000-4000-8000-000000000002:overdue', onListKey].sort());
    expect(await titlesOf('corporatie')).toEqual([]);
    // Young rows of others are untouched.
    expect(await titlesOf('financien')).toEqual(['Ongelezen']);

    expect(await auditCount('notification.retention')).toBe(before + 1);
    const { rows } = await sql<{ actor_username: string; subject_type: string; detail: unknown }>`SELECT actor_username, subject_type, detail FROM audit_log WHERE action = 'notification.retention' ORDER BY id DESC LIMIT 1`.execute(t.database.db);
    expect(rows[0]).toEqual({ actor_username: 'system', subject_type: 'notification', detail: { notifications: 4, digests: 1, toldKeys: 1, readRetentionDays: 90, retentionDays: 365 } });
  });

  it('tells the corporation nothing twice: its overdue action is still on its list, and its key kept', async () => {
    await runNotify();
    expect((await inbox('corporatie')).items).toEqual([]);
    expect(await toldKeysOf('corporatie')).toContain(onListKey);
  });

  it('finds nothing the second time and writes no audit row', async () => {
    const before = await auditCount('notification.retention');
    expect(await runRetention()).toEqual({ notifications: 0, digests: 0, toldKeys: 0 });
    expect(await auditCount('notification.retention')).toBe(before);
  });

  it('follows the settings: with read ones kept 30 days, the one read 80 days ago goes', async () => {
    const run = await runNotificationRetention(t.database.db, { ...t.config, notificationReadRetentionDays: 30 }, t.clock.now());
    expect(run).toEqual({ notifications: 1, digests: 0, toldKeys: 0 });
    expect(await titlesOf('analist')).toEqual(['ongelezen 100 dagen', 'ongelezen 300 dagen']);
  });
});

describe('the settings at start', () => {
  it('an app started with other limits reports them to the person', async () => {
    const other = await createTestApp({ NOTIFICATION_READ_RETENTION_DAYS: '30', NOTIFICATION_RETENTION_DAYS: '180' });
    try {
      const session = await other.login('analist');
      const response = await other.app.inject({ url: '/api/v1/me/notifications', headers: { cookie: session.cookie } });
      expect(response.json<NotificationList>().kept).toEqual({ readDays: 30, days: 180 });
    } finally {
      await other.close();
    }
  }, 120_000);
});
