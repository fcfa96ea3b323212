import type { Neighbours } from './neighbours.js';

/**
 * Getis-Ord Gi* with binary weights, each cell counted in its own neighbourhood: the formula of spdep's
 * `localG(x, nb2listw(include.self(nb), style = "B"))` (Getis & Ord 1995), which is also ArcGIS's Hot Spot
 * Analysis with contiguity weights. With binary weights Wi = S1i = (neighbours + 1), so
 *   z_i = (sum_{j in N(i) ∪ {i}} x_j − Wi·x̄) / sqrt(s² · (n·Wi − Wi²) / (n − 1)),  s² = Σ(x − x̄)² / n.
 * A cell whose neighbourhood is the whole study area, or data without variance, has no z (NaN), as in R.
 */
export function giStar(values: Float64Array, neighbours: Neighbours): Float64Array {
  const n = values.length;
  if (neighbours.n !== n) throw new Error('values and neighbours differ in length');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  const s2 = squares / n;
  const z = new Float64Array(n);
  const { offsets, indices } = neighbours;
  let start = offsets[0]!;
  for (let i = 0; i < n; i++) {
    const end = offsets[i + 1]!;
    let local = values[i]!;
    for (let k = start; k < end; k++) local += values[indices[k]!]!;
    const w = end - start + 1;
    const variance = (s2 * (n * w - w * w)) / (n - 1);
    z[i] = variance > 0 ? (local - w * mean) / Math.sqrt(variance) : Number.NaN;
    start = end;
  }
  return z;
}
