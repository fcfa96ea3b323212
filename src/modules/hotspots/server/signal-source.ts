import type { Kysely } from 'kysely';
import { invalid, type Actor, type Database } from '../../../platform/server/index.js';
import { findAreaPolygons } from '../../areas/index.js';
import { listSignalPointsForAnalysis, type SignalAccessKey } from '../../signals/index.js';
import type { HotspotResult, Statistic } from '../contract.js';
import { nameCellsByBuurt } from './cell-names.js';
import { binPointsToH3 } from './engine/h3-binning.js';
import { analyseSignalCells, cellsCovering } from './signal-cells.js';
import { h3, loadH3 } from './engine/h3.js';

export interface SignalsSourceInput {
  signals: { municipality: string; from: string; to: string; categories?: string[] | undefined; areaCodes?: string[] | undefined };
  cell: string;
}

/** More cells than this is a resolution too fine for the area: the answer would be megabytes of zeros. */
export const MAXIMUM_CELLS = 200_000;

async function studyAreaOf(db: Kysely<Database>, signals: SignalsSourceInput['signals'], resolution: number): Promise<string[]> {
  if (signals.areaCodes?.length) {
    const wanted = new Set(signals.areaCodes);
    const cells = new Set<string>();
    for (const level of ['gemeente', 'wijk', 'buurt'] as const) {
      if (!signals.areaCodes.some((code) => code.startsWith(level === 'gemeente' ? 'GM' : level === 'wijk' ? 'WK' : 'BU'))) continue;
      const { items } = await findAreaPolygons(db, signals.municipality, level);
      for (const area of items) if (wanted.has(area.code)) for (const cell of cellsCovering(area.geometry, resolution)) cells.add(cell);
    }
    return [...cells];
  }
  const { items } = await findAreaPolygons(db, signals.municipality, 'gemeente');
  return items.flatMap((area) => cellsCovering(area.geometry, resolution));
}

/**
 * Signals binned to H3 cells. The signals module decides which signals the actor may see (partner, area,
 * category, confidentiality) and hands over only points; the counts are made here and suppressed below 5.
 * `access` is what the signals module needs to decide later who may open a saved copy of the result.
 */
export async function analyseSignals(
  db: Kysely<Database>,
  actor: Actor,
  source: SignalsSourceInput,
  weights: string,
  statistic: Statistic,
): Promise<{ result: HotspotResult; access: SignalAccessKey[] }> {
  if (!weights.startsWith('ring:')) {
    throw invalid('hotspots.invalid_weights', 'H3 cells take ring weights', [{ path: 'weights', message: 'use ring:<k> for H3 cells' }]);
  }
  if (source.signals.from > source.signals.to) {
    throw invalid('hotspots.invalid_period', 'The period ends before it starts', [{ path: 'source.signals.to', message: 'must not be before from', code: 'date_before_start' }]);
  }
  await loadH3();
  const resolution = Number(source.cell.slice('h3:'.length));
  const ring = Number(weights.slice('ring:'.length));
  const { points, access } = await listSignalPointsForAnalysis(db, actor, {
    municipality: source.signals.municipality,
    from: source.signals.from,
    to: source.signals.to,
    categories: source.signals.categories,
    areaCodes: source.signals.areaCodes,
  });
  let studyArea = await studyAreaOf(db, source.signals, resolution);
  if (studyArea.length === 0) {
    // No boundary to go by: the cells with signals and the rings around them.
    const seen = new Set<string>();
    const occupied = binPointsToH3(Float64Array.from(points, (p) => p.lon), Float64Array.from(points, (p) => p.lat), resolution).cells;
    for (const cell of occupied) for (const near of h3().gridDisk(cell, ring)) seen.add(near);
    studyArea = [...seen];
  }
  if (studyArea.length > MAXIMUM_CELLS) {
    throw invalid('hotspots.too_many_cells', 'The cells are too small for this area', [{ path: 'source.cell', message: `${studyArea.length} cells; choose a coarser resolution` }]);
  }
  const result = analyseSignalCells(points, { resolution, ring, statistic, studyArea, weights });
  // Each cell is named by the buurt it lies in, so the table and the map say where it is.
  const { items: buurten } = await findAreaPolygons(db, source.signals.municipality, 'buurt');
  const names = nameCellsByBuurt(
    result.items.map((item) => item.id),
    buurten,
  );
  result.items.forEach((item, i) => (item.name = names[i] ?? null));
  return { result, access };
}
