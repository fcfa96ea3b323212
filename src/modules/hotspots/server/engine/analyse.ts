import { adjustBenjaminiHochberg, fdrBinsByCounting, fdrBinsOfZ, pValuesOf } from './fdr.js';
import { giStar } from './gi-star.js';
import { localMoran } from './local-moran.js';
import type { Neighbours } from './neighbours.js';

export interface GiStarAnalysis {
  z: Float64Array;
  p: Float64Array;
  pAdjusted: Float64Array;
  bins: Int8Array;
}

export interface GiStarBins {
  z: Float64Array;
  bins: Int8Array;
}

/** Gi* with analytic z and ArcGIS's confidence bins after Benjamini–Hochberg, in linear time. */
export function giStarBins(values: Float64Array, neighbours: Neighbours): GiStarBins {
  const z = giStar(values, neighbours);
  return { z, bins: fdrBinsOfZ(z) };
}

/** giStarBins plus every cell's p and Benjamini–Hochberg adjusted p, which the result table shows (a sort). */
export function analyseGiStar(values: Float64Array, neighbours: Neighbours): GiStarAnalysis {
  const { z, bins } = giStarBins(values, neighbours);
  const p = pValuesOf(z);
  return { z, p, pAdjusted: adjustBenjaminiHochberg(p), bins };
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
  return { ...moran, p, pAdjusted: adjustBenjaminiHochberg(p), bins: fdrBinsByCounting(moran.z, p) };
}
