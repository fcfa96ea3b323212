import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the site tables (db/migrations/20261207T1320__site__site-pages.sql). */

export interface SitePagesTable {
  slug: string;
  title: string;
  body: string;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export type SiteTables = { site_pages: SitePagesTable };
export type SiteDb = Kysely<Database & SiteTables> | Transaction<Database & SiteTables>;

export function siteDb(db: Kysely<Database> | Transaction<Database>): SiteDb {
  return db.withTables<SiteTables>();
}
