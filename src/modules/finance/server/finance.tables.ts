import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the finance tables (db/migrations/20261122T1300__finance__create-finance.sql). */

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint cents: pg returns them as strings; we write numbers. */
type BigCents = ColumnType<string, number | string, number | string>;
/** A date column: read as a string (see finance.queries.ts, which casts), written as an ISO date. */
type DateColumn = ColumnType<string, string, string>;

export interface FundingSourcesTable {
  id: Generated<string>;
  name: string;
  kind: string;
  funder_name: string;
  funder_organisation_id: string | null;
  total_cents: BigCents;
  conditions: string;
  spend_from: DateColumn;
  spend_until: DateColumn;
  repay_unspent: boolean;
  via_municipal_budget: boolean;
  reference: string;
  illustrative: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface FundingSourcePartnersTable {
  funding_source_id: string;
  organisation_id: string;
}

export interface FundingTranchesTable {
  id: Generated<string>;
  funding_source_id: string;
  seq: number;
  amount_cents: BigCents;
  due_date: DateColumn;
  received_date: DateColumn | null;
  received_cents: BigCents;
}

export interface FundingObligationsTable {
  id: Generated<string>;
  funding_source_id: string;
  kind: string;
  due_date: DateColumn;
  description: string;
  delivered_on: DateColumn | null;
}

export interface BudgetLinesTable {
  id: Generated<string>;
  programme_id: string;
  activity_id: string;
  activity_name: string;
  year: number;
  description: string;
  amount_cents: BigCents;
  created_at: GeneratedTimestamp;
}

export interface BudgetAllocationsTable {
  budget_line_id: string;
  funding_source_id: string;
  amount_cents: BigCents | null;
  share_bp: number | null;
}

export interface FinanceEntriesTable {
  id: Generated<string>;
  budget_line_id: string;
  kind: 'commitment' | 'spend';
  amount_cents: BigCents;
  booked_on: DateColumn;
  description: string;
  document_ref: string;
  commitment_id: string | null;
  status: 'approved' | 'pending' | 'rejected';
  submitted_by: string | null;
  submitted_name: string;
  decided_by: string | null;
  decided_name: string | null;
  decided_at: ColumnType<Date, Date | string, Date | string> | null;
  decision_note: Generated<string>;
  /** Why it waits for a second person (db/migrations/20261206T1200__finance__four-eyes-rules.sql). */
  approval_reason: 'amount' | 'split' | null;
  /** A counter-entry: the entry it reverses (db/migrations/20261206T1200__finance__reversals-and-caps.sql). */
  reverses_id: Generated<string | null>;
  split_total_cents: BigCents | null;
  /** Registration time by the app clock: the split check's window runs on it. */
  created_at: GeneratedTimestamp;
}

export interface FinanceSettingChangesTable {
  id: Generated<string>;
  key: 'approval_threshold_cents';
  from_value: BigCents;
  to_value: BigCents;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  proposed_by: string | null;
  proposed_name: string;
  proposed_at: ColumnType<Date, Date | string, Date | string>;
  decided_by: string | null;
  decided_name: string | null;
  decided_at: ColumnType<Date, Date | string, Date | string> | null;
  decision_note: Generated<string>;
}

export interface BudgetProposalsTable {
  id: Generated<string>;
  title: string;
  reference: string;
  subject: string;
  activity_id: string | null;
  illustrative: boolean;
  first_year: number;
  last_year: number;
  structural: boolean;
  investment_cents: BigCents;
  depreciation_years: number | null;
  interest_bp: number;
  investment_year: number | null;
  release_first_year: boolean;
  reserve_covers_capital: boolean;
  created_at: GeneratedTimestamp;
}

export interface BudgetProposalYearsTable {
  proposal_id: string;
  year: number;
  operating_cents: BigCents;
}

export interface BudgetProposalFinancingTable {
  proposal_id: string;
  funding_source_id: string;
  share_bp: number;
}

/** A budget line proposed from the activity page, waiting for finance (db/migrations/20261207T1310__finance__budget-line-proposals.sql). */
export interface BudgetLineProposalsTable {
  id: Generated<string>;
  programme_id: string;
  activity_id: string;
  activity_name: string;
  year: number;
  funding_source_id: string;
  amount_cents: BigCents;
  description: string;
  status: 'pending' | 'approved' | 'rejected';
  proposed_by: string | null;
  proposed_name: string;
  proposed_at: ColumnType<Date, Date | string, Date | string>;
  decided_by: string | null;
  decided_name: string | null;
  decided_at: ColumnType<Date, Date | string, Date | string> | null;
  decision_note: Generated<string>;
  budget_line_id: string | null;
}

export interface FinanceSettingsTable {
  key: string;
  value: BigCents;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type FinanceTables = {
  funding_sources: FundingSourcesTable;
  funding_source_partners: FundingSourcePartnersTable;
  funding_tranches: FundingTranchesTable;
  funding_obligations: FundingObligationsTable;
  budget_lines: BudgetLinesTable;
  budget_allocations: BudgetAllocationsTable;
  finance_entries: FinanceEntriesTable;
  budget_proposals: BudgetProposalsTable;
  budget_proposal_years: BudgetProposalYearsTable;
  budget_proposal_financing: BudgetProposalFinancingTable;
  finance_settings: FinanceSettingsTable;
  finance_setting_changes: FinanceSettingChangesTable;
  budget_line_proposals: BudgetLineProposalsTable;
};

export type FinanceDb = Kysely<Database & FinanceTables> | Transaction<Database & FinanceTables>;

export function financeDb(db: Kysely<Database> | Transaction<Database>): FinanceDb {
  return db.withTables<FinanceTables>();
}
