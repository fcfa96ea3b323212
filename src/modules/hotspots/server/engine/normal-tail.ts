/**
 * Two-sided p-values of standard normal z-scores. A port of W. J. Cody's rational approximations as R's
 * pnorm() uses them (nmath/pnorm.c), so the p-values agree with R to the last few bits, which the
 * spdep oracle test needs (1e-9); a generic erf approximation is only good to about 1e-7.
 */
// The constants are copied digit for digit from R's source so they can be checked against it; the extra digits
// round to the same doubles R uses.
/* eslint-disable no-loss-of-precision */
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
  38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];
const SQRT_32 = 5.656854249492380195206754896838;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
/* eslint-enable no-loss-of-precision */
const HALF_EPSILON = Number.EPSILON * 0.5;

/** Exponential part of the tail, split as R does so exp() loses no precision for large |x|. */
function gaussianFactor(x: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5);
}

/** P(Z <= -y) for y >= 0: the lower tail at -y, which equals the upper tail at y. */
export function normalUpperTail(y: number): number {
  if (Number.isNaN(y)) return Number.NaN;
  y = Math.abs(y);
  if (y <= 0.67448975) {
    let xnum = 0;
    let xden = 0;
    if (y > HALF_EPSILON) {
      const xsq = y * y;
      xnum = A[4]! * xsq;
      xden = xsq;
      for (let i = 0; i < 3; i++) {
        xnum = (xnum + A[i]!) * xsq;
        xden = (xden + B[i]!) * xsq;
      }
    }
    return 0.5 - (y * (xnum + A[3]!)) / (xden + B[3]!);
  }
  if (y <= SQRT_32) {
    let xnum = C[8]! * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]!) * y;
      xden = (xden + D[i]!) * y;
    }
    return gaussianFactor(y) * ((xnum + C[7]!) / (xden + D[7]!));
  }
  if (y < 37.5193) {
    const xsq = 1 / (y * y);
    let xnum = P[5]! * xsq;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + P[i]!) * xsq;
      xden = (xden + Q[i]!) * xsq;
    }
    const temp = (xsq * (xnum + P[4]!)) / (xden + Q[4]!);
    return gaussianFactor(y) * ((ONE_OVER_SQRT_2PI - temp) / y);
  }
  return 0;
}

/** Two-sided p-value of a z-score, as `2 * pnorm(abs(z), lower.tail = FALSE)` in R; NaN stays NaN. */
export function twoSidedP(z: number): number {
  return 2 * normalUpperTail(z);
}
