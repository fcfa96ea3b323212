import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../../platform/server/index.js';
import type { CrosswalkLinkRecord } from './import-model.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What the crosswalk import checks about each code against the first year of the new division. */
export interface CrosswalkCodeFacts {
  /** Its newest version before the year (null: none). */
  versionBefore: number | null;
  /** Its first version in or after the year (null: none). */
  versionFrom: number | null;
  /** Its first year with figures in or after the year (null: none). */
  figuresFrom: number | null;
}

export async function findCrosswalkCodeFacts(db: Db, codes: readonly string[], year: number): Promise<Map<string, CrosswalkCodeFacts>> {
  const facts = new Map<string, CrosswalkCodeFacts>();
  for (let i = 0; i < codes.length; i += 1_000) {
    const chunk = codes.slice(i, i + 1_000);
    const { rows } = await sql<{ code: string; version_before: number | null; version_from: number | null; figures_from: number | null }>`
      SELECT c.code,
        (SELECT max(v.year) FROM area_versions v WHERE v.area_code = c.code AND v.year < ${year}) AS version_before,
        (SELECT min(v.year) FROM area_versions v WHERE v.area_code = c.code AND v.year >= ${year}) AS version_from,
        (SELECT min(f.year) FROM area_figures f WHERE f.area_code = c.code AND f.year >= ${year}) AS figures_from
      FROM unnest(${chunk}::text[]) AS c(code)`.execute(db);
    for (const r of rows) facts.set(r.code, { versionBefore: r.version_before, versionFrom: r.version_from, figuresFrom: r.figures_from });
  }
  return facts;
}

/**
 * Stores the links of one year's re-division. A later file for the same year replaces the links of the old
 * codes it names (a corrected crosswalk), and leaves those of other old codes.
 */
export async function replaceCrosswalkLinks(db: Db, year: number, links: readonly CrosswalkLinkRecord[], importId: string): Promise<void> {
  const fromCodes = [...new Set(links.map((l) => l.fromCode))];
  await sql`DELETE FROM area_crosswalks WHERE year = ${year} AND from_code = ANY(${fromCodes}::text[])`.execute(db);
  for (let i = 0; i < links.length; i += 1_000) {
    const chunk = links.slice(i, i + 1_000);
    await sql`
      INSERT INTO area_crosswalks (year, from_code, to_code, weight, basis, import_id)
      SELECT ${year}, t.from_code, t.to_code, t.weight, t.basis, ${importId}::uuid
      FROM unnest(${chunk.map((l) => l.fromCode)}::text[], ${chunk.map((l) => l.toCode)}::text[], ${chunk.map((l) => l.weight)}::float8[], ${chunk.map((l) => l.basis)}::text[])
        AS t(from_code, to_code, weight, basis)`.execute(db);
  }
}
