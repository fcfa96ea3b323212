import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { ringsOf } from './area-geometry.js';
import { h3 } from './engine/h3.js';

/** A buurt as the areas module hands it over: code, name and boundary (GeoJSON, lon/lat). */
export interface NamedArea {
  code: string;
  name: string;
  geometry: unknown;
}

/**
 * The place name of each H3 cell: the buurt its centre lies in. When the centre lies in no buurt (water, or
 * just over the boundary), the buurt that holds most of the cell's six corners; null when none holds any.
 * There is no street source offline, so the buurt is the finest name there is (docs/hotspots.md).
 * A Flatbush index over the buurten's bounding boxes narrows the candidates; turf decides.
 */
export function nameCellsByBuurt(cells: readonly string[], buurten: readonly NamedArea[]): (string | null)[] {
  const usable = buurten.filter((b) => ringsOf(b.geometry) !== null);
  if (usable.length === 0 || cells.length === 0) return cells.map(() => null);
  const index = new Flatbush(usable.length);
  for (const buurt of usable) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of ringsOf(buurt.geometry)!) {
      for (const [x, y] of ring as [number, number][]) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  const containing = (lon: number, lat: number): number | null => {
    for (const i of index.search(lon, lat, lon, lat)) {
      if (booleanPointInPolygon([lon, lat], usable[i]!.geometry as Polygon | MultiPolygon)) return i;
    }
    return null;
  };
  return cells.map((cell) => {
    const [lat, lon] = h3().cellToLatLng(cell);
    const atCentre = containing(lon, lat);
    if (atCentre !== null) return usable[atCentre]!.name;
    const votes = new Map<number, number>();
    for (const [cornerLat, cornerLon] of h3().cellToBoundary(cell)) {
      const at = containing(cornerLon, cornerLat);
      if (at !== null) votes.set(at, (votes.get(at) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [at, count] of votes) if (best === null || count > votes.get(best)! || (count === votes.get(best)! && at < best)) best = at;
    return best === null ? null : usable[best]!.name;
  });
}
