import type { Kysely } from 'kysely';
import { notFound, type Actor, type Database } from '../../../platform/server/index.js';
import type { AreaLevel } from '../contract.js';
import { AreaLevel as AreaLevelSchema } from '../contract.js';
import { findAreaFeatures, findAreaKind, findAreaVersionsOfLevel, findChildAreas, findLatestGeometryYear, findLatestVersionsByCode } from './areas.queries.js';
import { areasDb } from './areas.tables.js';
import { findBoundaryYears } from './valid-versions.queries.js';
import { findFocusMemberCodes } from './focus-areas.queries.js';
import { findVisibleFocusArea } from './areas.service.js';

/** What the indicators module needs to know about an area to compute its figures (exported via index.ts). */
export interface FigureArea {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  municipalityCode: string;
  /** Focus areas: the buurten and wijken they are made of; null for CBS areas. */
  members: string[] | null;
}

/** An area the actor may see, with its newest name; 404 when unknown or invisible. */
export async function findAreaForFigures(db: Kysely<Database>, actor: Actor, code: string): Promise<FigureArea> {
  const adb = areasDb(db);
  const kind = await findAreaKind(adb, code);
  if (!kind) throw notFound('Area', 'area.not_found');
  if (kind.level === 'focus') {
    const focus = await findVisibleFocusArea(db, actor, code);
    return {
      code,
      name: focus.name,
      level: 'focus',
      parentCode: focus.municipality_code,
      municipalityCode: focus.municipality_code,
      members: await findFocusMemberCodes(adb, code),
    };
  }
  const [version] = await findLatestVersionsByCode(adb, [code]);
  if (!version) throw notFound('Area', 'area.not_found');
  return {
    code,
    name: version.name,
    level: AreaLevelSchema.parse(version.level),
    parentCode: version.parent_code,
    municipalityCode: version.municipality_code,
    members: null,
  };
}

/** The direct children of areas in one year (wijk → buurten): the fallback when an area has no own value. */
export async function findChildAreasOf(db: Kysely<Database>, parentCodes: readonly string[], year: number): Promise<{ code: string; parentCode: string; level: string }[]> {
  const rows = await findChildAreas(areasDb(db), parentCodes, year);
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code, level: r.level }));
}

/** Codes and names of the areas of one level in a municipality and year (the ranking's population). */
export async function findAreasOfLevel(db: Kysely<Database>, municipality: string, level: 'wijk' | 'buurt', year: number): Promise<{ code: string; name: string }[]> {
  const rows = await findAreaVersionsOfLevel(areasDb(db), { municipality, level, year });
  return rows.map((r) => ({ code: r.code, name: r.name }));
}

/**
 * Boundaries of the areas of one level in a municipality (the hot-spot analysis builds its contiguity from
 * them). Without a year: the newest year with boundaries for that level. Areas without a boundary are left out.
 */
export async function findAreaPolygons(
  db: Kysely<Database>,
  municipality: string,
  level: 'gemeente' | 'wijk' | 'buurt',
  year?: number,
): Promise<{ year: number | null; items: { code: string; name: string; geometry: unknown }[] }> {
  const adb = areasDb(db);
  const chosen = year ?? (await findLatestGeometryYear(adb, { municipality, level }));
  if (chosen === null) return { year: null, items: [] };
  const rows = await findAreaFeatures(adb, { municipality, level, year: chosen });
  return { year: chosen, items: rows.map((r) => ({ code: r.code, name: r.name, geometry: r.geometry })) };
}

/**
 * The year of the boundaries each area's figures of `year` are shown with: its newest version with a
 * boundary at or before the year, else its newest version (docs/figures.md, "Areas and years"). A year
 * before `year` means the figures sit on older boundaries; the profile and the series say so.
 */
export async function findBoundaryYearsOf(db: Kysely<Database>, codes: readonly string[], year: number): Promise<Map<string, number>> {
  return findBoundaryYears(areasDb(db), codes, year);
}

/** The first and the last year each area has a version in (absent: never imported). */
export async function findVersionYearRanges(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, { first: number; last: number }>> {
  if (codes.length === 0) return new Map();
  const rows = await areasDb(db)
    .selectFrom('area_versions')
    .select((eb) => ['area_code', eb.fn.min('year').as('first'), eb.fn.max('year').as('last')])
    .where('area_code', 'in', [...codes])
    .groupBy('area_code')
    .execute();
  return new Map(rows.map((r) => [r.area_code, { first: Number(r.first), last: Number(r.last) }]));
}
