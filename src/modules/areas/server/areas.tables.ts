import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the areas tables (db/migrations/20261122T1000__areas__create-areas.sql). */

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface AreasTable {
  code: string;
  level: string;
  municipality_code: string;
  created_at: GeneratedTimestamp;
}

export interface AreaVersionsTable {
  area_code: string;
  year: number;
  name: string;
  parent_code: string | null;
  municipality_code: string;
  level: string;
  geometry: Json<unknown> | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  import_id: string | null;
}

export interface FocusAreasTable {
  code: string;
  municipality_code: string;
  name: string;
  description: Generated<string>;
  polygon: Json<unknown> | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface FocusAreaMembersTable {
  focus_code: string;
  member_code: string;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type AreasTables = {
  areas: AreasTable;
  area_versions: AreaVersionsTable;
  focus_areas: FocusAreasTable;
  focus_area_members: FocusAreaMembersTable;
};

export type AreasDb = Kysely<Database & AreasTables> | Transaction<Database & AreasTables>;

/** The platform's database handle, widened with the areas tables. */
export function areasDb(db: Kysely<Database> | Transaction<Database>): AreasDb {
  return db.withTables<AreasTables>();
}
