import { describe, expect, it } from 'vitest';
import { addCriterion, criteriaProblems, defaultDirection, weightShares } from './ranking-criteria';

describe('ranking criteria', () => {
  it('takes the direction from the polarity', () => {
    expect(defaultDirection({ polarity: 'higher_is_better' })).toBe('lower_is_worse');
    expect(defaultDirection({ polarity: 'lower_is_better' })).toBe('higher_is_worse');
    expect(defaultDirection({ polarity: 'neutral' })).toBe('higher_is_worse');
  });
  it('adds an indicator once', () => {
    const once = addCriterion([], { code: 'income', polarity: 'higher_is_better' });
    expect(once).toEqual([{ indicator: 'income', weight: 1, direction: 'lower_is_worse' }]);
    expect(addCriterion(once, { code: 'income', polarity: 'higher_is_better' })).toHaveLength(1);
  });
  it('shares of the weights', () => {
    expect(weightShares([{ indicator: 'a', weight: 1, direction: 'higher_is_worse' }, { indicator: 'b', weight: 3, direction: 'higher_is_worse' }])).toEqual([0.25, 0.75]);
    expect(weightShares([{ indicator: 'a', weight: 0, direction: 'higher_is_worse' }])).toEqual([0]);
  });
  it('says what is wrong', () => {
    expect(criteriaProblems([])).toEqual(['indicators:ranking.problems.none']);
    expect(criteriaProblems([{ indicator: 'a', weight: 0, direction: 'higher_is_worse' }])).toEqual(['indicators:ranking.problems.allZero']);
    expect(criteriaProblems([{ indicator: 'a', weight: 101, direction: 'higher_is_worse' }])).toEqual(['indicators:ranking.problems.weightRange']);
    expect(criteriaProblems([{ indicator: 'a', weight: 2, direction: 'higher_is_worse' }])).toEqual([]);
  });
});
