import { twoSidedP } from './normal-tail.js';

/** The confidence levels of ArcGIS's Gi_Bin: 90, 95 and 99 %. */
export const ALPHAS = [0.1, 0.05, 0.01] as const;

/**
 * Benjamini–Hochberg adjusted p-values, exactly R's `p.adjust(p, method = "BH")`: NaN entries are left out of
 * the count m and stay NaN.
 */
export function adjustBenjaminiHochberg(p: Float64Array): Float64Array {
  // Sort the finite p-values (native numeric sort of a typed array), run the step-up over the sorted values,
  // then give every cell the adjusted value of its p by binary search. Tied p-values share one adjusted
  // value in R too, so which of the tied ranks a search lands on does not matter.
  let m = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! >= 0) m++;
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < p.length; i++) if (p[i]! >= 0) sorted[k++] = p[i]!;
  sorted.sort();
  const stepUp = new Float64Array(m);
  let running = Number.POSITIVE_INFINITY;
  for (let rank = m; rank >= 1; rank--) {
    const candidate = (m / rank) * sorted[rank - 1]!;
    if (candidate < running) running = candidate;
    stepUp[rank - 1] = running < 1 ? running : 1;
  }
  const adjusted = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const value = p[i]!;
    if (!(value >= 0)) {
      adjusted[i] = Number.NaN;
      continue;
    }
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    adjusted[i] = stepUp[lo]!;
  }
  return adjusted;
}

/** p-values of z-scores (NaN stays NaN). */
export function pValuesOf(z: Float64Array): Float64Array {
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) p[i] = twoSidedP(z[i]!);
  return p;
}

/**
 * ArcGIS's Gi_Bin with the False Discovery Rate correction: ±3, ±2, ±1 when the cell is significant at
 * 99, 95 or 90 % after Benjamini–Hochberg (its adjusted p ≤ α, which is the same as ArcGIS's rule "p at or
 * below the BH critical value"), the sign of z; 0 otherwise or without a z.
 */
export function fdrBins(z: Float64Array, adjusted: Float64Array): Int8Array {
  const bins = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const q = adjusted[i]!;
    if (!(q <= ALPHAS[0])) continue;
    const level = q <= ALPHAS[2] ? 3 : q <= ALPHAS[1] ? 2 : 1;
    bins[i] = z[i]! > 0 ? level : -level;
  }
  return bins;
}
