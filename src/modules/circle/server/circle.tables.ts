import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the circle tables (db/migrations/20261207T1620__circle__create-circle.sql). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint arrives as text from pg; sequences stay far below 2^53. */
type BigIntColumn = ColumnType<string, number | undefined, number>;
/** date arrives as text (the pg type parser is set so). */
type DateColumn = ColumnType<string, string, string>;

export interface CircleIdentityTable {
  id: Generated<number>;
  name: string | null;
  municipality_code: string | null;
  public_key: string;
  private_key_sealed: string;
  last_sequence: BigIntColumn;
  rotation_statement: ColumnType<unknown, string | null | undefined, string | null>;
  rotated_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface CircleMembersTable {
  id: Generated<string>;
  name: string;
  municipality_code: string;
  public_key: string;
  last_sequence: BigIntColumn;
  last_imported_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  revoked_reason: string | null;
  revoked_by: string | null;
  created_at: Timestamp;
}

export interface CircleMeetingsTable {
  id: Generated<string>;
  held_on: DateColumn;
  host_municipality: string;
  place: string;
  is_illustrative: Generated<boolean>;
  created_at: Timestamp;
}

export interface CircleMeetingPartsTable {
  meeting_id: string;
  part: string;
  notes: Generated<string>;
}

export interface CircleLessonsTable {
  id: Generated<string>;
  title: string;
  body: string;
  theme: string;
  area_name: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  meeting_id: string | null;
  meeting_part: string | null;
  is_illustrative: Generated<boolean>;
  search_text: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CircleSharesTable {
  kind: string;
  item_key: string;
  level: string;
  updated_at: Timestamp;
}

export interface CircleReceivedItemsTable {
  id: Generated<string>;
  member_id: string;
  kind: string;
  item_key: string;
  level: string;
  title: string;
  search_text: Generated<string>;
  payload: ColumnType<unknown, string, string>;
  received_at: Timestamp;
}

export interface CircleBundleLogTable {
  id: Generated<string>;
  direction: string;
  member_id: string | null;
  sequence: BigIntColumn;
  item_count: number;
  sha256: string;
  at: Timestamp;
}

export type CircleTables = {
  circle_identity: CircleIdentityTable;
  circle_members: CircleMembersTable;
  circle_meetings: CircleMeetingsTable;
  circle_meeting_parts: CircleMeetingPartsTable;
  circle_lessons: CircleLessonsTable;
  circle_shares: CircleSharesTable;
  circle_received_items: CircleReceivedItemsTable;
  circle_bundle_log: CircleBundleLogTable;
};

export type CircleDb = Kysely<Database & CircleTables> | Transaction<Database & CircleTables>;

export function circleDb(db: Kysely<Database> | Transaction<Database>): CircleDb {
  return db.withTables<CircleTables>();
}
