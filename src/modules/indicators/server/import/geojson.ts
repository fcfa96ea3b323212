import proj4 from 'proj4';
import { union } from 'polyclip-ts';
import { MAX_RECORDS } from './import-limits.js';
import { fileProblem, type Polygonal, type Position } from './import-model.js';
import { polygonSelfIntersects } from './self-intersection.js';

/** RD New with the Helmert shift to WGS84 (~1 m, as the Dordrecht README notes; fine for maps). */
const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const toWgs84 = proj4(RD_NEW, 'WGS84');

export interface RawFeature {
  index: number;
  properties: Record<string, unknown>;
  geometry: unknown;
}

export type Crs = 'wgs84' | 'rd-new';

/** Caps on the positions (vertices) of a file and of each feature. */
export interface PositionCaps {
  perFile: number;
  perFeature: number;
}

/**
 * Checks the FeatureCollection shape and reads its crs member (RFC 7946 has none: WGS84). A file with more
 * positions than the cap is refused before JSON.parse builds an object for each (an 83 MB file with 4 million
 * positions took 2.5 GB that way), by counting the arrays that start with a number in the text.
 */
export function readFeatureCollection(text: string, caps: PositionCaps): { features: RawFeature[]; crs: Crs } {
  if (countNumberArrays(text, caps.perFile) > caps.perFile) throw tooManyPositions(caps.perFile);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw fileProblem('import.json_syntax', 'The file is not valid JSON');
  }
  if (!doc || typeof doc !== 'object' || (doc as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((doc as { features?: unknown }).features)) {
    throw fileProblem('import.not_feature_collection', 'The file is not a GeoJSON FeatureCollection');
  }
  const raw = (doc as { features: unknown[] }).features;
  if (raw.length === 0) throw fileProblem('import.empty', 'The FeatureCollection has no features');
  if (raw.length > MAX_RECORDS) throw fileProblem('import.too_many_rows', `The file has more than ${MAX_RECORDS} features; split it`);
  const crsName = String((doc as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name ?? '').slice(0, 200);
  let crs: Crs = 'wgs84';
  if (crsName) {
    if (/28992/.test(crsName)) crs = 'rd-new';
    else if (!/(4326|CRS84)/i.test(crsName)) throw fileProblem('import.crs', `Coordinate reference system "${crsName}" is not supported: use WGS84 or RD New (EPSG:28992)`);
  }
  const features = raw.map((f, index) => {
    const feature = (f && typeof f === 'object' ? f : {}) as { properties?: unknown; geometry?: unknown };
    const properties = feature.properties && typeof feature.properties === 'object' ? (feature.properties as Record<string, unknown>) : {};
    return { index, properties, geometry: feature.geometry ?? null };
  });
  if (crs === 'wgs84' && looksLikeRdNew(features)) {
    throw fileProblem('import.crs_missing', 'The coordinates look like RD New (EPSG:28992) but the file has no crs member naming it; add "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}} or convert to WGS84');
  }
  return { features, crs };
}

const tooManyPositions = (cap: number) =>
  fileProblem('import.too_many_positions', `The file has more than ${cap.toLocaleString('en')} coordinate positions; split it (for example per gemeente) or simplify the boundaries`, 413);

/**
 * How many JSON arrays in the text start with a number (outside strings): every position is one, so this
 * is at least the number of positions. Stops counting past `stopAfter`.
 */
export function countNumberArrays(text: string, stopAfter: number): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b) {
      let j = i + 1;
      while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x0a || text.charCodeAt(j) === 0x0d || text.charCodeAt(j) === 0x09)) j += 1;
      const next = text.charCodeAt(j);
      if (next === 0x2d || (next >= 0x30 && next <= 0x39)) {
        count += 1;
        if (count > stopAfter) return count;
      }
    }
  }
  return count;
}

/** Positions of a Polygon or MultiPolygon geometry (arrays holding a number first), at most 4 levels deep. */
export function countPositions(geometry: unknown): number {
  const coordinates = (geometry as { coordinates?: unknown } | null)?.coordinates;
  let count = 0;
  const visit = (value: unknown, depth: number) => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      count += 1;
      return;
    }
    if (depth < 4) for (const inner of value) visit(inner, depth + 1);
  };
  visit(coordinates, 1);
  return count;
}

/** Refuses a file whose features together hold more positions than the cap (counted exactly after parsing). */
export function requirePositionsWithinCap(features: RawFeature[], cap: number): number[] {
  let total = 0;
  const perFeature = features.map((f) => {
    const n = countPositions(f.geometry);
    total += n;
    return n;
  });
  if (total > cap) throw tooManyPositions(cap);
  return perFeature;
}

function firstPosition(geometry: unknown): Position | null {
  let c: unknown = (geometry as { coordinates?: unknown } | null)?.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? (c as Position) : null;
}

function looksLikeRdNew(features: RawFeature[]): boolean {
  return features.some((f) => {
    const p = firstPosition(f.geometry);
    return p !== null && (p[0] ?? 0) >= 0 && (p[0] ?? 0) <= 300_000 && (p[1] ?? 0) >= 300_000 && (p[1] ?? 0) <= 625_000;
  });
}

export interface GeometryResult {
  geometry: Polygonal;
  bbox: [number, number, number, number];
  repaired: boolean;
}

/**
 * A usable WGS84 polygon or multipolygon from a feature's geometry, or an error message. Invalid
 * polygons (self-intersections, e.g. simplification artefacts) are made valid by a polygon union.
 */
export function usableGeometry(geometry: unknown, crs: Crs): GeometryResult | string {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return `geometry must be a Polygon or MultiPolygon, not ${g?.type === undefined ? 'missing' : JSON.stringify(g.type)?.slice(0, 40)}`;
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'geometry has no coordinates';
  const out: Position[][][] = [];
  for (const polygon of polygons as unknown[]) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'a polygon has no rings';
    const rings: Position[][] = [];
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4) return 'a ring has fewer than 4 positions';
      const positions: Position[] = [];
      for (const p of ring as unknown[]) {
        if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return 'a position is not a pair of numbers';
        const [lon, lat] = crs === 'rd-new' ? toWgs84.forward([p[0], p[1]]) : [p[0], p[1]];
        if (lon === undefined || lat === undefined || lon < -180 || lon > 180 || lat < -90 || lat > 90) return 'coordinates are outside WGS84 longitude/latitude';
        positions.push([round6(lon), round6(lat)]);
      }
      const first = positions[0];
      const last = positions[positions.length - 1];
      if (first && last && (first[0] !== last[0] || first[1] !== last[1])) positions.push([first[0] ?? 0, first[1] ?? 0]);
      rings.push(positions);
    }
    out.push(rings);
  }
  let repaired = false;
  let result: Position[][][] = out;
  if (out.some(polygonSelfIntersects)) {
    result = union(out as [number, number][][][]) as Position[][][];
    repaired = true;
    if (result.length === 0) return 'geometry has no area left after repairing it';
  }
  return { geometry: result.length === 1 && g.type === 'Polygon' && !repaired ? { type: 'Polygon', coordinates: result[0] ?? [] } : { type: 'MultiPolygon', coordinates: result }, bbox: bboxOf(result), repaired };
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

function bboxOf(polygons: Position[][][]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [x = 0, y = 0] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
  return [minX, minY, maxX, maxY];
}
