import { ckmeans, quantileSorted } from 'simple-statistics';

/** How a choropleth splits its values into classes. */
export const CLASS_METHODS = ['quantile', 'jenks'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/**
 * Class boundaries for a choropleth: `[min, b1, …, max]`, strictly increasing, so class i holds the values
 * in (breaks[i], breaks[i+1]] and the first class also holds the minimum. Fewer distinct values than
 * classes gives fewer classes (a legend never shows an empty or repeated class). Null and non-finite values
 * are ignored: they are "geen gegevens", not zero.
 */
export function classBreaks(values: readonly (number | null | undefined)[], method: ClassMethod, classes = 5): number[] {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (finite.length === 0) return [];
  const sorted = [...finite].sort((a, b) => a - b);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (min === max) return [min, max];
  const distinct = new Set(sorted).size;
  const k = Math.max(1, Math.min(classes, distinct));
  let inner: number[];
  if (method === 'jenks') {
    // ckmeans is the optimal 1-D clustering (the exact form of Jenks natural breaks).
    const clusters = ckmeans(sorted, k);
    inner = clusters.slice(0, -1).map((cluster) => cluster[cluster.length - 1] as number);
  } else {
    inner = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k));
  }
  const breaks = [min, ...inner, max];
  return breaks.filter((value, index) => index === 0 || value > (breaks[index - 1] as number));
}

/** The class index (0-based) of a value, or null for no value. Values outside the breaks go to the nearest end. */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || breaks.length < 2) return null;
  const classes = breaks.length - 1;
  for (let i = 0; i < classes; i += 1) {
    if (value <= (breaks[i + 1] as number)) return i;
  }
  return classes - 1;
}
