import { sql } from 'kysely';
import type { CrosswalkLink } from './crosswalk.js';
import type { ValuesDb } from './values.tables.js';

/** Links followed from the asked codes; a re-division rarely reaches further than a few steps. */
const MAX_REACH = 6;

/**
 * Every crosswalk link connected to the codes, in either direction, through chains of re-divisions (a new
 * code's sources, their sources, an old code's successors …). Empty for the great majority of areas.
 */
export async function findLinkedCrosswalks(db: ValuesDb, codes: readonly string[]): Promise<CrosswalkLink[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<{ year: number; from_code: string; to_code: string; weight: number; basis: CrosswalkLink['basis'] }>`
    WITH RECURSIVE reach (code, depth) AS (
      SELECT c, 0 FROM unnest(${[...codes]}::text[]) AS c
      UNION
      SELECT CASE WHEN x.from_code = r.code THEN x.to_code ELSE x.from_code END, r.depth + 1
      FROM reach r JOIN area_crosswalks x ON x.from_code = r.code OR x.to_code = r.code
      WHERE r.depth < ${MAX_REACH}
    )
    SELECT DISTINCT x.year, x.from_code, x.to_code, x.weight, x.basis
    FROM area_crosswalks x
    WHERE x.from_code IN (SELECT code FROM reach) OR x.to_code IN (SELECT code FROM reach)
    ORDER BY x.year, x.from_code, x.to_code`.execute(db);
  return rows.map((r) => ({ year: r.year, from: r.from_code, to: r.to_code, weight: r.weight, basis: r.basis }));
}
