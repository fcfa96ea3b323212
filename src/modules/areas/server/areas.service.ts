import type { Kysely } from 'kysely';
import { notFound, type Actor, type Database } from '../../../platform/server/index.js';
import type { AreaDetail, AreaFeatureCollection, AreaLevel, AreaList, AreaSummary, Geometry } from '../contract.js';
import { AreaLevel as AreaLevelSchema } from '../contract.js';
import { canSeeFocusArea } from './area-visibility.js';
import {
  findAncestors,
  findAreaBboxes,
  findAreaFeatures,
  findAreaKind,
  findAreaShape,
  findChildAreas,
  findAreaVersion,
  findAreaVersionsOfLevel,
  findAreaYears,
  findLatestAreaYear,
  findLatestVersionsByCode,
  type AreaVersionRow,
} from './areas.queries.js';
import { areasDb } from './areas.tables.js';
import { findFocusAreas, findFocusMemberCodes, type FocusAreaRow } from './focus-areas.queries.js';
import { combineGeometries, isAreaGeometry } from './geometry.js';

type Db = Kysely<Database>;

const toSummary = (row: AreaVersionRow): AreaSummary => ({
  code: row.code,
  name: row.name,
  level: AreaLevelSchema.parse(row.level),
  parentCode: row.parent_code,
});

const focusSummary = (row: FocusAreaRow): AreaSummary => ({ code: row.code, name: row.name, level: 'focus', parentCode: row.municipality_code });

export async function listAreas(db: Db, actor: Actor, query: { municipality?: string | undefined; level?: AreaLevel | undefined; year?: number | undefined }): Promise<AreaList> {
  const adb = areasDb(db);
  if (query.level === 'focus') {
    // Focus areas have no year: they are sets of members, whatever year their members are read in.
    const rows = await findFocusAreas(adb, { municipality: query.municipality });
    const items = rows.filter((r) => canSeeFocusArea(actor.areaScopes, { code: r.code, municipalityCode: r.municipality_code })).map(focusSummary);
    return { items, year: null };
  }
  const year = query.year ?? (await findLatestAreaYear(adb, { municipality: query.municipality, level: query.level }));
  if (year === null) return { items: [], year: null };
  const rows = await findAreaVersionsOfLevel(adb, { municipality: query.municipality, level: query.level, year });
  return { items: rows.map(toSummary), year };
}

/** A focus area the actor may see, or 404. */
export async function findVisibleFocusArea(db: Db, actor: Actor, code: string): Promise<FocusAreaRow> {
  const [focus] = await findFocusAreas(areasDb(db), { code });
  if (!focus || !canSeeFocusArea(actor.areaScopes, { code: focus.code, municipalityCode: focus.municipality_code })) {
    throw notFound('Area', 'area.not_found');
  }
  return focus;
}

export async function getAreaDetail(db: Db, actor: Actor, code: string, options: { year?: number | undefined; geometry: boolean }): Promise<AreaDetail> {
  const adb = areasDb(db);
  const kind = await findAreaKind(adb, code);
  if (!kind) throw notFound('Area', 'area.not_found');
  if (kind.level === 'focus') return getFocusAreaDetail(db, actor, code, options);

  const years = await findAreaYears(adb, [code]);
  const year = options.year ?? years[years.length - 1];
  const version = year === undefined ? undefined : await findAreaVersion(adb, code, year);
  if (!version || year === undefined) throw notFound(options.year ? `Area ${code} in ${options.year}` : 'Area', 'area.not_found');
  const [ancestors, shape] = await Promise.all([findAncestors(adb, code, year), findAreaShape(adb, [code], year)]);
  const row = shape[0];
  const detail: AreaDetail = {
    ...toSummary(version),
    municipalityCode: version.municipality_code,
    year,
    years,
    bbox: row && row.min_lon !== null && row.min_lat !== null && row.max_lon !== null && row.max_lat !== null ? [row.min_lon, row.min_lat, row.max_lon, row.max_lat] : null,
    ancestors: ancestors.map(toSummary),
  };
  if (options.geometry) detail.geometry = isAreaGeometry(row?.geometry) ? row.geometry : null;
  return detail;
}

async function getFocusAreaDetail(db: Db, actor: Actor, code: string, options: { year?: number | undefined; geometry: boolean }): Promise<AreaDetail> {
  const adb = areasDb(db);
  const focus = await findVisibleFocusArea(db, actor, code);
  const memberCodes = await findFocusMemberCodes(adb, code);
  const [memberVersions, years, municipality] = await Promise.all([
    findLatestVersionsByCode(adb, memberCodes),
    findAreaYears(adb, memberCodes),
    findLatestVersionsByCode(adb, [focus.municipality_code]),
  ]);
  // Boundaries of the requested year, or of the newest year a member exists in.
  const shapeYear = options.year ?? years[years.length - 1];
  const bbox = shapeYear === undefined ? null : await findAreaBboxes(adb, memberCodes, shapeYear);
  const detail: AreaDetail = {
    ...focusSummary(focus),
    municipalityCode: focus.municipality_code,
    year: null,
    years,
    bbox: bbox && bbox.min_lon !== null && bbox.min_lat !== null && bbox.max_lon !== null && bbox.max_lat !== null ? [bbox.min_lon, bbox.min_lat, bbox.max_lon, bbox.max_lat] : null,
    members: memberVersions.map(toSummary),
    ancestors: municipality.map(toSummary),
  };
  if (options.geometry) {
    if (isAreaGeometry(focus.polygon)) {
      detail.geometry = focus.polygon;
    } else {
      const shapes = shapeYear === undefined ? [] : await findAreaShape(adb, memberCodes, shapeYear);
      // A wijk member without its own boundary is drawn as its buurten.
      const drawn = new Set(shapes.filter((s) => isAreaGeometry(s.geometry)).map((s) => s.code));
      const undrawn = memberCodes.filter((c) => !drawn.has(c));
      const children = shapeYear === undefined || !undrawn.length ? [] : await findChildAreas(adb, undrawn, shapeYear);
      const childShapes = children.length && shapeYear !== undefined ? await findAreaShape(adb, children.map((c) => c.code), shapeYear) : [];
      detail.geometry = combineGeometries([...shapes, ...childShapes].map((s) => s.geometry).filter(isAreaGeometry));
    }
  }
  return detail;
}

export async function getAreaFeatures(db: Db, query: { municipality?: string | undefined; level: 'gemeente' | 'wijk' | 'buurt'; year: number }): Promise<AreaFeatureCollection> {
  const rows = await findAreaFeatures(areasDb(db), query);
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((row) =>
      isAreaGeometry(row.geometry)
        ? [{ type: 'Feature' as const, properties: { code: row.code, name: row.name, parentCode: row.parent_code }, geometry: row.geometry satisfies Geometry }]
        : [],
    ),
  };
}
