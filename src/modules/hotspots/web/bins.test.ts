import { describe, expect, it } from 'vitest';
import type { HotspotItem } from '../contract';
import { BIN_COLOURS, classOf, fillOf, legendClasses, QUADRANT_COLOURS } from './bins';

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
