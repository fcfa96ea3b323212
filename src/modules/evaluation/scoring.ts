/**
 * Median, spread and disagreement of the evaluators' scores of one criterion (docs/evaluation.md). Scores are
 * 1–5; null is "niet te beoordelen" and counts for nothing but the tally. Pure, shared by server and web.
 */

/** Two evaluators whose scores lie this many points apart (or more) disagree: the lead should look closer. */
export const DISAGREEMENT_POINTS = 2;

export interface ScoreSummary {
  median: number | null;
  spread: number | null;
  scored: number;
  notAssessable: number;
  disagreement: boolean;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summariseScores(scores: readonly (number | null)[]): ScoreSummary {
  const given = scores.filter((s): s is number => s !== null);
  const spread = given.length < 2 ? null : Math.max(...given) - Math.min(...given);
  return { median: median(given), spread, scored: given.length, notAssessable: scores.length - given.length, disagreement: spread !== null && spread >= DISAGREEMENT_POINTS };
}
