import type { Kysely } from 'kysely';
import { AppError, invalid, type Database } from '../../../platform/server/index.js';
import { findAreaPolygons } from '../../areas/index.js';
import { getIndicatorValues } from '../../indicators/index.js';
import type { HotspotResult, Statistic } from '../contract.js';
import { centroidOf, ringsOf } from './area-geometry.js';
import { presentAnalysis } from './analysis-result.js';
import { contiguityNeighbours, type PolygonParts } from './engine/contiguity.js';
import { knnNeighbours, projectLocally } from './engine/knn.js';
import type { Neighbours } from './engine/neighbours.js';

export interface IndicatorSourceInput {
  indicator: string;
  municipality: string;
  level: 'wijk' | 'buurt';
  period: string | number;
}

/** Fewer cells than this and neither statistic means anything (local Moran divides by n − 2). */
export const MINIMUM_CELLS = 3;

function weightsFor(weights: string, rings: PolygonParts[]): Neighbours {
  if (weights === 'queen' || weights === 'rook') return contiguityNeighbours(rings, weights);
  const k = Number(weights.slice('knn:'.length));
  if (k >= rings.length) throw invalid('hotspots.invalid_weights', 'Not enough areas for this many neighbours', [{ path: 'weights', message: `k must be below the number of areas (${rings.length})` }]);
  const centroids = rings.map(centroidOf);
  const { xs, ys } = projectLocally(centroids.map((c) => c[0]), centroids.map((c) => c[1]));
  return knnNeighbours(xs, ys, k);
}

/**
 * An indicator over area polygons: its values for the level and year, the areas' boundaries of that year,
 * and weights from those boundaries. Areas with an unknown or suppressed value are left out of the analysis
 * (and listed), as spdep does with a subset; their neighbours simply have one neighbour less.
 */
export async function analyseIndicator(db: Kysely<Database>, source: IndicatorSourceInput, weights: string, statistic: Statistic): Promise<HotspotResult> {
  if (weights.startsWith('ring:')) {
    throw invalid('hotspots.invalid_weights', 'Ring weights are for H3 cells', [{ path: 'weights', message: 'use queen, rook or knn:<k> for areas' }]);
  }
  const year = Number(source.period);
  let values;
  try {
    values = await getIndicatorValues(db, { indicator: source.indicator, level: source.level, period: year, municipality: source.municipality });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      throw invalid('hotspots.unknown_indicator', 'Unknown indicator', [{ path: 'source.indicator', message: `no indicator ${source.indicator}` }]);
    }
    throw error;
  }
  const polygons = await findAreaPolygons(db, source.municipality, source.level, year);
  if (polygons.items.length === 0) {
    throw invalid('hotspots.no_boundaries', 'No area boundaries for this municipality, level and year', [{ path: 'source', message: `no ${source.level} boundaries of ${source.municipality} in ${year}` }]);
  }
  const valueOf = new Map(values.items.map((v) => [v.areaCode, v.value]));
  const included: { code: string; name: string; rings: PolygonParts; value: number }[] = [];
  const excluded: HotspotResult['excluded'] = [];
  for (const area of polygons.items) {
    const rings = ringsOf(area.geometry);
    const value = valueOf.get(area.code);
    if (rings && value !== null && value !== undefined && Number.isFinite(value)) included.push({ code: area.code, name: area.name, rings, value });
    else excluded.push({ id: area.code, name: area.name });
  }
  if (included.length < MINIMUM_CELLS) {
    throw invalid('hotspots.too_few_values', 'Too few areas with a value', [{ path: 'source', message: `${included.length} areas have a value; at least ${MINIMUM_CELLS} are needed` }]);
  }
  const neighbours = weightsFor(weights, included.map((a) => a.rings));
  return presentAnalysis(
    statistic,
    { ids: included.map((a) => a.code), names: included.map((a) => a.name), values: Float64Array.from(included, (a) => a.value), neighbours },
    { weights, cell: 'area', year: polygons.year, excluded, suppressBelow: null, expiresAt: null },
  );
}
