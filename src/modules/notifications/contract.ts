import { z } from 'zod';

/** API shapes of notifications: the in-app list, and how each person wants to be told (docs/notifications.md). */

/** What a person can be told of: a new action for them, an approval waiting, an escalation, a deadline. */
export const NOTIFICATION_KINDS = ['action', 'approval', 'escalation', 'deadline'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** In the app only; also by e-mail at once; also in one e-mail a day; not at all. */
export const DELIVERIES = ['in_app', 'email_now', 'daily_digest', 'off'] as const;
export const Delivery = z.enum(DELIVERIES);
export type Delivery = z.infer<typeof Delivery>;

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  /** The thing's name; empty when it has none (a new approval threshold): the kind says what it is. */
  title: z.string(),
  /** The web page of the thing. */
  href: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  items: z.array(Notification),
  unreadCount: z.number().int(),
  /** How long the server keeps them (days): a read one, and any one; shown so the person knows. */
  kept: z.object({ readDays: z.number().int(), days: z.number().int() }),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** Mark some (ids) or all of the caller's notifications read. */
export const MarkRead = z.union([z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }), z.strictObject({ all: z.literal(true) })]);
export type MarkRead = z.infer<typeof MarkRead>;
export const MarkReadResult = z.object({ marked: z.number().int(), unreadCount: z.number().int() });

/** Delete some (ids) of the caller's notifications, or all they have read (`read: true`). */
export const DeleteNotifications = z.union([z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }), z.strictObject({ read: z.literal(true) })]);
export type DeleteNotifications = z.infer<typeof DeleteNotifications>;
export const DeleteNotificationsResult = z.object({ deleted: z.number().int(), unreadCount: z.number().int() });
export type DeleteNotificationsResult = z.infer<typeof DeleteNotificationsResult>;

export const NotificationSettings = z.object({
  /** Whether the server can send e-mail at all (an SMTP server is configured). */
  emailAvailable: z.boolean(),
  /** Whether the caller's account has an e-mail address. */
  hasEmailAddress: z.boolean(),
  settings: z.object({ action: Delivery, approval: Delivery, escalation: Delivery, deadline: Delivery }),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const UpdateNotificationSettings = z.strictObject({
  settings: z.strictObject({ action: Delivery, approval: Delivery, escalation: Delivery, deadline: Delivery }),
});
export type UpdateNotificationSettings = z.infer<typeof UpdateNotificationSettings>;
