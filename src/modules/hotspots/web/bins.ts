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

/** The legend class a cell falls in (for counts per class next to the legend). */
export function classOf(item: HotspotItem, statistic: Statistic): string {
  if (statistic === 'gi_star') return String(item.bin);
  return item.bin === 0 || !item.quadrant ? 'none' : item.quadrant;
}
