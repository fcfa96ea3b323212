import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { IndicatorsTable, IndicatorTables } from './indicator-tables.js';

type Db = Kysely<Database> | Transaction<Database>;
const tables = (db: Db) => db.withTables<IndicatorTables>();

const COLUMNS = ['code', 'name', 'theme', 'unit', 'definition', 'source', 'polarity', 'aggregation', 'weight_indicator', 'suppress_below', 'decimals', 'cbs_key'] as const;

export async function findIndicators(db: Db, filter: { code?: string } = {}) {
  let query = tables(db).selectFrom('indicators').select(COLUMNS).orderBy('theme').orderBy('code');
  if (filter.code) query = query.where('code', '=', filter.code);
  return query.execute();
}

export async function indicatorExists(db: Db, code: string): Promise<boolean> {
  return (await tables(db).selectFrom('indicators').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** A catalogue row as written: every column but the timestamp. */
export type IndicatorInsert = Omit<IndicatorsTable, 'created_at' | 'slot'>;

export async function insertIndicator(db: Db, row: IndicatorInsert): Promise<void> {
  await tables(db).insertInto('indicators').values(row).execute();
}

/** Adds the catalogue entries that are missing; existing ones stay as an analyst may have edited them. */
export async function insertMissingIndicators(db: Db, rows: IndicatorInsert[]): Promise<number> {
  if (!rows.length) return 0;
  const result = await tables(db).insertInto('indicators').values(rows).onConflict((oc) => oc.column('code').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function countIndicators(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicators`.execute(db);
  return rows[0]?.n ?? 0;
}
