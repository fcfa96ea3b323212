import { describe, expect, it } from 'vitest';
import type { HotspotItem } from '../contract';
import { BIN_COLOURS, classOf, countClasses, fillOf, isHotByNeighbours, isQuietClass, legendClasses, QUADRANT_COLOURS, tableRows } from './bins';

const item = (overrides: Partial<HotspotItem>): HotspotItem => ({ id: 'x', name: null, value: 7, suppressed: false, z: 1, p: 0.3, pAdjusted: 0.5, bin: 0, neighbours: 6, ...overrides });

describe('hot-spot map classes', () => {
  it('colours Gi* by bin, and hatches suppressed cells whatever their bin', () => {
    expect(fillOf(item({ bin: 3 }), 'gi_star')).toBe(BIN_COLOURS[3]);
    expect(fillOf(item({ bin: -2 }), 'gi_star')).toBe(BIN_COLOURS[-2]);
    expect(fillOf(item({ bin: 3, suppressed: true, value: null }), 'gi_star')).toBeNull();
  });

  it('colours local Moran by quadrant only when significant', () => {
    expect(fillOf(item({ bin: 2, quadrant: 'high-low' }), 'local_moran')).toBe(QUADRANT_COLOURS['high-low']);
    expect(fillOf(item({ bin: 0, quadrant: 'high-low' }), 'local_moran')).toBe(BIN_COLOURS[0]);
    expect(classOf(item({ bin: 0, quadrant: 'high-high' }), 'local_moran')).toBe('none');
  });

  it('lists seven Gi* classes from hot to cold, and five local Moran classes', () => {
    expect(legendClasses('gi_star').map((c) => c.key)).toEqual(['3', '2', '1', '0', '-1', '-2', '-3']);
    expect(legendClasses('local_moran')).toHaveLength(5);
  });
});

describe('legend counts and table rows', () => {
  // A long result: 3 hot cells (one suppressed, one of 0 that is hot through its neighbours), one cold, quiet ones.
  const items = [
    item({ id: 'a', bin: 3, value: 0, z: 9 }),
    item({ id: 'b', bin: 3, value: 12, z: 6 }),
    item({ id: 'c', bin: 3, suppressed: true, value: null, z: null, p: null, pAdjusted: null }),
    item({ id: 'd', bin: 2, value: 8, z: 3 }),
    item({ id: 'e', bin: -1, value: 0, z: -1.8 }),
    item({ id: 'f', bin: 0, suppressed: true, value: null, z: null }),
    ...Array.from({ length: 10 }, (_, i) => item({ id: `q${i}`, bin: 0, value: i % 3 })),
  ];

  it('counts every cell once, suppressed ones under their outcome', () => {
    const counts = countClasses(items, 'gi_star');
    expect(Object.fromEntries(counts)).toEqual({ '3': 3, '2': 1, '1': 0, '0': 11, '-1': 1, '-2': 0, '-3': 0 });
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(items.length);
  });

  it('lists as many rows as the legend counts: all cells, or for a long result the non-quiet classes', () => {
    const counts = countClasses(items, 'gi_star');
    expect(tableRows(items, 'gi_star', 200)).toHaveLength(items.length);
    const significant = [...counts].filter(([key]) => !isQuietClass(key)).reduce((sum, [, n]) => sum + n, 0);
    expect(tableRows(items, 'gi_star', 10)).toHaveLength(significant);
    expect(significant).toBe(5);
  });

  it('never puts a hot cell of 0 at the top: own values first, then suppressed, then hot through the neighbours', () => {
    expect(tableRows(items, 'gi_star', 10).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd', 'e']);
    expect(isHotByNeighbours(items[0]!, 'gi_star')).toBe(true);
    expect(isHotByNeighbours(items[1]!, 'gi_star')).toBe(false);
    expect(isHotByNeighbours(items[4]!, 'gi_star')).toBe(false);
  });

  it('orders local Moran by bin and z only', () => {
    const moran = [item({ id: 'x', bin: 2, value: 0, z: 5, quadrant: 'low-low' }), item({ id: 'y', bin: 2, value: 9, z: 3, quadrant: 'high-high' })];
    expect(tableRows(moran, 'local_moran', 200).map((i) => i.id)).toEqual(['x', 'y']);
    expect(isHotByNeighbours(moran[0]!, 'local_moran')).toBe(false);
  });
});
