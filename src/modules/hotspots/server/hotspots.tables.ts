import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of db/migrations/20261122T1450__hotspots__create-saved-analyses.sql and 20261206T1301. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface HotspotAnalysesTable {
  id: Generated<string>;
  name: string;
  note: string;
  municipality_code: string;
  source_kind: string;
  statistic: string;
  request: Json;
  result: Json;
  created_by: string;
  organisation_id: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** Signal source: the need-to-know facts of its signals, from the signals module (null before 2026-12-06). */
  signal_access: ColumnType<unknown, string | null | undefined, string | null>;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type HotspotTables = { hotspot_analyses: HotspotAnalysesTable };
export type HotspotDb = Kysely<Database & HotspotTables> | Transaction<Database & HotspotTables>;
export const hotspotDb = (db: Kysely<Database> | Transaction<Database>): HotspotDb => db.withTables<HotspotTables>();
