/**
 * Priority ranking (afwegingskader): per criterion a z-score over the areas, oriented so that higher means
 * more need for priority, combined into a weighted mean and ranked.
 *  - z = (x − mean) / sd with the POPULATION standard deviation (divide by n): the areas of a municipality are
 *    the whole population we rank, not a sample of it.
 *  - The z-scores are taken over the areas that have every criterion: an area missing one is excluded (and
 *    listed), so every composite compares the same population on the same criteria.
 *  - A criterion without spread (sd = 0) gives z = 0 for every area, with a note: it cannot tell areas apart.
 *  - Ties (equal composites) share a rank (1, 2, 2, 4); within a tie the order is by area code.
 */

export type PriorityDirection = 'higher_is_worse' | 'lower_is_worse';

export interface RankingCriterionInput {
  indicator: string;
  weight: number;
  direction: PriorityDirection;
}

export interface RankingArea {
  code: string;
  name: string;
  /** Indicator → value (null: unknown or suppressed). */
  values: ReadonlyMap<string, number | null>;
}

export interface RankedAreaResult {
  rank: number;
  areaCode: string;
  name: string;
  score: number | null;
  scores: Record<string, number | null>;
  values: Record<string, number | null>;
}

export interface RankingComputation {
  items: RankedAreaResult[];
  excluded: { areaCode: string; name: string; missing: string[] }[];
  notes: string[];
}

export function rankAreas(areas: readonly RankingArea[], criteria: readonly RankingCriterionInput[]): RankingComputation {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length === 0 || totalWeight <= 0) throw new Error('rankAreas needs criteria with a positive total weight');
  const included: RankingArea[] = [];
  const excluded: RankingComputation['excluded'] = [];
  for (const area of areas) {
    const missing = criteria.filter((c) => (area.values.get(c.indicator) ?? null) === null).map((c) => c.indicator);
    if (missing.length) excluded.push({ areaCode: area.code, name: area.name, missing });
    else included.push(area);
  }
  const notes: string[] = [];
  const zByCriterion = criteria.map((criterion) => {
    const xs = included.map((a) => a.values.get(criterion.indicator) ?? 0);
    const n = xs.length;
    const mean = n ? xs.reduce((a, b) => a + b, 0) / n : 0;
    const sd = n ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n) : 0;
    // Relative test: a spread of 1e-12 on values of 1e6 is floating-point noise, not a difference.
    if (n > 0 && sd <= 1e-12 * Math.max(1, Math.abs(mean))) {
      notes.push(`${criterion.indicator}: every area has the same value, so it cannot tell areas apart (z = 0)`);
      return xs.map(() => 0);
    }
    const sign = criterion.direction === 'higher_is_worse' ? 1 : -1;
    return xs.map((x) => (sign * (x - mean)) / sd);
  });
  const scored = included.map((area, i) => {
    const scores: Record<string, number | null> = {};
    const values: Record<string, number | null> = {};
    let composite = 0;
    criteria.forEach((criterion, c) => {
      const z = zByCriterion[c]?.[i] ?? 0;
      scores[criterion.indicator] = z;
      values[criterion.indicator] = area.values.get(criterion.indicator) ?? null;
      composite += criterion.weight * z;
    });
    return { areaCode: area.code, name: area.name, score: composite / totalWeight, scores, values };
  });
  scored.sort((a, b) => b.score - a.score || (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0));
  const items: RankedAreaResult[] = [];
  scored.forEach((entry, i) => {
    const previous = items[i - 1];
    const tied = previous !== undefined && previous.score !== null && Math.abs(previous.score - entry.score) <= 1e-12;
    items.push({ rank: tied ? previous.rank : i + 1, ...entry });
  });
  return { items, excluded, notes };
}
