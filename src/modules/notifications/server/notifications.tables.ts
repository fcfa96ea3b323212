import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the notifications tables (db/migrations/20261207T1400__notifications__create-notifications.sql). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface NotificationSettingsTable {
  user_id: string;
  kind: string;
  delivery: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotifiedItemsTable {
  user_id: string;
  item_key: string;
  notified_at: Timestamp;
}

export interface NotificationsTable {
  id: ColumnType<string, string | undefined, never>;
  user_id: string;
  kind: string;
  item_key: string;
  title: string;
  href: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  email_plan: string;
  emailed_at: Timestamp | null;
}

export interface NotificationDigestsTable {
  user_id: string;
  day: ColumnType<string, string, string>;
  sent_at: Timestamp;
}

export type NotificationsTables = {
  notification_settings: NotificationSettingsTable;
  notified_items: NotifiedItemsTable;
  notifications: NotificationsTable;
  notification_digests: NotificationDigestsTable;
};

export type NotificationsDb = Kysely<Database & NotificationsTables> | Transaction<Database & NotificationsTables>;

export function notificationsDb(db: Kysely<Database> | Transaction<Database>): NotificationsDb {
  return db.withTables<NotificationsTables>();
}
