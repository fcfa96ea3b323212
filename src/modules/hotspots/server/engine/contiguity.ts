import { neighboursFromLists, type Neighbours } from './neighbours.js';

/** A polygon or multipolygon as GeoJSON coordinates: polygons → rings → [x, y] positions. */
export type PolygonParts = readonly (readonly (readonly number[])[])[];

/** spdep's default `snap` of poly2nb: sqrt(.Machine$double.eps), in coordinate units. */
export const DEFAULT_SNAP = Math.sqrt(Number.EPSILON);

/**
 * Queen or rook contiguity as spdep's `poly2nb` decides it: two areas are queen neighbours when they share at
 * least one boundary point, rook neighbours when they share at least two (so a shared edge, not a corner).
 * Points count as shared when both coordinates differ by at most `snap`. Each area's distinct vertices go
 * into a hash grid of cell size `snap`, and only the 3 × 3 grid cells around a vertex can hold its partners,
 * so this is linear in the number of vertices.
 */
export function contiguityNeighbours(areas: readonly PolygonParts[], rule: 'queen' | 'rook', snap = DEFAULT_SNAP): Neighbours {
  const grid = new Map<string, { area: number; x: number; y: number }[]>();
  const verticesOf: { x: number; y: number }[][] = areas.map((parts) => {
    const seen = new Set<string>();
    const vertices: { x: number; y: number }[] = [];
    for (const ring of parts) {
      for (const position of ring) {
        const x = position[0]!;
        const y = position[1]!;
        const exact = `${x},${y}`;
        if (seen.has(exact)) continue; // the closing vertex of a ring, or a repeated point
        seen.add(exact);
        vertices.push({ x, y });
      }
    }
    return vertices;
  });
  const cellKey = (gx: number, gy: number) => `${gx},${gy}`;
  verticesOf.forEach((vertices, area) => {
    for (const v of vertices) {
      const key = cellKey(Math.floor(v.x / snap), Math.floor(v.y / snap));
      let bucket = grid.get(key);
      if (!bucket) grid.set(key, (bucket = []));
      bucket.push({ area, x: v.x, y: v.y });
    }
  });
  const shared = new Map<number, number>();
  const n = areas.length;
  verticesOf.forEach((vertices, area) => {
    for (const v of vertices) {
      const gx = Math.floor(v.x / snap);
      const gy = Math.floor(v.y / snap);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          const bucket = grid.get(cellKey(gx + dx, gy + dy));
          if (!bucket) continue;
          for (const other of bucket) {
            if (other.area <= area) continue;
            if (Math.abs(other.x - v.x) > snap || Math.abs(other.y - v.y) > snap) continue;
            const pair = area * n + other.area;
            shared.set(pair, (shared.get(pair) ?? 0) + 1);
          }
        }
      }
    }
  });
  const minimum = rule === 'queen' ? 1 : 2;
  const lists: number[][] = areas.map(() => []);
  for (const [pair, count] of shared) {
    if (count < minimum) continue;
    const a = Math.floor(pair / n);
    const b = pair - a * n;
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  return neighboursFromLists(lists);
}
