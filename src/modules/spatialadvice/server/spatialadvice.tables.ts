import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the spatial-advice tables (db/migrations/20261207T1630__spatialadvice__create-spatial-advice.sql). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A date column: read as text (the queries cast it), written as YYYY-MM-DD. */
type DateColumn = ColumnType<string, string, string>;

export interface SpatialTemplatesTable {
  id: Generated<string>;
  version: number;
  note: Generated<string>;
  published_by: string | null;
  published_at: Timestamp;
}

export interface SpatialTemplateItemsTable {
  id: Generated<string>;
  template_id: string;
  position: number;
  theme: string;
  kind: string;
  text: string;
}

export interface SpatialTriggersTable {
  id: Generated<string>;
  kind: string;
  status: Generated<string>;
  municipality_code: string;
  area_code: string;
  place_name: string;
  description: Generated<string>;
  lat: number | null;
  lon: number | null;
  geometry: ColumnType<unknown, string | null, string | null>;
  hotspot_analysis_id: string | null;
  hotspot_cell: string | null;
  hotspot_name: string | null;
  programme_id: string | null;
  dismiss_reason: string | null;
  is_demo: Generated<boolean>;
  raised_by: string | null;
  created_at: Timestamp;
}

export interface SpatialScansTable {
  id: Generated<string>;
  trigger_id: string;
  template_id: string;
  started_by: string | null;
  started_at: Timestamp;
  outcome: string | null;
  motivation: string | null;
  signed_by: string | null;
  signed_name: string | null;
  signed_at: NullableTimestamp;
}

export interface SpatialParticipantsTable {
  id: Generated<string>;
  scan_id: string;
  user_id: string;
  discipline: string;
  created_at: Timestamp;
}

export interface SpatialScoresTable {
  id: Generated<string>;
  participant_id: string;
  item_id: string;
  score: string;
  remark: Generated<string>;
  evidence: Generated<string>;
  updated_at: Timestamp;
}

export interface SpatialPhotosTable {
  id: Generated<string>;
  score_id: string;
  media_type: string;
  bytes: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface SpatialConditionsTable {
  id: Generated<string>;
  scan_id: string;
  position: number;
  text: string;
  owner_user_id: string;
  due_date: DateColumn;
  status: Generated<string>;
  closed_at: NullableTimestamp;
}

export type SpatialTables = {
  spatial_templates: SpatialTemplatesTable;
  spatial_template_items: SpatialTemplateItemsTable;
  spatial_triggers: SpatialTriggersTable;
  spatial_scans: SpatialScansTable;
  spatial_participants: SpatialParticipantsTable;
  spatial_scores: SpatialScoresTable;
  spatial_photos: SpatialPhotosTable;
  spatial_conditions: SpatialConditionsTable;
};

export type SpatialDb = Kysely<Database & SpatialTables> | Transaction<Database & SpatialTables>;

export function spatialDb(db: Kysely<Database> | Transaction<Database>): SpatialDb {
  return db.withTables<SpatialTables>();
}
