import type { Geometry } from '../contract.js';

/** Geometry helpers on GeoJSON (WGS84). No PostGIS: spatial work stays in TypeScript (DESIGN.md). */

type Position = [number, number];

export function isAreaGeometry(value: unknown): value is Geometry {
  if (!value || typeof value !== 'object') return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates);
}

/** The polygons of a Polygon or MultiPolygon, as MultiPolygon coordinates. */
export function polygonsOf(geometry: Geometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates as Position[][]] : (geometry.coordinates as Position[][][]);
}

/** Joins several boundaries into one MultiPolygon (no dissolve: shared edges stay, which a map draws fine). */
export function combineGeometries(geometries: readonly Geometry[]): Geometry | null {
  const polygons = geometries.flatMap(polygonsOf);
  return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

export function bboxOf(geometry: Geometry): [number, number, number, number] | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return Number.isFinite(minLon) ? [minLon, minLat, maxLon, maxLat] : null;
}

/** A polygon drawn by a user must be a real WGS84 polygon: closed rings of at least 4 positions in range. */
export function polygonProblem(geometry: Geometry): string | null {
  const polygons = (() => {
    try {
      return polygonsOf(geometry);
    } catch {
      return null;
    }
  })();
  if (!polygons || polygons.length === 0) return 'the polygon has no rings';
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'a polygon has no rings';
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4) return 'every ring needs at least 4 positions';
      for (const position of ring) {
        if (!Array.isArray(position) || position.length < 2) return 'a position must be [longitude, latitude]';
        const [lon, lat] = position as unknown[];
        if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
          return 'a position must hold two numbers';
        }
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return 'coordinates must be WGS84 longitude/latitude (RD New is not accepted here)';
      }
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) return 'every ring must be closed (first position = last position)';
    }
  }
  return null;
}
