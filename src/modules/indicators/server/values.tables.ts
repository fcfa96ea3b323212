import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';

/** Kysely types of what the figures (values, profile, ranking) read and write. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface IndicatorDefinitionsTable {
  code: string;
  name: string;
  unit: string;
  polarity: string;
  aggregation: string;
  weight_indicator: string | null;
  decimals: number;
  /** Position of the indicator's value in area_figures.figures (1-based). */
  slot: number;
}

/** One area in one year: every indicator value at its indicator's slot (see the migration that made it). */
export interface AreaFiguresTable {
  municipality_code: string;
  area_code: string;
  year: number;
  level: string;
  figures: ColumnType<(number | null)[], string, string>;
  status: ColumnType<(number | null)[], string, string>;
  import_id: string | null;
}

export interface PriorityRankingsTable {
  id: Generated<string>;
  name: string;
  municipality_code: string;
  level: string;
  year: number;
  criteria: ColumnType<unknown, string, string>;
  note: string;
  result: ColumnType<unknown, string, string>;
  created_by: string;
  created_at: GeneratedTimestamp;
}

// A type alias, not an interface: Kysely's withTables wants an index-signature-compatible record.
export type ValuesTables = {
  indicators: IndicatorDefinitionsTable;
  area_figures: AreaFiguresTable;
  priority_rankings: PriorityRankingsTable;
};

export type ValuesDb = Kysely<Database & ValuesTables> | Transaction<Database & ValuesTables>;
export const valuesDb = (db: Kysely<Database> | Transaction<Database>): ValuesDb => db.withTables<ValuesTables>();
