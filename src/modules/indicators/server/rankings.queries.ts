import type { ValuesDb } from './values.tables.js';

export interface RankingRow {
  id: string;
  name: string;
  municipality_code: string;
  level: string;
  year: number;
  criteria: unknown;
  note: string;
  result: unknown;
  created_by: string;
  created_at: Date;
}

export async function insertRanking(
  db: ValuesDb,
  ranking: { name: string; municipality: string; level: string; year: number; criteria: unknown; note: string; result: unknown; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('priority_rankings')
    .values({
      name: ranking.name,
      municipality_code: ranking.municipality,
      level: ranking.level,
      year: ranking.year,
      criteria: JSON.stringify(ranking.criteria),
      note: ranking.note,
      result: JSON.stringify(ranking.result),
      created_by: ranking.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Saved rankings with their author's username; the result snapshot only when one ranking is asked for. */
export async function findRankings(db: ValuesDb, filter: { id?: string; municipality?: string | undefined }): Promise<(RankingRow & { username: string })[]> {
  let query = db
    .selectFrom('priority_rankings')
    .innerJoin('users', 'users.id', 'priority_rankings.created_by')
    .select([
      'priority_rankings.id',
      'priority_rankings.name',
      'priority_rankings.municipality_code',
      'priority_rankings.level',
      'priority_rankings.year',
      'priority_rankings.criteria',
      'priority_rankings.note',
      'priority_rankings.result',
      'priority_rankings.created_by',
      'priority_rankings.created_at',
      'users.username',
    ])
    .orderBy('priority_rankings.created_at', 'desc')
    .limit(500);
  if (filter.id) query = query.where('priority_rankings.id', '=', filter.id);
  if (filter.municipality) query = query.where('priority_rankings.municipality_code', '=', filter.municipality);
  return query.execute();
}
