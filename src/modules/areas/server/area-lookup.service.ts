import type { Kysely } from 'kysely';
import { notFound, type Actor, type Database } from '../../../platform/server/index.js';
import type { AreaLevel } from '../contract.js';
import { AreaLevel as AreaLevelSchema } from '../contract.js';
import { findAreaFeatures, findAreaKind, findAreaVersionsOfLevel, findChildAreas, findLatestGeometryYear, findVersionMarks } from './areas.queries.js';
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
  /**
   * The versions of the area (a CBS area) or of its members (a focus area), newest first: the year, and
   * whether it has a boundary. The figures read which boundaries a year sits on from it (boundaryYearIn).
   */
  versions: ReadonlyMap<string, readonly VersionMark[]>;
  /** Whether a crosswalk names the area (or a member): only then is there a re-division to follow. */
  reDivided: boolean;
}

export interface VersionMark {
  year: number;
  boundary: boolean;
}

/**
 * The year of the boundaries an area's figures of `year` are shown with: its newest version with a boundary
 * at or before the year, else its newest version at or before it (the one the figures were attached to);
 * undefined before its oldest version. The same rule as findBoundaryYearsOf, on versions already read.
 */
export function boundaryYearIn(versions: readonly VersionMark[] | undefined, year: number): number | undefined {
  const earlier = (versions ?? []).filter((v) => v.year <= year);
  return (earlier.find((v) => v.boundary) ?? earlier[0])?.year;
}

/** An area the actor may see, with its newest name; 404 when unknown or invisible. */
export async function findAreaForFigures(db: Kysely<Database>, actor: Actor, code: string): Promise<FigureArea> {
  const adb = areasDb(db);
  const kind = await findAreaKind(adb, code);
  if (!kind) throw notFound('Area', 'area.not_found');
  if (kind.level === 'focus') {
    const focus = await findVisibleFocusArea(db, actor, code);
    const members = await findFocusMemberCodes(adb, code);
    return {
      code,
      name: focus.name,
      level: 'focus',
      parentCode: focus.municipality_code,
      municipalityCode: focus.municipality_code,
      members,
      ...marksOf(await findVersionMarks(adb, members)),
    };
  }
  // Every version of the code in one read: the newest names the area, all of them say its boundary years.
  const versions = await findVersionMarks(adb, [code]);
  const version = versions[0];
  if (!version) throw notFound('Area', 'area.not_found');
  return {
    code,
    name: version.name,
    level: AreaLevelSchema.parse(version.level),
    parentCode: version.parent_code,
    municipalityCode: version.municipality_code,
    members: null,
    ...marksOf(versions),
  };
}

function marksOf(rows: readonly { code: string; year: number; has_boundary: boolean; re_divided: boolean }[]): Pick<FigureArea, 'versions' | 'reDivided'> {
  const versions = new Map<string, VersionMark[]>();
  for (const row of rows) versions.set(row.code, [...(versions.get(row.code) ?? []), { year: row.year, boundary: row.has_boundary }]);
  return { versions, reDivided: rows.some((r) => r.re_divided) };
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
