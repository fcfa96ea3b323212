import { sql } from 'kysely';
import type { AreasDb } from './areas.tables.js';
import { findValidBoundaries, findValidVersions } from './valid-versions.queries.js';

/** Reads of the area hierarchy. CBS areas live in area_versions (one row per year); focus areas do not. */

export interface AreaVersionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  municipality_code: string;
}

export async function findLatestAreaYear(db: AreasDb, filter: { municipality?: string | undefined; level?: string | undefined }): Promise<number | null> {
  let query = db.selectFrom('area_versions').select((eb) => eb.fn.max('year').as('year'));
  if (filter.municipality) query = query.where('municipality_code', '=', filter.municipality);
  if (filter.level) query = query.where('level', '=', filter.level);
  const row = await query.executeTakeFirst();
  return row?.year ?? null;
}

/** The newest year in which areas of this level have a boundary (national KWB years often have none). */
export async function findLatestGeometryYear(db: AreasDb, filter: { municipality: string; level: string }): Promise<number | null> {
  const row = await db
    .selectFrom('area_versions')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('municipality_code', '=', filter.municipality)
    .where('level', '=', filter.level)
    .where('geometry', 'is not', null)
    .executeTakeFirst();
  return row?.year ?? null;
}

/** The areas of a level (and municipality) valid in a year: see valid-versions.queries.ts for the rule. */
export async function findAreaVersionsOfLevel(
  db: AreasDb,
  filter: { municipality?: string | undefined; level?: string | undefined; year: number },
): Promise<AreaVersionRow[]> {
  return findValidVersions(db, filter);
}

/** The version of an area valid in a year (its newest at or before that year, unless re-divided away). */
export async function findAreaVersion(db: AreasDb, code: string, year: number): Promise<(AreaVersionRow & { version_year: number }) | undefined> {
  const [row] = await findValidVersions(db, { year, codes: [code] });
  return row;
}

/** The newest version of each area, for areas (such as focus-area members) that have no year of their own. */
export async function findLatestVersionsByCode(db: AreasDb, codes: readonly string[]): Promise<(AreaVersionRow & { year: number })[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('area_versions')
    .distinctOn('area_code')
    .select(['area_code as code', 'name', 'level', 'parent_code', 'municipality_code', 'year'])
    .where('area_code', 'in', [...codes])
    .orderBy('area_code')
    .orderBy('year', 'desc')
    .execute();
}

/**
 * Every version of the areas, newest first, with whether it has a boundary (the geometry itself is not read)
 * and whether a crosswalk names the code (so the figures know, without a query of their own, whether there
 * is a re-division to follow).
 */
export async function findVersionMarks(db: AreasDb, codes: readonly string[]): Promise<(AreaVersionRow & { year: number; has_boundary: boolean; re_divided: boolean })[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<AreaVersionRow & { year: number; has_boundary: boolean; re_divided: boolean }>`
    SELECT v.area_code AS code, v.name, v.level, v.parent_code, v.municipality_code, v.year, v.geometry IS NOT NULL AS has_boundary,
           EXISTS (SELECT 1 FROM area_crosswalks x WHERE x.from_code = v.area_code OR x.to_code = v.area_code) AS re_divided
    FROM area_versions v WHERE v.area_code = ANY(${[...codes]}::text[])
    ORDER BY v.area_code, v.year DESC`.execute(db);
  return rows;
}

export async function findAreaYears(db: AreasDb, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('area_versions').select('year').distinct().where('area_code', 'in', [...codes]).orderBy('year').execute();
  return rows.map((r) => r.year);
}

/** The boundaries the areas are drawn with in a year (each its newest at or before the year). */
export async function findAreaShape(
  db: AreasDb,
  codes: readonly string[],
  year: number,
): Promise<{ code: string; geometry: unknown; min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null; boundary_year: number }[]> {
  return findValidBoundaries(db, { year, codes });
}

export async function findAreaBboxes(
  db: AreasDb,
  codes: readonly string[],
  year: number,
): Promise<{ min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null }> {
  const shapes = await findValidBoundaries(db, { year, codes });
  const box = { min_lon: null as number | null, min_lat: null as number | null, max_lon: null as number | null, max_lat: null as number | null };
  const lower = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const upper = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  for (const s of shapes) {
    box.min_lon = lower(box.min_lon, s.min_lon);
    box.min_lat = lower(box.min_lat, s.min_lat);
    box.max_lon = upper(box.max_lon, s.max_lon);
    box.max_lat = upper(box.max_lat, s.max_lat);
  }
  return box;
}

/** Areas of one level with their boundary, for the map. Areas without a boundary are left out. */
export async function findAreaFeatures(
  db: AreasDb,
  filter: { municipality?: string | undefined; level: string; year: number },
): Promise<{ code: string; name: string; parent_code: string | null; geometry: unknown; boundary_year: number }[]> {
  return findValidBoundaries(db, filter);
}

/** Direct children (valid in the year) of the given areas: the buurten of a wijk, the wijken and buurten of a gemeente. */
export async function findChildAreas(
  db: AreasDb,
  parentCodes: readonly string[],
  year: number,
): Promise<{ code: string; parent_code: string; level: string }[]> {
  const rows = await findValidVersions(db, { year, childrenOf: parentCodes });
  return rows.flatMap((r) => (r.parent_code ? [{ code: r.code, parent_code: r.parent_code, level: r.level }] : []));
}

/** The chain of parents of one area in a year, nearest first (at most land > gemeente > wijk > buurt). */
export async function findAncestors(db: AreasDb, code: string, year: number): Promise<AreaVersionRow[]> {
  const chain: AreaVersionRow[] = [];
  let next = (await findValidVersions(db, { year, codes: [code] }))[0]?.parent_code ?? null;
  while (next && chain.length < 4 && !chain.some((c) => c.code === next)) {
    const [parent] = await findValidVersions(db, { year, codes: [next] });
    if (!parent) break;
    chain.push(parent);
    next = parent.parent_code;
  }
  return chain.map(({ code: c, name, level, parent_code, municipality_code }) => ({ code: c, name, level, parent_code, municipality_code }));
}

export async function findAreaKind(db: AreasDb, code: string): Promise<{ code: string; level: string; municipality_code: string } | undefined> {
  return db.selectFrom('areas').select(['code', 'level', 'municipality_code']).where('code', '=', code).executeTakeFirst();
}

export async function findExistingAreaCodes(db: AreasDb, codes: readonly string[], level: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('areas').select('code').where('code', 'in', [...codes]).where('level', '=', level).orderBy('code').execute();
  return rows.map((r) => r.code);
}
