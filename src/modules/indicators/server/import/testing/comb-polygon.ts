/**
 * Comb-shaped polygons for tests: the worst case of a self-intersection check that compares edges whose
 * x-ranges (or bounding boxes) overlap, because every tooth spans the same x-range (or, turned 45°, the
 * same box). Coordinates lie near Dordrecht in WGS84 and are multiples of 1e-6, so rounding to 6 decimals
 * on import keeps the shape exact.
 */
export type Ring = [number, number][];

export interface CombOptions {
  /** Turn the comb by 45° about its first corner (defeats checks that index edges by their boxes). */
  turned?: boolean;
  /** Swap the two corners of one tooth's tip so that its edges cross (a bow-tie in one tooth). */
  crossedTooth?: number;
}

const X0 = 4.6;
const Y0 = 51.0;
const PITCH = 0.0001;
const LENGTH = 0.1;
const SPINE = 0.001;

/** A closed ring: a spine on the left and `teeth` horizontal teeth pointing right. */
export function combRing(teeth: number, options: CombOptions = {}): Ring {
  const ring: Ring = [[X0, Y0]];
  for (let k = 0; k < teeth; k += 1) {
    const bottom = Y0 + 2 * k * PITCH;
    const top = bottom + PITCH;
    const tip: Ring = [
      [X0 + LENGTH, bottom],
      [X0 + LENGTH, top],
    ];
    if (options.crossedTooth === k) tip.reverse();
    if (k > 0) ring.push([X0 + SPINE, bottom]);
    ring.push(...tip, [X0 + SPINE, top]);
  }
  ring.push([X0, Y0 + (2 * teeth - 1) * PITCH], [X0, Y0]);
  return options.turned ? ring.map(turn45) : ring;
}

function turn45([x, y]: [number, number]): [number, number] {
  const dx = x - X0;
  const dy = y - Y0;
  const c = Math.SQRT1_2;
  return [round6(X0 + dx * c - dy * c), round6(Y0 + dx * c + dy * c)];
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** An areas-geojson file with one gemeente whose boundary is the ring. */
export function combFeatureCollection(teeth: number, options: CombOptions = {}, code = 'GM0505'): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { code, name: 'Kamstad', level: 'gemeente' }, geometry: { type: 'Polygon', coordinates: [combRing(teeth, options)] } }],
  });
}
