import type { Kysely } from 'kysely';
import { invalid, withAudit, type Actor, type AppConfig, type Database, type FieldError } from '../../../platform/server/index.js';
import { NOTIFICATION_KINDS, type Delivery, type NotificationSettings, type UpdateNotificationSettings } from '../contract.js';
import { emailAvailable } from './mailer.js';
import { findActiveUsers, findSettings, saveSettings } from './notifications.queries.js';
import { notificationsDb, type NotificationsDb } from './notifications.tables.js';
import { DEFAULT_DELIVERY } from './notify.service.js';

/** How each person wants to be told, per kind; a kind never set is told in the app only. */

async function view(ndb: NotificationsDb, config: AppConfig, userId: string): Promise<NotificationSettings> {
  const [stored, [user]] = await Promise.all([findSettings(ndb, userId), findActiveUsers(ndb, [userId])]);
  const settings = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, (stored.get(kind) ?? DEFAULT_DELIVERY) as Delivery])) as NotificationSettings['settings'];
  return { emailAvailable: emailAvailable(config), hasEmailAddress: Boolean(user?.email), settings };
}

export async function getNotificationSettings(db: Kysely<Database>, config: AppConfig, actor: Actor): Promise<NotificationSettings> {
  return view(notificationsDb(db), config, actor.userId);
}

/** E-mail can be chosen only when the server can send it and the account has an address; audited with before and after. */
export async function updateNotificationSettings(db: Kysely<Database>, config: AppConfig, actor: Actor, input: UpdateNotificationSettings, now: Date): Promise<NotificationSettings> {
  return db.transaction().execute(async (tx) => {
    const ndb = notificationsDb(tx);
    const before = await view(ndb, config, actor.userId);
    const mailKinds = NOTIFICATION_KINDS.filter((kind) => input.settings[kind] === 'email_now' || input.settings[kind] === 'daily_digest');
    const errors: FieldError[] = mailKinds.map((kind) => ({ path: `settings.${kind}`, message: before.emailAvailable ? 'your account has no e-mail address' : 'e-mail is off on this server' }));
    if (errors.length > 0 && !before.emailAvailable) throw invalid('notifications.email_off', 'E-mail is off on this server: choose in the app or off', errors);
    if (errors.length > 0 && !before.hasEmailAddress) throw invalid('notifications.no_email_address', 'Your account has no e-mail address: choose in the app or off', errors);
    await saveSettings(ndb, actor.userId, input.settings, now);
    await withAudit(tx, actor, 'notification.settings.update', { type: 'user', id: actor.userId }, { before: before.settings, after: input.settings }, now);
    return view(ndb, config, actor.userId);
  });
}
