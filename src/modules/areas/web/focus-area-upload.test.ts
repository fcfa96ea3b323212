import { describe, expect, it } from 'vitest';
import { parsePolygonFile } from './focus-area-upload';

const square = [
  [
    [4.65, 51.8],
    [4.68, 51.8],
    [4.68, 51.82],
    [4.65, 51.82],
    [4.65, 51.8],
  ],
];

describe('parsePolygonFile', () => {
  it('reads a bare polygon, with or without a BOM', () => {
    const text = JSON.stringify({ type: 'Polygon', coordinates: square });
    expect(parsePolygonFile(text)).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: square }, parts: 1 });
    expect(parsePolygonFile(`\uFEFF${text}`).ok).toBe(true);
  });

  it('merges the polygons of a FeatureCollection and ignores points', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [square, square] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [4.6, 51.8] } },
      ],
    });
    const result = parsePolygonFile(text);
    expect(result.ok && result.geometry.type).toBe('MultiPolygon');
    expect(result.ok && result.parts).toBe(3);
  });

  it('refuses what it cannot use, with a reason', () => {
    expect(parsePolygonFile('{not json')).toEqual({ ok: false, reason: 'json' });
    expect(parsePolygonFile(JSON.stringify({ type: 'Point', coordinates: [4.6, 51.8] }))).toEqual({ ok: false, reason: 'no_polygon' });
    expect(parsePolygonFile(JSON.stringify({ type: 'Polygon', coordinates: [[[105000, 425000], [106000, 425000], [106000, 426000], [105000, 425000]]] }))).toEqual({ ok: false, reason: 'not_wgs84' });
  });
});
