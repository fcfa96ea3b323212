import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the signals tables (db/migrations/20261122T1400__signals__create-signals.sql). */

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface SignalLegalRegimesTable {
  code: string;
  name_nl: string;
  name_en: string;
  allows_criminal_law: boolean;
  partner_kinds: string[];
}

export interface SignalCategoriesTable {
  code: string;
  name_nl: string;
  name_en: string;
  criminal_law: boolean;
  allowed_regimes: string[];
  reader_kinds: string[];
  allows_persons: boolean;
  allows_groups: boolean;
  detail_fields: Json<Record<string, { type: 'integer' | 'text' | 'enum'; values?: string[]; min?: number; max?: number }>>;
  default_retention_months: number;
  sort_order: number;
}

export interface SignalsTable {
  id: Generated<string>;
  municipality_code: string;
  category: string;
  occurred_at: ColumnType<Date, Date | string, Date | string>;
  lon: number | null;
  lat: number | null;
  address: string | null;
  area_code: string;
  wijk_code: string | null;
  description: string;
  details: Json<Record<string, string | number>>;
  source_organisation_id: string;
  registered_by: string | null;
  confidentiality: string;
  legal_regime: string;
  purpose: string;
  retention_until: DateColumn;
  person_count: Generated<number>;
  group_count: Generated<number>;
  is_demo: Generated<boolean>;
  import_id: string | null;
  external_key: string | null;
  created_at: GeneratedTimestamp;
}

export interface SignalSubjectsTable {
  signal_id: string;
  pseudonym: string;
  kind: 'person' | 'group';
}

export interface SignalIdentitiesTable {
  pseudonym: string;
  kind: 'person' | 'group';
  reference_sealed: string;
  created_at: GeneratedTimestamp;
}

export interface SignalRetentionExtensionsTable {
  id: Generated<string>;
  signal_id: string;
  previous_until: DateColumn;
  new_until: DateColumn;
  reason: string;
  decided_by: string | null;
  decided_at: GeneratedTimestamp;
}

export interface SignalImportsTable {
  id: Generated<string>;
  municipality_code: string;
  file_name: string;
  content_sha256: string;
  rows: number;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface SignalCasesTable {
  id: Generated<string>;
  municipality_code: string;
  title: string;
  focus_kind: 'address' | 'location' | 'person' | 'group';
  focus_address: string | null;
  focus_pseudonym: string | null;
  area_code: string;
  wijk_code: string | null;
  category: string;
  legal_regime: string;
  confidentiality: string;
  purpose: string;
  status: Generated<CaseStatusCode>;
  owner_organisation_id: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface SignalCaseSignalsTable {
  case_id: string;
  signal_id: string;
  linked_at: GeneratedTimestamp;
  linked_by: string | null;
}

export type CaseStatusCode = 'open' | 'in_progress' | 'closed';

export interface SignalCaseStatusChangesTable {
  id: Generated<string>;
  case_id: string;
  from_status: CaseStatusCode;
  to_status: CaseStatusCode;
  reason_code: string | null;
  reason_text: string | null;
  changed_by: string | null;
  changed_at: GeneratedTimestamp;
}

export interface SignalCaseMeetingsTable {
  id: Generated<string>;
  case_id: string;
  held_on: DateColumn;
  attendees: string;
  decisions: string[];
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface SignalInterventionsTable {
  id: Generated<string>;
  case_id: string;
  meeting_id: string | null;
  kind: 'preventive' | 'repressive';
  description: string;
  owner_organisation_id: string;
  due_date: DateColumn;
  status: Generated<'open' | 'done' | 'cancelled'>;
  created_at: GeneratedTimestamp;
}

export interface SignalPseudonymReadsTable {
  user_id: string;
  hour: ColumnType<Date, Date, Date>;
  pseudonym: string;
}

export interface SignalUnusualReadAlertsTable {
  id: Generated<string>;
  user_id: string;
  hour: ColumnType<Date, Date, Date>;
  distinct_count: number;
  created_at: GeneratedTimestamp;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type SignalsTables = {
  signal_legal_regimes: SignalLegalRegimesTable;
  signal_categories: SignalCategoriesTable;
  signals: SignalsTable;
  signal_subjects: SignalSubjectsTable;
  signal_identities: SignalIdentitiesTable;
  signal_retention_extensions: SignalRetentionExtensionsTable;
  signal_imports: SignalImportsTable;
  signal_cases: SignalCasesTable;
  signal_case_signals: SignalCaseSignalsTable;
  signal_case_status_changes: SignalCaseStatusChangesTable;
  signal_case_meetings: SignalCaseMeetingsTable;
  signal_interventions: SignalInterventionsTable;
  signal_pseudonym_reads: SignalPseudonymReadsTable;
  signal_unusual_read_alerts: SignalUnusualReadAlertsTable;
};

export type SignalsDb = Kysely<Database & SignalsTables> | Transaction<Database & SignalsTables>;

/** The platform's database handle, widened with the signals tables. */
export function signalsDb(db: Kysely<Database> | Transaction<Database>): SignalsDb {
  return db.withTables<SignalsTables>();
}
