import type { Geometry } from '../contract';

export type PolygonParse = { ok: true; geometry: Geometry; parts: number } | { ok: false; reason: 'json' | 'no_polygon' | 'not_wgs84' };

type Position = [number, number];

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

/** A WGS84 coordinate lies within ±180/±90; RD New metres (e.g. 155000, 463000) do not. */
function allWgs84(rings: unknown): boolean {
  if (isPosition(rings)) return Math.abs(rings[0]) <= 180 && Math.abs(rings[1]) <= 90;
  return Array.isArray(rings) && rings.every(allWgs84);
}

function polygonsOf(node: unknown, into: unknown[][]): void {
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === 'FeatureCollection' && Array.isArray(record.features)) {
    for (const feature of record.features) polygonsOf(feature, into);
  } else if (record.type === 'Feature') {
    polygonsOf(record.geometry, into);
  } else if (record.type === 'GeometryCollection' && Array.isArray(record.geometries)) {
    for (const geometry of record.geometries) polygonsOf(geometry, into);
  } else if (record.type === 'Polygon' && Array.isArray(record.coordinates)) {
    into.push(record.coordinates as unknown[]);
  } else if (record.type === 'MultiPolygon' && Array.isArray(record.coordinates)) {
    for (const polygon of record.coordinates) if (Array.isArray(polygon)) into.push(polygon);
  }
}

/**
 * Reads an uploaded GeoJSON file in the browser into one (Multi)Polygon to send as a focus area's polygon:
 * a bare geometry, a Feature or a FeatureCollection; points and lines are ignored. The API takes WGS84
 * only, so RD New coordinates are refused here with a clear reason rather than drawn in the sea.
 */
export function parsePolygonFile(text: string): PolygonParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'json' };
  }
  const polygons: unknown[][] = [];
  polygonsOf(parsed, polygons);
  if (polygons.length === 0) return { ok: false, reason: 'no_polygon' };
  if (!allWgs84(polygons)) return { ok: false, reason: 'not_wgs84' };
  const geometry: Geometry = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as unknown[] } : { type: 'MultiPolygon', coordinates: polygons };
  return { ok: true, geometry, parts: polygons.length };
}
