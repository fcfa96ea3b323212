import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { InitiativeStatus } from '../contract.js';

/** Kysely types of the initiatives tables (db/migrations/20261207T1500__initiatives__create-initiatives.sql). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// bigint columns arrive as strings from pg; the queries convert them.
type Cents = ColumnType<string, number | string, number | string>;

export interface WijkbudgetsTable {
  id: Generated<string>;
  area_code: string;
  area_name: string;
  year: number;
  total_cents: Cents;
  four_eyes_threshold_cents: Cents;
  granted_cents: ColumnType<string, number | string | undefined, number | string>;
  funding_source_id: string;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface InitiativesTable {
  id: Generated<string>;
  title: string;
  description: string;
  area_code: string;
  area_name: string;
  wijk_code: string;
  focus_code: string | null;
  place: string;
  cost_cents: Cents;
  programme_id: string;
  goal_id: string;
  goal_name: string;
  status: ColumnType<InitiativeStatus, InitiativeStatus | undefined, InitiativeStatus>;
  follow_token_hash: string;
  score_goal: number | null;
  score_support: number | null;
  score_feasibility: number | null;
  score_value: number | null;
  assessment_note: ColumnType<string, string | undefined, string>;
  granted_cents: ColumnType<string | null, number | null | undefined, number | null>;
  wijkbudget_id: string | null;
  activity_id: string | null;
  budget_line_id: string | null;
  is_example: ColumnType<boolean, boolean | undefined, boolean>;
  submitted_at: Timestamp;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  contact_removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface InitiativeContactsTable {
  initiative_id: string;
  name: string;
  email: string;
  phone: string;
  created_at: Timestamp;
}

export interface InitiativeStatusChangesTable {
  id: Generated<string>;
  initiative_id: string;
  from_status: InitiativeStatus | null;
  to_status: InitiativeStatus;
  reason: string;
  decided_by: string | null;
  decided_name: string;
  decided_role: string;
  decided_organisation: string;
  decided_at: Timestamp;
}

export interface InitiativeGrantProposalsTable {
  id: Generated<string>;
  initiative_id: string;
  wijkbudget_id: string;
  amount_cents: Cents;
  reason: string;
  status: ColumnType<'pending' | 'approved' | 'rejected', 'pending' | undefined, 'approved' | 'rejected'>;
  proposed_by: string | null;
  proposed_name: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_name: string | null;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  note: ColumnType<string, string | undefined, string>;
}

export type InitiativesTables = {
  wijkbudgets: WijkbudgetsTable;
  initiatives: InitiativesTable;
  initiative_contacts: InitiativeContactsTable;
  initiative_status_changes: InitiativeStatusChangesTable;
  initiative_grant_proposals: InitiativeGrantProposalsTable;
};
export type InitiativesDb = Kysely<Database & InitiativesTables> | Transaction<Database & InitiativesTables>;

export function initiativesDb(db: Kysely<Database> | Transaction<Database>): InitiativesDb {
  return db.withTables<InitiativesTables>();
}

export function cents(value: string | number): number {
  return Number(value);
}
