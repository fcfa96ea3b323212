import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polygonSelfIntersects } from './self-intersection.js';
import { combRing } from './testing/comb-polygon.js';

type Position = [number, number];

/**
 * The pairwise check the import used before the sweep (every edge against every edge whose x-range
 * overlaps), kept here as the reference. One change: repeated consecutive positions are dropped first, as
 * the sweep does (before, such a ring counted as touching itself and was "repaired").
 */
function quadraticSelfIntersects(rings: Position[][]): boolean {
  const segments: { ring: number; i: number; ax: number; ay: number; bx: number; by: number }[] = [];
  const ringLength: number[] = [];
  rings.forEach((raw, r) => {
    const ring = raw.filter((p, k) => k === 0 || p[0] !== raw[k - 1]![0] || p[1] !== raw[k - 1]![1]);
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[i + 1]!;
      segments.push({ ring: r, i, ax, ay, bx, by });
    }
    ringLength[r] = ring.length - 1;
  });
  const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => {
    const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  };
  const onSegment = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
    Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
  for (let a = 0; a < segments.length; a++) {
    for (let b = a + 1; b < segments.length; b++) {
      const s = segments[a]!;
      const t = segments[b]!;
      const sameRing = s.ring === t.ring;
      if (sameRing) {
        const n = ringLength[s.ring] ?? 0;
        const gap = Math.abs(s.i - t.i);
        if (gap === 1 || gap === n - 1) continue;
      }
      const o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
      const o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
      const o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
      const o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
      if (o1 * o2 < 0 && o3 * o4 < 0) return true;
      if (!sameRing) continue;
      if (
        (o1 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) ||
        (o2 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) ||
        (o3 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) ||
        (o4 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
      )
        return true;
    }
  }
  return false;
}

const close = (ring: Position[]): Position[] => [...ring, ring[0]!];

/** Rings on a small integer grid: many shared points, collinear edges and touching rings (exact arithmetic). */
const gridRing = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 3, maxLength: 9 }).map(close);
/**
 * Mostly valid rings: grid points sorted by angle around a centre (a star-shaped polygon, often with collinear
 * edges and vertices on other edges), sometimes with one vertex moved anywhere. Holes are made the same way
 * around other centres, so they lie inside, touch the shell or cross it.
 */
const starRing = (cx: number, cy: number, size: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.tuple(fc.integer({ min: cx - size, max: cx + size }), fc.integer({ min: cy - size, max: cy + size })), { minLength: 3, maxLength: 10, selector: ([x, y]) => `${x},${y}` }),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), { freq: 3 }),
    )
    .map(([points, moved]) => {
      const ring = points
        .filter(([x, y]) => x !== cx || y !== cy)
        .sort((a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx) || Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy)) as Position[];
      if (moved && ring.length) ring[moved[0] % ring.length] = [moved[1], moved[2]];
      return ring.length >= 3 ? close(ring) : close([[0, 0], [1, 0], [0, 1]]);
    });
const starPolygon = fc.tuple(
  starRing(4, 4, 4),
  fc.array(fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 })).chain(([x, y, size]) => starRing(x, y, size)), { maxLength: 2 }),
).map(([shell, holes]) => [shell, ...holes]);

/** Rings with arbitrary decimals, as real boundaries have. */
const decimalRing = fc
  .array(fc.tuple(fc.double({ min: 4, max: 5, noNaN: true }), fc.double({ min: 51, max: 52, noNaN: true })), { minLength: 3, maxLength: 14 })
  .map((ring) => close(ring.map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] as Position)));

describe('self-intersection by sweep line', () => {
  it('agrees with the pairwise check on random small polygons on a grid (shells with holes)', () => {
    fc.assert(
      fc.property(fc.array(gridRing, { minLength: 1, maxLength: 3 }), (rings) => {
        expect(polygonSelfIntersects(rings)).toBe(quadraticSelfIntersects(rings));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the pairwise check on mostly valid star-shaped polygons with holes on a grid', () => {
    fc.assert(
      fc.property(starPolygon, (rings) => {
        expect(polygonSelfIntersects(rings)).toBe(quadraticSelfIntersects(rings));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the pairwise check on random polygons with decimal coordinates', () => {
    fc.assert(
      fc.property(fc.array(decimalRing, { minLength: 1, maxLength: 3 }), (rings) => {
        expect(polygonSelfIntersects(rings)).toBe(quadraticSelfIntersects(rings));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with the pairwise check on small combs, straight and turned, valid and with a crossed tooth', () => {
    for (const teeth of [1, 2, 3, 7, 20]) {
      for (const turned of [false, true]) {
        for (const crossedTooth of [undefined, 0, teeth - 1, Math.floor(teeth / 2)]) {
          const ring = combRing(teeth, { turned, ...(crossedTooth === undefined ? {} : { crossedTooth }) });
          const expected = quadraticSelfIntersects([ring]);
          expect(expected, `${teeth} teeth, turned ${turned}, crossed ${crossedTooth}`).toBe(crossedTooth !== undefined);
          expect(polygonSelfIntersects([ring])).toBe(expected);
        }
      }
    }
  });

  it('checks a comb with 8,000 teeth (the file that blocked the server), straight and turned 45°', () => {
    for (const turned of [false, true]) {
      expect(polygonSelfIntersects([combRing(8000, { turned })])).toBe(false);
      expect(polygonSelfIntersects([combRing(8000, { turned, crossedTooth: 4321 })])).toBe(true);
      expect(polygonSelfIntersects([combRing(8000, { turned, crossedTooth: 7999 })])).toBe(true);
    }
  });

  it('known shapes: a bow-tie, a ring touching itself, a hole touching its shell, a hole crossing it, repeated points', () => {
    const square = close([[0, 0], [4, 0], [4, 4], [0, 4]]);
    expect(polygonSelfIntersects([square])).toBe(false);
    expect(polygonSelfIntersects([close([[0, 0], [4, 4], [4, 0], [0, 4]])])).toBe(true);
    // A vertex on another edge of the same ring (an hourglass pinched at one point).
    expect(polygonSelfIntersects([close([[0, 0], [4, 0], [2, 2], [4, 4], [0, 4], [2, 2]])])).toBe(true);
    expect(polygonSelfIntersects([square, close([[1, 1], [2, 1], [2, 2], [1, 2]])])).toBe(false);
    expect(polygonSelfIntersects([square, close([[0, 2], [2, 1], [2, 3]])])).toBe(false);
    expect(polygonSelfIntersects([square, close([[3, 1], [5, 1], [5, 2], [3, 2]])])).toBe(true);
    expect(polygonSelfIntersects([close([[0, 0], [4, 0], [4, 0], [4, 4], [0, 4], [0, 4]])])).toBe(false);
    expect(polygonSelfIntersects([close([[0, 0], [0, 0], [0, 0]])])).toBe(false);
  });
});
