import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of the learning tables (db/migrations/20261207T1410__learning__mkba.sql). */

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint arrives as text from pg; the queries turn it into a number (at most 10^13, well inside 2^53). */
type BigIntColumn = ColumnType<string | null, number | null, number | null>;

export interface MkbasTable {
  id: Generated<string>;
  municipality_code: string;
  area_code: string;
  name: string;
  null_alternative: string;
  base_year: number;
  horizon_years: number;
  discount_rate_bp: number;
  rate_justification: string | null;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface MkbaAlternativesTable {
  id: Generated<string>;
  mkba_id: string;
  name: string;
  description: Generated<string>;
  created_at: GeneratedTimestamp;
}

export interface MkbaMeasuresTable {
  id: Generated<string>;
  alternative_id: string;
  name: string;
  description: Generated<string>;
  created_at: GeneratedTimestamp;
}

export interface MkbaLinesTable {
  id: Generated<string>;
  alternative_id: string;
  measure_id: string | null;
  kind: string;
  actor: string;
  year: number;
  amount_cents: BigIntColumn;
  description: Generated<string>;
  created_at: GeneratedTimestamp;
}

/** db/migrations/20261207T1600__learning__mkba-linked-benefits.sql */
export interface MkbaLinkedBenefitsTable {
  id: Generated<string>;
  alternative_id: string;
  measure_id: string | null;
  goal_id: string;
  actor: string;
  unit_value_cents: ColumnType<string, number, number>;
  unit_value_source: string;
  quantity_kind: string;
  quantity_value: number | null;
  quantity_source: string | null;
  description: Generated<string>;
  created_at: GeneratedTimestamp;
}

export type LearningTables = {
  mkba_linked_benefits: MkbaLinkedBenefitsTable;
  mkbas: MkbasTable;
  mkba_alternatives: MkbaAlternativesTable;
  mkba_measures: MkbaMeasuresTable;
  mkba_lines: MkbaLinesTable;
};

export type LearningDb = Kysely<Database & LearningTables> | Transaction<Database & LearningTables>;

export function learningDb(db: Kysely<Database> | Transaction<Database>): LearningDb {
  return db.withTables<LearningTables>();
}
