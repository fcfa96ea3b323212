import proj4 from 'proj4';
import { union } from 'polyclip-ts';
import { fileProblem, MAX_RECORDS, type Polygonal, type Position } from './import-model.js';

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

/** Checks the FeatureCollection shape and reads its crs member (RFC 7946 has none: WGS84). */
export function readFeatureCollection(text: string): { features: RawFeature[]; crs: Crs } {
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
  const crsName = String((doc as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name ?? '');
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
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return `geometry must be a Polygon or MultiPolygon, not ${g?.type === undefined ? 'missing' : String(g.type)}`;
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
  if (out.some(selfIntersects)) {
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

interface Segment {
  ring: number;
  i: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
}

/**
 * Whether a polygon is invalid by self-intersection: two non-adjacent edges cross, or a ring touches itself. Edges are swept by x so that typical polygons stay near n log n.
 */
function selfIntersects(rings: Position[][]): boolean {
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i] ?? [];
      const [bx = 0, by = 0] = ring[i + 1] ?? [];
      if (ax === bx && ay === by) continue;
      segments.push({ ring: r, i, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx) });
    }
  });
  segments.sort((s, t) => s.minX - t.minX);
  const ringLength = rings.map((ring) => ring.length - 1);
  for (let a = 0; a < segments.length; a++) {
    const s = segments[a] as Segment;
    for (let b = a + 1; b < segments.length; b++) {
      const t = segments[b] as Segment;
      if (t.minX > s.maxX) break;
      if (s.ring === t.ring) {
        const n = ringLength[s.ring] ?? 0;
        const gap = Math.abs(s.i - t.i);
        if (gap === 1 || gap === n - 1) continue;
      }
      if (segmentsIntersect(s, t, s.ring === t.ring)) return true;
    }
  }
  return false;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** Crossing edges are always invalid; a ring touching itself is too, but a hole may touch its shell in a point. */
function segmentsIntersect(s: Segment, t: Segment, sameRing: boolean): boolean {
  const o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  if (!sameRing) return false;
  return (
    (o1 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) ||
    (o2 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) ||
    (o3 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) ||
    (o4 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
  );
}
