import type { HotspotItem, Statistic } from '../contract';

/** ArcGIS's hot-spot colours, so the map reads like the maps analysts already know. */
export const BIN_COLOURS: Record<number, string> = {
  3: '#d62f27',
  2: '#ed7551',
  1: '#fab984',
  0: '#ffffbf',
  [-1]: '#c0ccbe',
  [-2]: '#849eba',
  [-3]: '#4575b5',
};

/** Local Moran: clusters (high-high, low-low) and outliers (high-low, low-high), when significant. */
export const QUADRANT_COLOURS: Record<string, string> = {
  'high-high': '#d62f27',
  'low-low': '#4575b5',
  'high-low': '#f4a582',
  'low-high': '#92c5de',
};

/** The legend classes in display order, each with its colour and the i18n key of its label. */
export function legendClasses(statistic: Statistic): { key: string; colour: string; labelKey: string }[] {
  if (statistic === 'gi_star') {
    return [3, 2, 1, 0, -1, -2, -3].map((bin) => ({ key: String(bin), colour: BIN_COLOURS[bin]!, labelKey: `hotspots:bins.${bin}` }));
  }
  return [
    ...(['high-high', 'low-low', 'high-low', 'low-high'] as const).map((quadrant) => ({ key: quadrant, colour: QUADRANT_COLOURS[quadrant]!, labelKey: `hotspots:quadrants.${quadrant}` })),
    { key: 'none', colour: BIN_COLOURS[0]!, labelKey: 'hotspots:quadrants.none' },
  ];
}

/** The fill of one cell; null (hatched) when its count is suppressed. */
export function fillOf(item: HotspotItem, statistic: Statistic): string | null {
  if (item.suppressed) return null;
  if (statistic === 'gi_star') return BIN_COLOURS[item.bin] ?? BIN_COLOURS[0]!;
  if (item.bin === 0 || !item.quadrant) return BIN_COLOURS[0]!;
  return QUADRANT_COLOURS[item.quadrant] ?? BIN_COLOURS[0]!;
}

/**
 * The class a cell falls in: its legend line and its "Uitkomst" in the table. A suppressed cell keeps the
 * class of its bin (the map hatches it, and the legend says how many of the counted cells are hatched).
 */
export function classOf(item: HotspotItem, statistic: Statistic): string {
  if (statistic === 'gi_star') return String(item.bin);
  return item.bin === 0 || !item.quadrant ? 'none' : item.quadrant;
}

/** A class that says nothing stands out. */
export const isQuietClass = (key: string): boolean => key === '0' || key === 'none';

/**
 * How many cells each legend class holds. The legend and the table count with this one function: the legend
 * shows every class, the table lists every cell or, for a long result, the cells of the non-quiet classes,
 * so the table's rows are the sum of the legend's counts it says it lists.
 */
export function countClasses(items: readonly HotspotItem[], statistic: Statistic): Map<string, number> {
  const counts = new Map<string, number>(legendClasses(statistic).map((c) => [c.key, 0]));
  for (const item of items) {
    const key = classOf(item, statistic);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * A Gi* hot spot whose own value is 0: it is hot because its neighbours are high (a cell counts together
 * with its neighbours). The page says so next to it.
 */
export const isHotByNeighbours = (item: HotspotItem, statistic: Statistic): boolean => statistic === 'gi_star' && item.bin > 0 && item.value === 0;

/**
 * The table's rows, the most striking first: by bin, then — within a hot-spot bin of Gi* — the cells with
 * a value of their own before suppressed cells (1 to 4 signals, count withheld) before cells of 0 that are
 * hot through their neighbours, then by z (a suppressed cell's z is withheld and sorts as 0, so the order
 * gives nothing away), then by id. Above `limit` cells only the cells of non-quiet classes are listed.
 */
export function tableRows(items: readonly HotspotItem[], statistic: Statistic, limit: number): HotspotItem[] {
  const list = items.length > limit ? items.filter((i) => !isQuietClass(classOf(i, statistic))) : [...items];
  const own = (item: HotspotItem) => (statistic !== 'gi_star' || item.bin <= 0 ? 0 : item.suppressed ? 1 : item.value === 0 ? 2 : 0);
  return list.sort((a, b) => b.bin - a.bin || own(a) - own(b) || (b.z ?? 0) - (a.z ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
