import type { PolygonParts } from './engine/contiguity.js';

/** The rings of a GeoJSON Polygon or MultiPolygon as one list (contiguity looks at all boundary points). */
export function ringsOf(geometry: unknown): PolygonParts | null {
  if (!geometry || typeof geometry !== 'object') return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return null;
  if (type === 'Polygon') return coordinates as number[][][];
  if (type === 'MultiPolygon') return (coordinates as number[][][][]).flat();
  return null;
}

/**
 * Area-weighted centroid of the outer rings (holes are small next to a buurt, and knn only needs a
 * representative point), in lon/lat; the mean of the vertices when the area is degenerate.
 */
export function centroidOf(rings: PolygonParts): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let count = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i] as [number, number];
      const [x2, y2] = ring[i + 1] as [number, number];
      const cross = x1 * y2 - x2 * y1;
      area += cross;
      cx += (x1 + x2) * cross;
      cy += (y1 + y2) * cross;
      sx += x1;
      sy += y1;
      count++;
    }
  }
  if (Math.abs(area) < 1e-18) return [sx / Math.max(1, count), sy / Math.max(1, count)];
  return [cx / (3 * area), cy / (3 * area)];
}
