import { adjustBenjaminiHochberg, fdrBins, pValuesOf } from './fdr.js';
import { giStar } from './gi-star.js';
import { localMoran } from './local-moran.js';
import type { Neighbours } from './neighbours.js';

export interface GiStarAnalysis {
  z: Float64Array;
  p: Float64Array;
  pAdjusted: Float64Array;
  bins: Int8Array;
}

/** Gi* with analytic z, two-sided p, Benjamini–Hochberg and ArcGIS's confidence bins, all in typed arrays. */
export function analyseGiStar(values: Float64Array, neighbours: Neighbours): GiStarAnalysis {
  const z = giStar(values, neighbours);
  const p = pValuesOf(z);
  const pAdjusted = adjustBenjaminiHochberg(p);
  return { z, p, pAdjusted, bins: fdrBins(z, pAdjusted) };
}

export interface LocalMoranAnalysis extends GiStarAnalysis {
  i: Float64Array;
  high: Uint8Array;
  lagHigh: Uint8Array;
}

/** Local Moran's I with the same p-values, correction and bins (positive bin: cluster, negative: outlier). */
export function analyseLocalMoran(values: Float64Array, neighbours: Neighbours): LocalMoranAnalysis {
  const moran = localMoran(values, neighbours);
  const p = pValuesOf(moran.z);
  const pAdjusted = adjustBenjaminiHochberg(p);
  return { ...moran, p, pAdjusted, bins: fdrBins(moran.z, pAdjusted) };
}
