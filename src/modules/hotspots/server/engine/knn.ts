import Flatbush from 'flatbush';
import { neighboursFromLists, type Neighbours } from './neighbours.js';

/**
 * The k nearest other points of every point (Euclidean), as spdep's `knn2nb(knearneigh(coords, k))`: not
 * symmetric (b may be among a's nearest without the reverse). Coordinates must be planar; callers project
 * lon/lat first. Flatbush answers each query from its packed R-tree in O(log n).
 */
export function knnNeighbours(xs: Float64Array, ys: Float64Array, k: number): Neighbours {
  const n = xs.length;
  if (k < 1 || k >= n) throw new RangeError(`k must be between 1 and ${n - 1}`);
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(xs[i]!, ys[i]!, xs[i]!, ys[i]!);
  index.finish();
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const found = index.neighbors(xs[i]!, ys[i]!, k + 1, Number.POSITIVE_INFINITY, (j) => j !== i);
    lists.push(found.slice(0, k));
  }
  return neighboursFromLists(lists);
}

/** Projects lon/lat to metres around the data's mean latitude (equirectangular; fine at a city's scale). */
export function projectLocally(lons: readonly number[], lats: readonly number[]): { xs: Float64Array; ys: Float64Array } {
  const meanLat = lats.reduce((s, v) => s + v, 0) / Math.max(1, lats.length);
  const kx = 111_320 * Math.cos((meanLat * Math.PI) / 180);
  const ky = 110_574;
  return { xs: Float64Array.from(lons, (v) => v * kx), ys: Float64Array.from(lats, (v) => v * ky) };
}
