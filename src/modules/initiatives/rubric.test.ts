import { describe, expect, it } from 'vitest';
import { PASS_TOTAL, rubricPasses, rubricShortfalls, rubricTotal } from './rubric.js';
import { canMove, TRANSITIONS } from './workflow.js';

describe('the rubric', () => {
  it('adds the four scores', () => {
    expect(rubricTotal({ goal: 3, support: 2, feasibility: 1, value: 0 })).toBe(6);
    expect(rubricTotal({ goal: 3, support: 3, feasibility: 3, value: 3 })).toBe(12);
  });

  it('passes at exactly the threshold with a clear goal and no zero', () => {
    expect(PASS_TOTAL).toBe(7);
    expect(rubricPasses({ goal: 2, support: 2, feasibility: 2, value: 1 })).toBe(true);
    expect(rubricShortfalls({ goal: 2, support: 2, feasibility: 2, value: 1 })).toEqual([]);
  });

  it('fails one point under the threshold', () => {
    expect(rubricShortfalls({ goal: 2, support: 2, feasibility: 1, value: 1 })).toEqual(['total_below_threshold']);
  });

  it('fails a weak contribution to the goal even with a high total', () => {
    expect(rubricShortfalls({ goal: 1, support: 3, feasibility: 3, value: 3 })).toEqual(['goal_too_weak']);
  });

  it('fails any criterion at zero, naming every shortfall', () => {
    expect(rubricShortfalls({ goal: 3, support: 0, feasibility: 3, value: 3 })).toEqual(['criterion_zero']);
    expect(rubricShortfalls({ goal: 0, support: 0, feasibility: 0, value: 0 })).toEqual(['total_below_threshold', 'goal_too_weak', 'criterion_zero']);
  });
});

describe('the workflow', () => {
  it('allows only the documented steps', () => {
    expect(canMove('ingediend', 'ontvankelijk')).toBe(true);
    expect(canMove('ingediend', 'niet_ontvankelijk')).toBe(true);
    expect(canMove('ingediend', 'toegekend')).toBe(false);
    expect(canMove('ontvankelijk', 'toegekend')).toBe(false);
    expect(canMove('beoordeeld', 'toegekend')).toBe(true);
    expect(canMove('toegekend', 'verantwoord')).toBe(false);
    expect(canMove('uitgevoerd', 'verantwoord')).toBe(true);
  });

  it('has ends with no way out', () => {
    expect(TRANSITIONS.niet_ontvankelijk).toEqual([]);
    expect(TRANSITIONS.afgewezen).toEqual([]);
    expect(TRANSITIONS.verantwoord).toEqual([]);
  });
});
