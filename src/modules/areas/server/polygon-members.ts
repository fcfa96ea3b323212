import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature } from '@turf/helpers';
import { pointOnFeature } from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Geometry } from '../contract.js';
import { bboxOf } from './geometry.js';

export interface CandidateArea {
  code: string;
  geometry: Geometry;
}

/**
 * The areas whose interior point lies inside the drawn polygon. We use a point on the surface, not the
 * centroid: the centroid of a crescent- or L-shaped buurt can lie outside the buurt itself (and so inside a
 * neighbour), which would put the wrong buurt in the focus area.
 */
// The contract checks type and nesting; the positions are checked by polygonProblem() before we get here.
const asGeoJson = (geometry: Geometry): Polygon | MultiPolygon => geometry as Polygon | MultiPolygon;

export function areasInsidePolygon(polygon: Geometry, candidates: readonly CandidateArea[]): string[] {
  const outline = feature(asGeoJson(polygon));
  const box = bboxOf(polygon);
  if (!box) return [];
  const [minLon, minLat, maxLon, maxLat] = box;
  const inside: string[] = [];
  for (const candidate of candidates) {
    const point = pointOnFeature(feature(asGeoJson(candidate.geometry)));
    const [lon, lat] = point.geometry.coordinates as [number, number];
    // Cheap box test first: a city has ~100 buurten, the country ~14,000.
    if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) continue;
    if (booleanPointInPolygon(point, outline)) inside.push(candidate.code);
  }
  return inside.sort();
}
