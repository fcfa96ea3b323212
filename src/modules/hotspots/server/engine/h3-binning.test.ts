import { cellToBoundary, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { binPointsToH3 } from './h3-binning.js';
import { loadH3 } from './h3.js';

// The code under test uses h3-js through the module's lazy loader; some cases are built at collection time.
await loadH3();

function exactCounts(lons: Float64Array, lats: Float64Array, resolution: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < lons.length; i++) {
    const cell = latLngToCell(lats[i]!, lons[i]!, resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

function asMap(bins: { cells: string[]; counts: Int32Array }): Map<string, number> {
  return new Map(bins.cells.map((cell, i) => [cell, bins.counts[i]!]));
}

describe('binPointsToH3', () => {
  it('counts exactly as latLngToCell on random points in Dordrecht, at several resolutions', () => {
    const n = 10_000;
    const lons = Float64Array.from({ length: n }, (_, i) => 4.6 + ((i * 7919) % 10007) / 10007 * 0.2);
    const lats = Float64Array.from({ length: n }, (_, i) => 51.75 + ((i * 104729) % 10009) / 10009 * 0.1);
    for (const resolution of [4, 7, 9, 10]) expect(asMap(binPointsToH3(lons, lats, resolution))).toEqual(exactCounts(lons, lats, resolution));
  }, 60_000);

  it('counts exactly on points within micrometres of cell edges and on the vertices themselves', () => {
    const points: [number, number][] = [];
    for (const cell of [latLngToCell(51.8, 4.66, 9), latLngToCell(51.805, 4.67, 9), latLngToCell(-33.9, 18.4, 8)]) {
      const boundary = cellToBoundary(cell);
      boundary.forEach(([lat1, lon1], e) => {
        const [lat2, lon2] = boundary[(e + 1) % boundary.length]!;
        points.push([lat1!, lon1!]);
        for (let k = 1; k < 30; k++) {
          const t = k / 30;
          const jitter = ((k % 5) - 2) * 1e-9;
          points.push([lat1! + (lat2! - lat1!) * t + jitter, lon1! + (lon2! - lon1!) * t - jitter]);
        }
      });
    }
    const lats = Float64Array.from(points, (p) => p[0]);
    const lons = Float64Array.from(points, (p) => p[1]);
    for (const resolution of [8, 9]) expect(asMap(binPointsToH3(lons, lats, resolution))).toEqual(exactCounts(lons, lats, resolution));
  }, 60_000);

  it('returns only occupied cells, and no cells for no points', () => {
    const bins = binPointsToH3(Float64Array.of(4.66, 4.66), Float64Array.of(51.8, 51.8), 9);
    expect(bins.cells).toEqual([latLngToCell(51.8, 4.66, 9)]);
    expect(Array.from(bins.counts)).toEqual([2]);
    expect(binPointsToH3(new Float64Array(0), new Float64Array(0), 9).cells).toEqual([]);
  });
});
