import type { Neighbours } from './neighbours.js';

export interface LocalMoranResult {
  /** Ii */
  readonly i: Float64Array;
  /** Z.Ii: (Ii − E.Ii) / sqrt(Var.Ii); NaN for a cell without neighbours or at the mean. */
  readonly z: Float64Array;
  /** 1 when the cell is above the mean, 0 otherwise (spdep's `pysal` quadrant convention). */
  readonly high: Uint8Array;
  /** 1 when the neighbours' mean deviation is above 0. */
  readonly lagHigh: Uint8Array;
}

/**
 * Anselin's local Moran's I on row-standardised weights, with spdep's defaults (`localmoran(x,
 * nb2listw(nb, style = "W", zero.policy = TRUE))`: conditional = TRUE, mlvar = TRUE, analytic variance of
 * Sokal et al. 1998). Row-standardised weights are what spdep and ArcGIS's Cluster and Outlier Analysis use
 * by default for polygons. With style W every cell with neighbours has Wi = 1 and Wi2 = 1/degree.
 */
export function localMoran(values: Float64Array, neighbours: Neighbours): LocalMoranResult {
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
  const m2 = squares / n;
  const result: LocalMoranResult = { i: new Float64Array(n), z: new Float64Array(n), high: new Uint8Array(n), lagHigh: new Uint8Array(n) };
  const { offsets, indices } = neighbours;
  for (let c = 0; c < n; c++) {
    const start = offsets[c]!;
    const end = offsets[c + 1]!;
    const degree = end - start;
    const zc = values[c]! - mean;
    let lag = 0;
    for (let k = start; k < end; k++) lag += values[indices[k]!]! - mean;
    if (degree > 0) lag /= degree;
    const ii = (zc / m2) * lag;
    result.i[c] = ii;
    result.high[c] = zc > 0 ? 1 : 0;
    result.lagHigh[c] = lag > 0 ? 1 : 0;
    if (degree === 0) {
      result.z[c] = Number.NaN;
      continue;
    }
    const wi2 = 1 / degree;
    const expected = -(zc * zc) / ((n - 1) * m2);
    const variance = (zc / m2) ** 2 * (n / (n - 2)) * (wi2 - 1 / (n - 1)) * (m2 - (zc * zc) / (n - 1));
    result.z[c] = variance > 0 ? (ii - expected) / Math.sqrt(variance) : Number.NaN;
  }
  return result;
}
