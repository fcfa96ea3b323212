import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the reports tables (db/migrations/20261206T1500__reports__create-reports.sql, 20261207T1100__reports__renders.sql). */

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** SQL `date`, read as YYYY-MM-DD text (the queries cast). */
type DateColumn = ColumnType<string, string, string>;

export interface ReportSnapshotsTable {
  id: Generated<string>;
  programme_id: string;
  municipality_code: string;
  title: string;
  period_start: DateColumn;
  peildatum: DateColumn;
  content: string;
  content_sha256: string;
  is_demo: Generated<boolean>;
  taken_by: string | null;
  taken_by_name: string;
  taken_at: GeneratedTimestamp;
}

export interface ReportTemplatesTable {
  municipality_code: string;
  version: number;
  content: string;
  saved_by: string | null;
  saved_by_name: string;
  saved_at: GeneratedTimestamp;
}

export interface CouncilLettersTable {
  id: Generated<string>;
  programme_id: string;
  municipality_code: string;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface CouncilLetterVersionsTable {
  letter_id: string;
  version: number;
  snapshot_id: string;
  template_version: number;
  content: string;
  saved_by: string | null;
  saved_by_name: string;
  saved_at: GeneratedTimestamp;
}

export interface ReportRendersTable {
  id: Generated<string>;
  requested_by: string;
  snapshot_id: string;
  letter_id: string | null;
  letter_version: number | null;
  kind: string;
  subject_id: string | null;
  format: string;
  file_name: string;
  status: string;
  progress: Generated<number>;
  content: Buffer | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type ReportsTables = {
  report_snapshots: ReportSnapshotsTable;
  report_templates: ReportTemplatesTable;
  council_letters: CouncilLettersTable;
  council_letter_versions: CouncilLetterVersionsTable;
  report_renders: ReportRendersTable;
};

export type ReportsDb = Kysely<Database & ReportsTables> | Transaction<Database & ReportsTables>;

export function reportsDb(db: Kysely<Database> | Transaction<Database>): ReportsDb {
  return db.withTables<ReportsTables>();
}
