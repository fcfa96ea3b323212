import { describe, expect, it } from 'vitest';
import { adjustBenjaminiHochberg, ascendingOrder, fdrBins } from './fdr.js';

describe('Benjamini–Hochberg and bins', () => {
  it('orders p-values ascending with the radix sort, NaN left out', () => {
    const p = Float64Array.of(0.5, Number.NaN, 1e-300, 0, 0.5, 1, 3e-8, 0.25);
    const order = Array.from(ascendingOrder(p));
    expect(order.map((i) => p[i])).toEqual([0, 1e-300, 3e-8, 0.25, 0.5, 0.5, 1]);
    expect(order).not.toContain(1);
  });

  it('sorts many random p-values like a comparison sort', () => {
    const p = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 4999) / 4999 / (1 + (i % 13) * 1000));
    const expected = Array.from(p).sort((a, b) => a - b);
    expect(Array.from(ascendingOrder(p), (i) => p[i])).toEqual(expected);
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
});
