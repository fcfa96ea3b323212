import { describe, expect, it } from 'vitest';
import { median, summariseScores } from './scoring.js';

describe('median', () => {
  it('is the middle score of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([4, 1, 3])).toBe(3);
    expect(median([2, 5, 3, 4])).toBe(3.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});

describe('summariseScores', () => {
  it('leaves "niet te beoordelen" out of median and spread but counts it', () => {
    expect(summariseScores([4, null, 2])).toEqual({ median: 3, spread: 2, scored: 2, notAssessable: 1, disagreement: true });
  });

  it('flags a difference of two points or more, not of one', () => {
    expect(summariseScores([3, 4, 4]).disagreement).toBe(false);
    expect(summariseScores([3, 5]).disagreement).toBe(true);
    expect(summariseScores([1, 5, 3]).spread).toBe(4);
  });

  it('has no spread and no disagreement with one score, and no median without any', () => {
    expect(summariseScores([5])).toEqual({ median: 5, spread: null, scored: 1, notAssessable: 0, disagreement: false });
    expect(summariseScores([null, null])).toEqual({ median: null, spread: null, scored: 0, notAssessable: 2, disagreement: false });
  });
});
