import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the tables this module writes (db/migrations/*__areas__*, *__indicators__*). */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface IndicatorsTable {
  code: string;
  name: string;
  theme: string;
  unit: string;
  definition: string;
  source: string;
  polarity: string;
  aggregation: string;
  weight_indicator: string | null;
  suppress_below: number | null;
  decimals: number;
  cbs_key: string | null;
  /** Assigned by the database on insert; see area_figures. */
  slot: Generated<number>;
  created_at: GeneratedTimestamp;
}

export interface ImportsTable {
  id: Generated<string>;
  kind: string;
  file_name: string;
  content_sha256: string;
  year: number | null;
  rows: number;
  report: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export type IndicatorTables = {
  indicators: IndicatorsTable;
  imports: ImportsTable;
};
