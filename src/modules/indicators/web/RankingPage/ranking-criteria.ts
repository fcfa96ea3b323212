import type { Indicator } from '../../contract';

export type RankingDirection = 'higher_is_worse' | 'lower_is_worse';

export interface CriterionDraft {
  indicator: string;
  weight: number;
  direction: RankingDirection;
}

/** Which end of an indicator needs priority, from its polarity (neutral: more counts as more need). */
export function defaultDirection(indicator: Pick<Indicator, 'polarity'> | undefined): RankingDirection {
  return indicator?.polarity === 'higher_is_better' ? 'lower_is_worse' : 'higher_is_worse';
}

/** Adds an indicator once, with weight 1 and the direction its polarity suggests. */
export function addCriterion(criteria: readonly CriterionDraft[], indicator: Pick<Indicator, 'code' | 'polarity'>): CriterionDraft[] {
  if (criteria.some((criterion) => criterion.indicator === indicator.code)) return [...criteria];
  return [...criteria, { indicator: indicator.code, weight: 1, direction: defaultDirection(indicator) }];
}

/** Weights as shares of the total, for showing "33%"; all zero gives all zero. */
export function weightShares(criteria: readonly CriterionDraft[]): number[] {
  const total = criteria.reduce((sum, criterion) => sum + (Number.isFinite(criterion.weight) && criterion.weight > 0 ? criterion.weight : 0), 0);
  return criteria.map((criterion) => (total > 0 && criterion.weight > 0 ? criterion.weight / total : 0));
}

/** What keeps a ranking from being computed, as i18n keys; empty when it can run. */
export function criteriaProblems(criteria: readonly CriterionDraft[]): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push('indicators:ranking.problems.none');
  if (criteria.some((criterion) => !Number.isFinite(criterion.weight) || criterion.weight < 0 || criterion.weight > 100)) problems.push('indicators:ranking.problems.weightRange');
  else if (criteria.length > 0 && criteria.every((criterion) => criterion.weight === 0)) problems.push('indicators:ranking.problems.allZero');
  return problems;
}
