import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type AppConfig, type Database } from '../../../platform/server/index.js';
import { calendarDayOf, instantToWallClock } from '../../../platform/shared/time.js';
import { getWorklistForUser, type WorklistItem } from '../../worklist/index.js';
import type { Delivery, NotificationKind } from '../contract.js';
import { composeMail } from './mail-text.js';
import { publicBaseUrl, sendMail } from './mailer.js';
import { claimDigest, dropMail, findActiveUsers, findSettings, insertNotifications, lockMailDue, markEmailed, recordNotified, usersWithMailDue, type NotificationRow } from './notifications.queries.js';
import { notificationsDb } from './notifications.tables.js';

/**
 * A notification is a new item on a person's worklist (docs/notifications.md). The job computes each active
 * person's worklist through the worklist module, tells them once of each item that is new and of a kind they
 * can be told of, and mails what they asked to have mailed: at once, or in one digest a day.
 */

/** A deadline is told of when an own action is due within this many days, and again when it is late. */
export const DEADLINE_NOTICE_DAYS = 3;
/** Mail owed for longer than this (a mail server down for days) is not sent any more; the app still shows it. */
const MAIL_WINDOW_MS = 2 * 86_400_000;
/** The digest goes out in the first run from this hour (Dutch time). */
export const DIGEST_HOUR = 7;

export const DEFAULT_DELIVERY: Delivery = 'in_app';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Which kind of notification a worklist item is, or null when it is not one a person is told of. */
export function notificationKindOf(item: WorklistItem, today: string): NotificationKind | null {
  if (item.kind === 'finance_entry' || item.kind === 'threshold_change' || item.kind === 'line_proposal') return 'approval';
  if (item.kind === 'escalation') return 'escalation';
  if (item.kind === 'change' && item.detail === 'assigned') return 'action';
  if (item.kind === 'action' && (item.section === 'overdue' || (item.dueDate !== null && item.dueDate <= addDays(today, DEADLINE_NOTICE_DAYS)))) return 'deadline';
  return null;
}

function emailPlan(delivery: Delivery, canMail: boolean): 'now' | 'digest' | 'none' {
  if (!canMail) return 'none';
  return delivery === 'email_now' ? 'now' : delivery === 'daily_digest' ? 'digest' : 'none';
}

/** Tells one person of what is new on their worklist; gives how many notifications were made. */
async function notifyUser(db: Kysely<Database>, config: AppConfig, user: { id: string; email: string | null }, now: Date): Promise<number> {
  const list = await getWorklistForUser(db, user.id, now);
  if (!list) return 0;
  const candidates = list.items.flatMap((item) => {
    const kind = notificationKindOf(item, list.today);
    return kind ? [{ item, kind }] : [];
  });
  if (candidates.length === 0) return 0;
  return db.transaction().execute(async (tx) => {
    const ndb = notificationsDb(tx);
    // Recorded first, so of two runs at once only one tells (the other finds the keys taken).
    const fresh = await recordNotified(ndb, user.id, candidates.map((c) => c.item.key), now);
    const settings = await findSettings(ndb, user.id);
    const canMail = config.smtp !== null && Boolean(user.email);
    const rows = candidates.flatMap(({ item, kind }) => {
      const delivery = (settings.get(kind) ?? DEFAULT_DELIVERY) as Delivery;
      if (!fresh.has(item.key) || delivery === 'off') return [];
      return [{ userId: user.id, kind, itemKey: item.key, title: item.title, href: item.href, at: now, emailPlan: emailPlan(delivery, canMail) }];
    });
    await insertNotifications(ndb, rows);
    if (rows.length > 0) {
      const kinds = Object.fromEntries([...new Set(rows.map((r) => r.kind))].map((k) => [k, rows.filter((r) => r.kind === k).length]));
      await withAudit(tx, SYSTEM_ACTOR, 'notification.create', { type: 'user', id: user.id }, { count: rows.length, kinds }, now);
    }
    return rows.length;
  });
}

/** Sends one person the mail owed under `plan`; false when there was nothing to send (or the day's digest went already). */
async function mailUser(db: Kysely<Database>, config: AppConfig, userId: string, plan: 'now' | 'digest', now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const ndb = notificationsDb(tx);
    const due: NotificationRow[] = await lockMailDue(ndb, userId, plan, new Date(now.getTime() - MAIL_WINDOW_MS));
    if (due.length === 0) return false;
    const [user] = await findActiveUsers(ndb, [userId]);
    if (!user?.email) {
      // Disabled, or the address was removed: the notifications stay in the app.
      await dropMail(ndb, due.map((d) => d.id));
      return false;
    }
    if (plan === 'digest' && !(await claimDigest(ndb, userId, calendarDayOf(now), now))) return false;
    const mail = composeMail({ locale: user.locale, items: due.map((d) => ({ kind: d.kind as NotificationKind, title: d.title, href: d.href })), baseUrl: publicBaseUrl(config), digest: plan === 'digest' });
    // Sent inside the transaction: a failure rolls the marks back and the next run tries again.
    await sendMail(config, { to: user.email, ...mail });
    await markEmailed(ndb, due.map((d) => d.id), now);
    await withAudit(tx, SYSTEM_ACTOR, 'notification.email', { type: 'user', id: userId }, { count: due.length, digest: plan === 'digest' }, now);
    return true;
  });
}

async function mailEveryone(db: Kysely<Database>, config: AppConfig, plan: 'now' | 'digest', now: Date): Promise<number> {
  if (config.smtp === null) return 0;
  let sent = 0;
  let failed = 0;
  for (const userId of await usersWithMailDue(notificationsDb(db), plan, new Date(now.getTime() - MAIL_WINDOW_MS))) {
    try {
      if (await mailUser(db, config, userId, plan, now)) sent += 1;
    } catch {
      // One unreachable mailbox must not keep the others' mail back; the run reports it below.
      failed += 1;
    }
  }
  if (failed > 0) throw new Error(`${failed} notification mail(s) could not be sent; they are tried again at the next run`);
  return sent;
}

/** The notification job: new worklist items of every active person, then the mail owed at once. */
export async function runNotifications(db: Kysely<Database>, config: AppConfig, now: Date): Promise<{ notified: number; mailed: number }> {
  let notified = 0;
  for (const user of await findActiveUsers(notificationsDb(db))) notified += await notifyUser(db, config, user, now);
  return { notified, mailed: await mailEveryone(db, config, 'now', now) };
}

/** The digest job: from DIGEST_HOUR Dutch time, one mail per person with what waited for the digest. */
export async function runDigest(db: Kysely<Database>, config: AppConfig, now: Date): Promise<{ mailed: number }> {
  const hour = Number((instantToWallClock(now) ?? '').slice(11, 13));
  if (hour < DIGEST_HOUR) return { mailed: 0 };
  return { mailed: await mailEveryone(db, config, 'digest', now) };
}
