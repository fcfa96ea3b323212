import { describe, expect, it } from 'vitest';
import { MAX_POINTS_PER_AREA, SIMPLIFY_METRES, simplifiedRings, simplifyRing } from './snapshot-map.js';

/** Metres as degrees at 52° north: 1° latitude ≈ 111 195 m, 1° longitude ≈ 111 195 × cos 52° m. */
const dLat = (m: number) => m / 111_195;
const dLon = (m: number) => m / (111_195 * Math.cos((52 * Math.PI) / 180));

describe('the map geometry frozen in a snapshot', () => {
  it('drops points within the tolerance of the line and keeps corners beyond it', () => {
    // A 100 m square whose south side has a 2 m bump (dropped) and whose east side a 20 m notch (kept).
    const ring: [number, number][] = [
      [4, 52],
      [4 + dLon(50), 52 + dLat(2)],
      [4 + dLon(100), 52],
      [4 + dLon(100) - dLon(20), 52 + dLat(50)],
      [4 + dLon(100), 52 + dLat(100)],
      [4, 52 + dLat(100)],
      [4, 52],
    ];
    expect(SIMPLIFY_METRES).toBe(5);
    const out = simplifyRing(ring, SIMPLIFY_METRES);
    expect(out).toEqual([ring[0], ring[2], ring[3], ring[4], ring[5], ring[6]]);
  });

  it('keeps at most a few hundred points an area, rounded to 5 decimals (about a metre)', () => {
    // A circle of 1 km with 4 000 points: 5 m leaves about 40; a jagged one is simplified until it fits.
    const circle = Array.from({ length: 4001 }, (_, i) => [4 + dLon(1000 * Math.cos((2 * Math.PI * i) / 4000)), 52 + dLat(1000 * Math.sin((2 * Math.PI * i) / 4000))] as [number, number]);
    const [smooth] = simplifiedRings({ type: 'Polygon', coordinates: [circle] });
    expect(smooth?.length).toBeLessThan(60);
    expect(smooth?.every(([lon, lat]) => Math.round(lon * 1e5) / 1e5 === lon && Math.round(lat * 1e5) / 1e5 === lat)).toBe(true);
    const jagged = circle.map(([lon, lat], i) => [lon + (i % 2 ? dLon(30) : 0), lat] as [number, number]);
    const rings = simplifiedRings({ type: 'MultiPolygon', coordinates: [[jagged]] });
    expect(rings.flat().length).toBeLessThanOrEqual(MAX_POINTS_PER_AREA);
    expect(rings.flat().length).toBeGreaterThan(3);
  });
});
