import { ALPHAS } from './engine/fdr.js';
import { analyseGiStar, analyseLocalMoran } from './engine/analyse.js';
import { degreeOf, type Neighbours } from './engine/neighbours.js';
import type { HotspotItem, HotspotResult, Statistic } from '../contract.js';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const QUADRANT_NAMES = ['low-low', 'low-high', 'high-low', 'high-high'] as const;

export interface AnalysisCells {
  ids: readonly string[];
  names: readonly (string | null)[];
  values: Float64Array;
  neighbours: Neighbours;
  /** Per cell: its value must not be shown (a count below the threshold); its statistic still counts. */
  suppressed?: Uint8Array;
}

/**
 * Runs the statistic and turns the typed arrays into the API's items. For a suppressed cell the value, z, p
 * and I are withheld: with the neighbours' values an exact z would give the count away. The bin stays, it
 * only says whether the cell lies in a significant cluster.
 */
export function presentAnalysis(
  statistic: Statistic,
  cells: AnalysisCells,
  meta: Pick<HotspotResult, 'weights' | 'cell' | 'year' | 'excluded' | 'suppressBelow' | 'expiresAt'>,
): HotspotResult {
  const n = cells.ids.length;
  const moran = statistic === 'local_moran' ? analyseLocalMoran(cells.values, cells.neighbours) : null;
  const result = moran ?? analyseGiStar(cells.values, cells.neighbours);
  const items: HotspotItem[] = [];
  let islands = 0;
  for (let i = 0; i < n; i++) {
    const degree = degreeOf(cells.neighbours, i);
    if (degree === 0) islands++;
    const hidden = cells.suppressed?.[i] === 1;
    const item: HotspotItem = {
      id: cells.ids[i]!,
      name: cells.names[i] ?? null,
      value: hidden ? null : cells.values[i]!,
      suppressed: hidden,
      z: hidden ? null : finite(result.z[i]!),
      p: hidden ? null : finite(result.p[i]!),
      pAdjusted: hidden ? null : finite(result.pAdjusted[i]!),
      bin: result.bins[i]!,
      neighbours: degree,
    };
    if (moran) {
      item.I = hidden ? null : finite(moran.i[i]!);
      item.quadrant = hidden || !Number.isFinite(moran.z[i]!) ? null : QUADRANT_NAMES[moran.high[i]! * 2 + moran.lagHigh[i]!]!;
    }
    items.push(item);
  }
  const notes: string[] = [];
  if (n < 30) notes.push('few_cells');
  if (islands > 0) notes.push('islands');
  if (n > 0 && Array.from(result.z).every((z) => !Number.isFinite(z))) notes.push('no_variance');
  return { items, n, alpha: [...ALPHAS], correction: 'fdr-bh', statistic, ...meta, notes };
}
