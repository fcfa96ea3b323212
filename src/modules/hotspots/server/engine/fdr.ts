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

/**
 * The same bins as `fdrBins(z, adjustBenjaminiHochberg(p))` without sorting: Benjamini–Hochberg at level α
 * rejects exactly the p-values at or below p₍k*₎ with k* = max{k : p₍k₎ ≤ kα/m}, and with
 * F(t) = #{p ≤ t} that is k* = max{k : F(kα/m) ≥ k}. One counting pass over buckets of width α/m gives F at
 * every kα/m, so a level costs linear time instead of a sort. Since F(kα/m) ≤ s, the number of p ≤ α, only
 * k ≤ s can qualify: the buckets (and the work after one pass over all cells) scale with the few small
 * p-values, not with m. A cell is significant at α when its bucket is at most k*.
 */
export function fdrBinsByCounting(z: Float64Array, p: Float64Array): Int8Array {
  const widest = ALPHAS[0];
  let m = 0;
  let candidates = 0;
  for (let i = 0; i < p.length; i++) {
    const value = p[i]!;
    if (value >= 0) {
      m++;
      if (value <= widest) candidates++;
    }
  }
  const index = new Int32Array(candidates);
  const small = new Float64Array(candidates);
  for (let i = 0, c = 0; i < p.length; i++) {
    const value = p[i]!;
    if (value >= 0 && value <= widest) {
      index[c] = i;
      small[c++] = value;
    }
  }
  return binsOfCandidates(z, m, index, small);
}

/**
 * The same bins from the z-scores alone: a two-sided p ≤ 0.1 needs |z| ≥ 1.6449, so only those cells get a
 * p-value computed (a few per cent of a map, not a million normal tails). m counts every finite z.
 */
export function fdrBinsOfZ(z: Float64Array): Int8Array {
  let m = 0;
  let candidates = 0;
  for (let i = 0; i < z.length; i++) {
    const score = z[i]!;
    if (score === score) {
      m++;
      if (score >= Z_SCREEN || score <= -Z_SCREEN) candidates++;
    }
  }
  const index = new Int32Array(candidates);
  const small = new Float64Array(candidates);
  let c = 0;
  for (let i = 0; i < z.length; i++) {
    const score = z[i]!;
    if (!(score >= Z_SCREEN || score <= -Z_SCREEN)) continue;
    const value = twoSidedP(score);
    if (value > ALPHAS[0]) continue;
    index[c] = i;
    small[c++] = value;
  }
  return binsOfCandidates(z, m, index.subarray(0, c), small.subarray(0, c));
}

/** Just below the z of a two-sided p of 0.1 (1.6448536…): the screen lets every such cell through. */
const Z_SCREEN = 1.6448;

/** The counting step over the cells whose p is at most the widest α (their indices and p-values). */
function binsOfCandidates(z: Float64Array, m: number, index: Int32Array, small: Float64Array): Int8Array {
  const candidates = small.length;
  const bins = new Int8Array(z.length);
  if (candidates === 0) return bins;
  // From the widest level to the narrowest: a cell keeps the highest level it reaches.
  for (let level = 1; level <= ALPHAS.length; level++) {
    const alpha = ALPHAS[level - 1]!;
    const scale = m / alpha;
    let s = 0;
    for (let c = 0; c < candidates; c++) if (small[c]! <= alpha) s++;
    if (s === 0) break; // nothing significant here, so nothing at any narrower level either
    // Buckets 1..s; a p in a bucket beyond s counts for no qualifying k, so it is left out.
    const counts = new Int32Array(s + 1);
    for (let c = 0; c < candidates; c++) {
      const value = small[c]!;
      if (value > alpha) continue;
      const k = bucketOf(value, scale);
      if (k <= s) counts[k]! += 1;
    }
    let cumulative = 0;
    let kStar = 0;
    for (let k = 1; k <= s; k++) {
      cumulative += counts[k]!;
      if (cumulative >= k) kStar = k;
    }
    if (kStar === 0) break;
    for (let c = 0; c < candidates; c++) {
      const value = small[c]!;
      if (value > alpha || bucketOf(value, scale) > kStar) continue;
      const i = index[c]!;
      bins[i] = z[i]! > 0 ? level : -level;
    }
  }
  return bins;
}

/** The k with (k−1)α/m < p ≤ kα/m, at least 1 (p = 0 belongs to the first bucket). */
function bucketOf(value: number, scale: number): number {
  const k = Math.ceil(value * scale);
  return k < 1 ? 1 : k;
}
