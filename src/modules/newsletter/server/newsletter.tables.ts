import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the newsletter tables (db/migrations/20261207T1530__newsletter__create-newsletter.sql). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface NewsletterSubscribersTable {
  id: ColumnType<string, string | undefined, never>;
  email: string;
  confirmed_at: Timestamp | null;
  confirm_token_hash: string | null;
  confirm_expires_at: Timestamp | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
export interface NewsletterSubscriptionsTable {
  subscriber_id: string;
  area_code: string;
}
export interface NewslettersTable {
  id: string;
  area_code: string;
  area_name: string;
  title: string;
  body: string;
  status: string;
  recipient_count: ColumnType<number, number | undefined, number>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}
export interface NewsletterDeliveriesTable {
  newsletter_id: string;
  subscriber_id: string;
  sent_at: Timestamp | null;
}
export type NewsletterTables = {
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  newsletters: NewslettersTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
};
export type NewsletterDb = Kysely<Database & NewsletterTables> | Transaction<Database & NewsletterTables>;

export function newsletterDb(db: Kysely<Database> | Transaction<Database>): NewsletterDb {
  return db.withTables<NewsletterTables>();
}
