import type { Kysely } from 'kysely';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Database } from '../../../platform/server/index.js';
import { findLatestVersionsByCode } from './areas.queries.js';
import { areasDb } from './areas.tables.js';
import { isAreaGeometry } from './geometry.js';

/** A buurt or wijk as other modules need it to place a record (signals). */
export interface PlacedArea {
  code: string;
  name: string;
  level: 'buurt' | 'wijk';
  /** The wijk of a buurt; the wijk itself for a wijk. */
  wijkCode: string | null;
  municipalityCode: string;
  year: number;
}

/**
 * The buurt that contains a WGS84 point, on the newest boundaries that have one there (optionally within
 * one municipality and up to a year). The bounding-box columns narrow the candidates; turf decides.
 */
export async function findBuurtContainingPoint(
  db: Kysely<Database>,
  point: { lon: number; lat: number },
  options: { municipality?: string | undefined; maxYear?: number | undefined } = {},
): Promise<PlacedArea | null> {
  let query = areasDb(db)
    .selectFrom('area_versions')
    .select(['area_code', 'name', 'parent_code', 'municipality_code', 'year', 'geometry'])
    .where('level', '=', 'buurt')
    .where('min_lon', '<=', point.lon)
    .where('max_lon', '>=', point.lon)
    .where('min_lat', '<=', point.lat)
    .where('max_lat', '>=', point.lat)
    .orderBy('year', 'desc')
    .orderBy('area_code');
  if (options.municipality) query = query.where('municipality_code', '=', options.municipality);
  if (options.maxYear) query = query.where('year', '<=', options.maxYear);
  const candidates = await query.execute();
  for (const row of candidates) {
    const geometry: unknown = typeof row.geometry === 'string' ? JSON.parse(row.geometry) : row.geometry;
    if (!isAreaGeometry(geometry)) continue;
    if (booleanPointInPolygon([point.lon, point.lat], geometry as Polygon | MultiPolygon)) {
      return { code: row.area_code, name: row.name, level: 'buurt', wijkCode: row.parent_code, municipalityCode: row.municipality_code, year: row.year };
    }
  }
  return null;
}

/** A buurt or wijk by code (newest version), for records placed on an area instead of a point. */
export async function findBuurtOrWijk(db: Kysely<Database>, code: string): Promise<PlacedArea | null> {
  const [version] = await findLatestVersionsByCode(areasDb(db), [code]);
  if (!version || (version.level !== 'buurt' && version.level !== 'wijk')) return null;
  return {
    code: version.code,
    name: version.name,
    level: version.level,
    wijkCode: version.level === 'wijk' ? version.code : version.parent_code,
    municipalityCode: version.municipality_code,
    year: version.year,
  };
}

/** Names of areas by code (newest version; a focus area by its own name), for lists that show where records are. */
export async function findAreaNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await findLatestVersionsByCode(areasDb(db), [...new Set(codes)]);
  const names = new Map(rows.map((r) => [r.code, r.name]));
  // Focus areas have no CBS versions: their name is their own.
  const focus = codes.filter((code) => code.startsWith('FA') && !names.has(code));
  if (focus.length) for (const row of await areasDb(db).selectFrom('focus_areas').select(['code', 'name']).where('code', 'in', focus).execute()) names.set(row.code, row.name);
  return names;
}
