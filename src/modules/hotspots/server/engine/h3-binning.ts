import { h3 } from './h3.js';

/**
 * Counting points per H3 cell. h3-js's latLngToCell costs ~2.5 µs a call here (a WebAssembly round trip with
 * two allocations and a hex string), so a million points would take the whole 2 s budget. Instead points are
 * first put in small lat/lon buckets; each bucket knows the few hexagons that may cover it, and a point that
 * lies inside one of them by more than a safety margin is assigned without calling h3-js. Points near an
 * edge (a few per cent) and everything the fast path cannot vouch for go to latLngToCell itself, so the
 * result is exactly h3-js's (unit test: agreement on random points and on points right at cell edges).
 */

/** Below resolution 5 edges are long enough for the lat/lon-straight approximation of an edge to be off. */
const FAST_PATH_MIN_RESOLUTION = 5;
/** Above 12 the bucket keys below would no longer fit; such fine cells are rare in this domain anyway. */
const FAST_PATH_MAX_RESOLUTION = 12;
/** Near the poles a lat/lon box is too distorted for the local flat approximation. */
const FAST_PATH_MAX_ABS_LAT = 80;

interface Candidate {
  cell: number;
  /** Per edge: a, b, c of a·x + b·y + c ≥ 0 inside, normalised so the value is a distance in local units. */
  edges: Float64Array;
}

interface Bucket {
  cosLat: number;
  candidates: Candidate[];
}

export interface H3Bins {
  /** The cells that hold at least one point, in order of first appearance. */
  cells: string[];
  counts: Int32Array;
}

class CellTable {
  readonly cells: string[] = [];
  private readonly indexOf = new Map<string, number>();
  index(cell: string): number {
    let i = this.indexOf.get(cell);
    if (i === undefined) {
      i = this.cells.length;
      this.cells.push(cell);
      this.indexOf.set(cell, i);
    }
    return i;
  }
}

export function binPointsToH3(lons: Float64Array, lats: Float64Array, resolution: number): H3Bins {
  const { cellToBoundary, getHexagonEdgeLengthAvg, gridDisk, latLngToCell } = h3();
  const table = new CellTable();
  const n = lons.length;
  const cellOfPoint = new Int32Array(n);
  const fast = resolution >= FAST_PATH_MIN_RESOLUTION && resolution <= FAST_PATH_MAX_RESOLUTION;
  const edgeDeg = getHexagonEdgeLengthAvg(resolution, 'm') / 111_320;
  // Half a bucket's diagonal stays well below a hexagon's inner radius, so the centre cell and its ring
  // cover the bucket; and 1 % of an edge dwarfs the millimetres by which a lat/lon-straight edge may differ.
  const bucketDeg = edgeDeg * 0.5;
  const margin = edgeDeg * 0.01;
  const boundaries = new Map<string, number[][]>();
  const boundaryOf = (cell: string) => {
    let b = boundaries.get(cell);
    if (!b) boundaries.set(cell, (b = cellToBoundary(cell)));
    return b;
  };

  // Bucket keys are small integers relative to the data's extent; one longitude scale for all rows (that of
  // the latitude farthest from the equator) keeps every bucket at most bucketDeg wide in local metres.
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxAbsLat = 0;
  for (let p = 0; p < n; p++) {
    const lat = lats[p]!;
    if (Math.abs(lat) >= FAST_PATH_MAX_ABS_LAT) continue;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lons[p]! < minLon) minLon = lons[p]!;
    if (Math.abs(lat) > maxAbsLat) maxAbsLat = Math.abs(lat);
  }
  const lonScale = Math.cos((maxAbsLat * Math.PI) / 180);
  const lonBucketDeg = bucketDeg / lonScale;
  const rows = Number.isFinite(minLat) ? Math.floor((maxLat - minLat) / bucketDeg) + 1 : 0;
  const cols = Math.floor(360 / lonBucketDeg) + 2;
  const dense: (Bucket | undefined)[] | null = rows * cols <= 4_000_000 ? new Array<Bucket | undefined>(rows * cols) : null;
  const sparse = new Map<number, Bucket>();

  const makeBucket = (row: number, col: number): Bucket => {
    const centreLat = minLat + (row + 0.5) * bucketDeg;
    const centreLon = minLon + (col + 0.5) * lonBucketDeg;
    const cosLat = Math.cos((centreLat * Math.PI) / 180);
    const candidates: Candidate[] = [];
    for (const cell of gridDisk(latLngToCell(centreLat, centreLon, resolution), 1)) {
      const ring = boundaryOf(cell);
      const m = ring.length;
      const edges = new Float64Array(m * 3);
      for (let e = 0; e < m; e++) {
        const [lat1, lon1] = ring[e]!;
        const [lat2, lon2] = ring[(e + 1) % m]!;
        const x1 = lon1! * cosLat;
        const y1 = lat1!;
        const dx = lon2! * cosLat - x1;
        const dy = lat2! - y1;
        const length = Math.hypot(dx, dy);
        // h3-js lists boundary vertices counter-clockwise, so the inside is to the left of each edge.
        edges[e * 3] = -dy / length;
        edges[e * 3 + 1] = dx / length;
        edges[e * 3 + 2] = (dy * x1 - dx * y1) / length;
      }
      candidates.push({ cell: table.index(cell), edges });
    }
    return { cosLat, candidates };
  };

  for (let p = 0; p < n; p++) {
    const lat = lats[p]!;
    const lon = lons[p]!;
    let assigned = -1;
    if (fast && Math.abs(lat) < FAST_PATH_MAX_ABS_LAT) {
      const row = Math.floor((lat - minLat) / bucketDeg);
      const col = Math.floor((lon - minLon) / lonBucketDeg);
      const key = row * cols + col;
      let bucket = dense ? dense[key] : sparse.get(key);
      if (!bucket) {
        bucket = makeBucket(row, col);
        if (dense) dense[key] = bucket;
        else sparse.set(key, bucket);
      }
      const x = lon * bucket.cosLat;
      const candidates = bucket.candidates;
      for (let c = 0; c < candidates.length; c++) {
        const edges = candidates[c]!.edges;
        let inside = true;
        for (let e = 0; e < edges.length; e += 3) {
          if (edges[e]! * x + edges[e + 1]! * lat + edges[e + 2]! <= margin) {
            inside = false;
            break;
          }
        }
        if (inside) {
          assigned = candidates[c]!.cell;
          break;
        }
      }
    }
    if (assigned < 0) assigned = table.index(latLngToCell(lat, lon, resolution));
    cellOfPoint[p] = assigned;
  }
  const counts = new Int32Array(table.cells.length);
  for (let p = 0; p < n; p++) counts[cellOfPoint[p]!]!++;
  // Cells that only served as candidates hold no points: keep the occupied ones.
  const cells: string[] = [];
  const kept: number[] = [];
  for (let c = 0; c < table.cells.length; c++) {
    if (counts[c]! > 0) {
      cells.push(table.cells[c]!);
      kept.push(counts[c]!);
    }
  }
  return { cells, counts: Int32Array.from(kept) };
}
