import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { nameCellsByBuurt, type NamedArea } from './cell-names.js';
import { loadH3 } from './engine/h3.js';

// The code under test uses h3-js through the module's lazy loader; some cases are built at collection time.
await loadH3();

/** Two buurten side by side, split at lon 4.67, with a river (no buurt) south of lat 51.795. */
const square = (west: number, east: number, south: number, north: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});
const BUURTEN: NamedArea[] = [
  { code: 'BU05050101', name: 'Oud Krispijn', geometry: square(4.64, 4.67, 51.795, 51.83) },
  { code: 'BU05050102', name: 'Nieuw Krispijn', geometry: { type: 'MultiPolygon', coordinates: [square(4.67, 4.7, 51.795, 51.83).coordinates] } },
];

describe('nameCellsByBuurt', () => {
  it('names a cell by the buurt its centre lies in', () => {
    const west = latLngToCell(51.81, 4.65, 9);
    const east = latLngToCell(51.81, 4.69, 9);
    expect(nameCellsByBuurt([west, east], BUURTEN)).toEqual(['Oud Krispijn', 'Nieuw Krispijn']);
  });

  it('names a cell whose centre lies in no buurt by the buurt that holds most of its corners', () => {
    // A cell whose centre is just south of the buurten (in the river) but with corners inside Oud Krispijn.
    const candidates = gridDisk(latLngToCell(51.795, 4.65, 9), 2);
    const straddling = candidates.find((cell) => {
      const [lat] = cellToLatLng(cell);
      const inside = cellToBoundary(cell).filter(([cornerLat]) => cornerLat > 51.795).length;
      return lat < 51.795 && inside >= 1;
    })!;
    expect(straddling).toBeDefined();
    expect(nameCellsByBuurt([straddling], BUURTEN)).toEqual(['Oud Krispijn']);
  });

  it('gives null for a cell away from every buurt, and for no buurten at all', () => {
    const far = latLngToCell(51.7, 4.65, 9);
    expect(nameCellsByBuurt([far], BUURTEN)).toEqual([null]);
    expect(nameCellsByBuurt([far], [])).toEqual([null]);
  });
});
