import type { HotspotResult, Statistic } from '../contract.js';
import { presentAnalysis } from './analysis-result.js';
import { binPointsToH3 } from './engine/h3-binning.js';
import { ringNeighbours } from './engine/h3-rings.js';
import { h3 } from './engine/h3.js';

/** SECURITY.md 12: aggregate views show signal counts from 1 to 4 as suppressed. */
export const SUPPRESS_BELOW = 5;

export interface SignalPoint {
  lon: number;
  lat: number;
  retentionUntil: string;
}

/** H3 cells covering the municipality's boundary (GeoJSON Polygon or MultiPolygon, lon/lat). */
export function cellsCovering(geometry: unknown, resolution: number): string[] {
  if (!geometry || typeof geometry !== 'object') return [];
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return [];
  const polygons = type === 'Polygon' ? [coordinates as number[][][]] : type === 'MultiPolygon' ? (coordinates as number[][][][]) : [];
  const cells = new Set<string>();
  for (const polygon of polygons) for (const cell of h3().polygonToCells(polygon, resolution, true)) cells.add(cell);
  return [...cells];
}

/**
 * Signals counted per H3 cell and analysed. The study area is every cell of the municipality (so a cell
 * without signals counts as 0, which is what makes a cluster stand out) plus any cell with a signal outside
 * that boundary. Counts from 1 to SUPPRESS_BELOW − 1 are used for the statistic but never returned.
 */
export function analyseSignalCells(
  points: readonly SignalPoint[],
  options: { resolution: number; ring: number; statistic: Statistic; studyArea: readonly string[]; weights: string },
): HotspotResult {
  const bins = binPointsToH3(Float64Array.from(points, (p) => p.lon), Float64Array.from(points, (p) => p.lat), options.resolution);
  const countOf = new Map(bins.cells.map((cell, i) => [cell, bins.counts[i]!]));
  const cells = [...new Set([...options.studyArea, ...bins.cells])].sort();
  const values = Float64Array.from(cells, (cell) => countOf.get(cell) ?? 0);
  const suppressed = Uint8Array.from(values, (v) => (v > 0 && v < SUPPRESS_BELOW ? 1 : 0));
  let expiresAt: string | null = null;
  // ISO dates of one format order as text; comparing strings avoids parsing two million dates.
  for (const point of points) if (expiresAt === null || point.retentionUntil < expiresAt) expiresAt = point.retentionUntil;
  return presentAnalysis(
    options.statistic,
    { ids: cells, names: cells.map(() => null), values, neighbours: ringNeighbours(cells, options.ring), suppressed },
    {
      weights: options.weights,
      cell: `h3:${options.resolution}`,
      year: null,
      excluded: [],
      suppressBelow: SUPPRESS_BELOW,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    },
  );
}
