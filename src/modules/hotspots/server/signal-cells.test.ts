import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { analyseSignalCells, SUPPRESS_BELOW } from './signal-cells.js';
import { loadH3 } from './engine/h3.js';

// The code under test uses h3-js through the module's lazy loader; some cases are built at collection time.
await loadH3();

const centre = latLngToCell(51.8, 4.67, 9);
const studyArea = gridDisk(centre, 6);

function pointsIn(cell: string, count: number, retentionUntil = '2027-06-30T00:00:00.000Z') {
  const [lat, lon] = cellToLatLng(cell);
  return Array.from({ length: count }, () => ({ lon, lat, retentionUntil }));
}

describe('analyseSignalCells', () => {
  const hot = gridDisk(centre, 1);
  const points = [...hot.flatMap((cell) => pointsIn(cell, 12)), ...pointsIn(studyArea.at(-1)!, 3, '2026-12-31T00:00:00.000Z')];
  const result = analyseSignalCells(points, { resolution: 9, ring: 1, statistic: 'gi_star', studyArea, weights: 'ring:1' });

  it('counts every cell of the study area, empty ones as 0', () => {
    expect(result.n).toBe(studyArea.length);
    expect(result.items.find((i) => i.id === studyArea[studyArea.length - 2])?.value).toBe(0);
  });

  it('finds the cluster of busy cells as a 99 % hot spot', () => {
    expect(result.items.find((i) => i.id === centre)).toMatchObject({ value: 12, bin: 3 });
  });

  it('shows a cell with 3 signals as suppressed: no count, no z, no p', () => {
    const small = result.items.find((i) => i.id === studyArea.at(-1));
    expect(SUPPRESS_BELOW).toBe(5);
    expect(small).toMatchObject({ suppressed: true, value: null, z: null, p: null, pAdjusted: null });
    expect(JSON.stringify(result)).not.toMatch(/"value":[1-4][,}]/);
  });

  it('expires with the earliest retention date of its signals', () => {
    expect(result.expiresAt).toBe('2026-12-31T00:00:00.000Z');
    expect(result.suppressBelow).toBe(5);
  });
});
