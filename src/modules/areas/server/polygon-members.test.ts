import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Geometry } from '../contract.js';
import { areasInsidePolygon } from './polygon-members.js';

describe('areasInsidePolygon', () => {
  // A U-shaped buurt: its centroid (2, 1.6…) lies in the gap of the U, inside the small square "GAP".
  const u: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [3, 4], [3, 1], [1, 1], [1, 4], [0, 4], [0, 0]]] };
  const gapPolygon: Geometry = { type: 'Polygon', coordinates: [[[1.5, 1.2], [2.5, 1.2], [2.5, 3.5], [1.5, 3.5], [1.5, 1.2]]] };

  it('uses a point on the surface, not the centroid: a U-shaped buurt is not inside a polygon drawn in its gap', () => {
    expect(areasInsidePolygon(gapPolygon, [{ code: 'BU00000001', geometry: u }])).toEqual([]);
  });

  it('selects the buurt when the polygon covers it', () => {
    const big: Geometry = { type: 'Polygon', coordinates: [[[-1, -1], [5, -1], [5, 5], [-1, 5], [-1, -1]]] };
    expect(areasInsidePolygon(big, [{ code: 'BU00000001', geometry: u }])).toEqual(['BU00000001']);
  });

  it('selects exactly the buurten of Oud Krispijn with that wijk’s real boundary (CBS/Kadaster 2020)', () => {
    const dir = new URL('../../../../data/demo/', import.meta.url);
    const wijken = JSON.parse(readFileSync(new URL('dordrecht_wijken_2020.geojson', dir), 'utf8')) as { features: { properties: { wk_code: string }; geometry: Geometry }[] };
    const buurten = JSON.parse(readFileSync(new URL('dordrecht_buurten_2020.geojson', dir), 'utf8')) as { features: { properties: { bu_code: string; wk_code: string }; geometry: Geometry }[] };
    const wijk = wijken.features.find((f) => f.properties.wk_code === 'WK050503');
    if (!wijk) throw new Error('WK050503 missing');
    const members = areasInsidePolygon(wijk.geometry, buurten.features.map((f) => ({ code: f.properties.bu_code, geometry: f.geometry })));
    expect(members).toEqual(buurten.features.filter((f) => f.properties.wk_code === 'WK050503').map((f) => f.properties.bu_code).sort());
    expect(members).toHaveLength(8);
  });
});
