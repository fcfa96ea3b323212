import { sql } from 'kysely';
import type { AreasDb } from './areas.tables.js';

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

export async function findAreaVersionsOfLevel(
  db: AreasDb,
  filter: { municipality?: string | undefined; level?: string | undefined; year: number },
): Promise<AreaVersionRow[]> {
  let query = db
    .selectFrom('area_versions')
    .select(['area_code as code', 'name', 'level', 'parent_code', 'municipality_code'])
    .where('year', '=', filter.year)
    .orderBy('area_code');
  if (filter.municipality) query = query.where('municipality_code', '=', filter.municipality);
  if (filter.level) query = query.where('level', '=', filter.level);
  return query.execute();
}

export async function findAreaVersion(db: AreasDb, code: string, year: number): Promise<AreaVersionRow | undefined> {
  return db
    .selectFrom('area_versions')
    .select(['area_code as code', 'name', 'level', 'parent_code', 'municipality_code'])
    .where('area_code', '=', code)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function findAreaVersionsByCode(db: AreasDb, codes: readonly string[], year: number): Promise<AreaVersionRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('area_versions')
    .select(['area_code as code', 'name', 'level', 'parent_code', 'municipality_code'])
    .where('area_code', 'in', [...codes])
    .where('year', '=', year)
    .orderBy('area_code')
    .execute();
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

export async function findAreaYears(db: AreasDb, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('area_versions').select('year').distinct().where('area_code', 'in', [...codes]).orderBy('year').execute();
  return rows.map((r) => r.year);
}

export async function findAreaShape(
  db: AreasDb,
  codes: readonly string[],
  year: number,
): Promise<{ code: string; geometry: unknown; min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null }[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('area_versions')
    .select(['area_code as code', 'geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat'])
    .where('area_code', 'in', [...codes])
    .where('year', '=', year)
    .execute();
}

export async function findAreaBboxes(
  db: AreasDb,
  codes: readonly string[],
  year: number,
): Promise<{ min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null }> {
  const row = await db
    .selectFrom('area_versions')
    .select((eb) => [eb.fn.min('min_lon').as('min_lon'), eb.fn.min('min_lat').as('min_lat'), eb.fn.max('max_lon').as('max_lon'), eb.fn.max('max_lat').as('max_lat')])
    .where('area_code', 'in', codes.length ? [...codes] : [''])
    .where('year', '=', year)
    .executeTakeFirst();
  return row ?? { min_lon: null, min_lat: null, max_lon: null, max_lat: null };
}

/** Areas of one level with their boundary, for the map. Areas without a boundary are left out. */
export async function findAreaFeatures(
  db: AreasDb,
  filter: { municipality?: string | undefined; level: string; year: number },
): Promise<{ code: string; name: string; parent_code: string | null; geometry: unknown }[]> {
  let query = db
    .selectFrom('area_versions')
    .select(['area_code as code', 'name', 'parent_code', 'geometry'])
    .where('year', '=', filter.year)
    .where('level', '=', filter.level)
    .where('geometry', 'is not', null)
    .orderBy('area_code');
  if (filter.municipality) query = query.where('municipality_code', '=', filter.municipality);
  return query.execute();
}

/** Direct children (per year) of the given areas: the buurten of a wijk, the wijken and buurten of a gemeente. */
export async function findChildAreas(
  db: AreasDb,
  parentCodes: readonly string[],
  year: number,
): Promise<{ code: string; parent_code: string; level: string }[]> {
  if (parentCodes.length === 0) return [];
  const rows = await db
    .selectFrom('area_versions')
    .select(['area_code as code', 'parent_code', 'level'])
    .where('parent_code', 'in', [...parentCodes])
    .where('year', '=', year)
    .orderBy('area_code')
    .execute();
  return rows.flatMap((r) => (r.parent_code ? [{ code: r.code, parent_code: r.parent_code, level: r.level }] : []));
}

/** The chain of parents of one area version, nearest first (at most land > gemeente > wijk > buurt). */
export async function findAncestors(db: AreasDb, code: string, year: number): Promise<AreaVersionRow[]> {
  const { rows } = await sql<AreaVersionRow & { depth: number }>`
    WITH RECURSIVE chain (code, name, level, parent_code, municipality_code, depth) AS (
      SELECT p.area_code, p.name, p.level, p.parent_code, p.municipality_code, 1
        FROM area_versions v JOIN area_versions p ON p.area_code = v.parent_code AND p.year = v.year
       WHERE v.area_code = ${code} AND v.year = ${year}
      UNION ALL
      SELECT p.area_code, p.name, p.level, p.parent_code, p.municipality_code, c.depth + 1
        FROM chain c JOIN area_versions p ON p.area_code = c.parent_code AND p.year = ${year}
       WHERE c.depth < 4
    )
    SELECT code, name, level, parent_code, municipality_code, depth FROM chain ORDER BY depth`.execute(db);
  return rows.map(({ code: c, name, level, parent_code, municipality_code }) => ({ code: c, name, level, parent_code, municipality_code }));
}

export async function findAreaKind(db: AreasDb, code: string): Promise<{ code: string; level: string; municipality_code: string } | undefined> {
  return db.selectFrom('areas').select(['code', 'level', 'municipality_code']).where('code', '=', code).executeTakeFirst();
}

export async function findExistingAreaCodes(db: AreasDb, codes: readonly string[], level: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('areas').select('code').where('code', 'in', [...codes]).where('level', '=', level).orderBy('code').execute();
  return rows.map((r) => r.code);
}
