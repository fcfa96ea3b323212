import { sql, type RawBuilder } from 'kysely';
import type { AreasDb } from './areas.tables.js';

/**
 * The one rule by which every read picks an area's version for a year (docs/figures.md, "Areas and years";
 * ADR 0008): an area code's version from year V stays valid for every later year until a newer version of
 * that code is imported, or until a crosswalk re-divides the code away (a crosswalk of year E whose from_code
 * it is, without being one of that year's to_codes, ends it from E on). Its boundary is that of its newest
 * version at or before the year that has one (a KWB year brings names and figures, no boundaries).
 */

export interface VersionFilter {
  year: number;
  municipality?: string | undefined;
  level?: string | undefined;
  codes?: readonly string[] | undefined;
  /** Only codes that had, in some version, one of these parents (the buurten of a wijk). */
  childrenOf?: readonly string[] | undefined;
}

function conditions(filter: VersionFilter): RawBuilder<unknown> {
  // Level and municipality follow from the code, so they are the same in every version: safe to filter first.
  const parts: RawBuilder<unknown>[] = [sql`v.year <= ${filter.year}`];
  if (filter.municipality) parts.push(sql`v.municipality_code = ${filter.municipality}`);
  if (filter.level) parts.push(sql`v.level = ${filter.level}`);
  if (filter.codes) parts.push(sql`v.area_code = ANY(${[...filter.codes]}::text[])`);
  if (filter.childrenOf) parts.push(sql`v.area_code IN (SELECT c.area_code FROM area_versions c WHERE c.parent_code = ANY(${[...filter.childrenOf]}::text[]))`);
  return sql.join(parts, sql` AND `);
}

/** Whether a crosswalk after the version (and by the year) re-divided the code without continuing it. */
const endedByCrosswalk = (code: RawBuilder<unknown>, versionYear: RawBuilder<unknown>, year: number) => sql`EXISTS (
  SELECT 1 FROM area_crosswalks x
  WHERE x.from_code = ${code} AND x.year > ${versionYear} AND x.year <= ${year}
    AND NOT EXISTS (SELECT 1 FROM area_crosswalks y WHERE y.year = x.year AND y.to_code = x.from_code))`;

/** The valid version of each matching code as a subquery (columns of area_versions, without geometry). */
export function validVersions(filter: VersionFilter): RawBuilder<unknown> {
  return sql`(
    SELECT n.area_code, n.year, n.name, n.parent_code, n.municipality_code, n.level FROM (
      SELECT DISTINCT ON (v.area_code) v.area_code, v.year, v.name, v.parent_code, v.municipality_code, v.level
      FROM area_versions v WHERE ${conditions(filter)}
      ORDER BY v.area_code, v.year DESC) n
    WHERE NOT ${endedByCrosswalk(sql`n.area_code`, sql`n.year`, filter.year)})`;
}

/** The year of the boundary each matching code is drawn with in the year (its newest version with one). */
export function boundaryVersions(filter: VersionFilter): RawBuilder<unknown> {
  return sql`(
    SELECT DISTINCT ON (v.area_code) v.area_code, v.year
    FROM area_versions v WHERE ${conditions(filter)} AND v.geometry IS NOT NULL
    ORDER BY v.area_code, v.year DESC)`;
}

export interface ValidVersionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  municipality_code: string;
  /** The year of the version that is valid (at or before the year asked). */
  version_year: number;
}

export async function findValidVersions(db: AreasDb, filter: VersionFilter): Promise<ValidVersionRow[]> {
  if (filter.codes?.length === 0 || filter.childrenOf?.length === 0) return [];
  const parent = filter.childrenOf ? sql`WHERE w.parent_code = ANY(${[...filter.childrenOf]}::text[])` : sql``;
  const { rows } = await sql<ValidVersionRow>`
    SELECT w.area_code AS code, w.name, w.level, w.parent_code, w.municipality_code, w.year AS version_year
    FROM ${validVersions(filter)} w ${parent}
    ORDER BY w.area_code`.execute(db);
  return rows;
}

export interface BoundaryRow {
  code: string;
  name: string;
  parent_code: string | null;
  geometry: unknown;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  /** The year of the version the boundary comes from. */
  boundary_year: number;
}

/** Valid areas with the boundary they are drawn with in the year; areas without any boundary are left out. */
export async function findValidBoundaries(db: AreasDb, filter: VersionFilter): Promise<BoundaryRow[]> {
  if (filter.codes?.length === 0 || filter.childrenOf?.length === 0) return [];
  const parent = filter.childrenOf ? sql`AND w.parent_code = ANY(${[...filter.childrenOf]}::text[])` : sql``;
  const { rows } = await sql<BoundaryRow>`
    SELECT w.area_code AS code, w.name, w.parent_code, g.geometry, g.min_lon, g.min_lat, g.max_lon, g.max_lat, b.year AS boundary_year
    FROM ${validVersions(filter)} w
    JOIN ${boundaryVersions(filter)} b ON b.area_code = w.area_code
    JOIN area_versions g ON g.area_code = b.area_code AND g.year = b.year
    WHERE true ${parent}
    ORDER BY w.area_code`.execute(db);
  return rows;
}

/**
 * For figures: the year of the boundaries each code is shown with in the year: its newest version with a
 * boundary, else its newest version (the version the figures were attached to). Codes without any version at
 * or before the year are absent.
 */
export async function findBoundaryYears(db: AreasDb, codes: readonly string[], year: number): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const { rows } = await sql<{ code: string; year: number }>`
    SELECT DISTINCT ON (v.area_code) v.area_code AS code, v.year
    FROM area_versions v WHERE v.area_code = ANY(${[...codes]}::text[]) AND v.year <= ${year}
    ORDER BY v.area_code, (v.geometry IS NOT NULL) DESC, v.year DESC`.execute(db);
  return new Map(rows.map((r) => [r.code, r.year]));
}
