import type { Kysely } from 'kysely';
import { AppError, invalid, type Actor, type Database } from '../../../platform/server/index.js';
import { findAreaForFigures, findAreaNames, findAreaPolygons, type FigureArea } from '../../areas/index.js';
import { withinAreaScope } from './access.js';

/**
 * Where a trigger is, through the areas module's index.ts: the area (focus area, wijk or buurt) and the
 * outline the map draws. A point placed by hand is drawn as a small hexagon around it (about 40 m), so the
 * map shows a marker-sized shape with the same component that draws areas.
 */

export interface TriggerArea {
  code: string;
  name: string;
  municipalityCode: string;
  level: FigureArea['level'];
  members: string[] | null;
}

export const outsideScope = (path: string) => invalid('spatialadvice.area_out_of_scope', 'The place lies outside the areas you work in', [{ path, message: 'outside your areas' }]);

/** The area of a trigger: a focus area, wijk or buurt the actor may see and that lies in their scope, or 422 at `path`. */
export async function triggerArea(db: Kysely<Database>, actor: Actor, code: string, path = 'body.areaCode'): Promise<TriggerArea> {
  try {
    const area = await findAreaForFigures(db, actor, code);
    if (area.level === 'focus' || area.level === 'wijk' || area.level === 'buurt') {
      // An advice the actor could not see afterwards is not theirs to raise (access.ts).
      if (!withinAreaScope(actor.areaScopes, { municipalityCode: area.municipalityCode, areaCode: area.code })) throw outsideScope(path);
      return { code: area.code, name: area.name, municipalityCode: area.municipalityCode, level: area.level, members: area.members };
    }
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
  }
  throw invalid('spatialadvice.unknown_area', 'The area is not a known focus area, wijk or buurt', [{ path, message: 'not a known focus area, wijk or buurt' }]);
}

type Polygonal = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

function isPolygonal(value: unknown): value is Polygonal {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'Polygon' || type === 'MultiPolygon';
}

/** The outline of a wijk or buurt, or of a focus area's members together; null when none is known. */
export async function areaOutline(db: Kysely<Database>, area: TriggerArea): Promise<Polygonal | null> {
  const codes = area.members ?? [area.code];
  const polygons: number[][][][] = [];
  for (const level of ['wijk', 'buurt'] as const) {
    const wanted = codes.filter((code) => code.startsWith(level === 'wijk' ? 'WK' : 'BU'));
    if (wanted.length === 0) continue;
    const { items } = await findAreaPolygons(db, area.municipalityCode, level);
    for (const item of items) {
      if (!wanted.includes(item.code) || !isPolygonal(item.geometry)) continue;
      if (item.geometry.type === 'Polygon') polygons.push(item.geometry.coordinates);
      else polygons.push(...item.geometry.coordinates);
    }
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** A hexagon of about `radiusMetres` around a point, as a GeoJSON polygon (lon, lat). */
export function markerHexagon(point: { lat: number; lon: number }, radiusMetres = 40): Polygonal {
  const dLat = radiusMetres / 111_320;
  const dLon = radiusMetres / (111_320 * Math.cos((point.lat * Math.PI) / 180));
  const ring = Array.from({ length: 7 }, (_, i) => {
    const angle = ((i % 6) * Math.PI) / 3;
    return [round(point.lon + dLon * Math.cos(angle)), round(point.lat + dLat * Math.sin(angle))];
  });
  return { type: 'Polygon', coordinates: [ring] };
}

const round = (value: number) => Math.round(value * 1e7) / 1e7;

/** Names of areas by code; a code that is no longer known shows as itself. */
export async function areaNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, string>> {
  return findAreaNames(db, codes);
}
