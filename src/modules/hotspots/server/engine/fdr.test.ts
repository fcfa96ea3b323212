import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustBenjaminiHochberg, fdrBins, fdrBinsByCounting, fdrBinsOfZ, pValuesOf } from './fdr.js';

describe('Benjamini–Hochberg and bins', () => {
  it("adjusts with ties and NaN like a direct implementation of R's p.adjust", () => {
    const p = Float64Array.from({ length: 3000 }, (_, i) => (i % 17 === 0 ? Number.NaN : ((i * 7919) % 997) / 997 / (1 + (i % 13) * 100)));
    const finite = Array.from(p).map((v, i) => ({ v, i })).filter((e) => !Number.isNaN(e.v));
    const byDescending = [...finite].sort((a, b) => b.v - a.v);
    const expected = new Array<number>(p.length).fill(Number.NaN);
    let running = Infinity;
    byDescending.forEach((e, k) => {
      running = Math.min(running, (finite.length / (finite.length - k)) * e.v);
      expected[e.i] = Math.min(1, running);
    });
    expect(Array.from(adjustBenjaminiHochberg(p))).toEqual(expected);
  });

  it('adjusts as the textbook example (R: p.adjust(c(0.01,0.02,0.03,0.04,0.05), "BH") = 0.05 each)', () => {
    expect(Array.from(adjustBenjaminiHochberg(Float64Array.of(0.01, 0.02, 0.03, 0.04, 0.05)))).toEqual([0.05, 0.05, 0.05, 0.05, 0.05]);
    const adjusted = adjustBenjaminiHochberg(Float64Array.of(0.001, 0.2, Number.NaN, 0.9));
    expect(adjusted[0]).toBeCloseTo(0.003, 15);
    expect(adjusted[1]).toBeCloseTo(0.3, 15);
    expect(adjusted[2]).toBeNaN();
    expect(adjusted[3]).toBe(0.9);
  });

  it('bins by the adjusted p at 90/95/99 % with the sign of z; exactly at alpha counts as significant', () => {
    const z = Float64Array.of(3, -3, 2, -2, 1.7, 0.5, Number.NaN, 4);
    const q = Float64Array.of(0.001, 0.01, 0.05, 0.049, 0.1, 0.6, Number.NaN, 0.100001);
    expect(Array.from(fdrBins(z, q))).toEqual([3, -3, 2, -2, 1, 0, 0, 0]);
  });

  it('bins by counting exactly as by sorting and adjusting, with ties, zeros, NaN and levels on the edge', () => {
    const pValue = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0, 0.001, 0.01, 0.05, 0.1, 1, Number.NaN),
      fc.double({ min: 0, max: 0.02, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(pValue, fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 1, maxLength: 400 }), (cells) => {
        const p = Float64Array.from(cells.map(([value]) => value));
        const z = Float64Array.from(cells.map(([, score]) => score));
        expect(Array.from(fdrBinsByCounting(z, p))).toEqual(Array.from(fdrBins(z, adjustBenjaminiHochberg(p))));
      }),
      { numRuns: 500 },
    );
  });

  it('bins by counting as by sorting on a million cells', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const p = Float64Array.from({ length: 1_000_000 }, () => random() ** 4);
    const z = Float64Array.from({ length: 1_000_000 }, () => random() - 0.5);
    expect(Array.from(fdrBinsByCounting(z, p))).toEqual(Array.from(fdrBins(z, adjustBenjaminiHochberg(p))));
    // A million cells sorted and compared: about a second alone, several on a busy machine. Not a speed check.
  }, 60_000);

  it('bins from z alone (p only where |z| can reach p ≤ 0.1) exactly as from every p, sorted and adjusted', () => {
    const score = fc.oneof(fc.double({ min: -6, max: 6, noNaN: true }), fc.constantFrom(0, 1.6448, 1.6449, -1.6449, 1.96, -2.5758, 3.3, Number.NaN, Infinity));
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 400 }), (scores) => {
        const z = Float64Array.from(scores);
        expect(Array.from(fdrBinsOfZ(z))).toEqual(Array.from(fdrBins(z, adjustBenjaminiHochberg(pValuesOf(z)))));
      }),
      { numRuns: 500 },
    );
  });
});
