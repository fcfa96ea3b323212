import { describe, expect, it } from 'vitest';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../contract.js';
import { ALLOWED_TRANSITIONS, canTransition, isOpenStatus, isSlipping } from './activity-workflow.js';

// Every pair of statuses, with whether the workflow allows it: the whole table, not a sample.
const EXPECTED: [ActivityStatus, ActivityStatus, boolean][] = [
  ['idea', 'idea', false],
  ['idea', 'planned', true],
  ['idea', 'running', false],
  ['idea', 'done', false],
  ['idea', 'stopped', true],
  ['planned', 'idea', true],
  ['planned', 'planned', false],
  ['planned', 'running', true],
  ['planned', 'done', false],
  ['planned', 'stopped', true],
  ['running', 'idea', false],
  ['running', 'planned', false],
  ['running', 'running', false],
  ['running', 'done', true],
  ['running', 'stopped', true],
  ['done', 'idea', false],
  ['done', 'planned', false],
  ['done', 'running', false],
  ['done', 'done', false],
  ['done', 'stopped', false],
  ['stopped', 'idea', false],
  ['stopped', 'planned', false],
  ['stopped', 'running', false],
  ['stopped', 'done', false],
  ['stopped', 'stopped', false],
];

describe('activity workflow', () => {
  it('the table covers every pair of statuses', () => {
    expect(EXPECTED).toHaveLength(ACTIVITY_STATUSES.length ** 2);
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual([...ACTIVITY_STATUSES].sort());
  });

  it.each(EXPECTED)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('done and stopped are final; the others are open', () => {
    expect(ACTIVITY_STATUSES.filter(isOpenStatus)).toEqual(['idea', 'planned', 'running']);
  });

  it.each([
    ['running', '2026-06-30', '2026-11-22', true],
    ['planned', '2026-06-30', '2026-11-22', true],
    ['running', '2026-11-22', '2026-11-22', false],
    ['running', '2027-01-01', '2026-11-22', false],
    ['done', '2026-06-30', '2026-11-22', false],
    ['stopped', '2020-01-01', '2026-11-22', false],
  ] as const)('%s ending %s is slipping on %s: %s', (status, end, today, slipping) => {
    expect(isSlipping({ status, end }, today)).toBe(slipping);
  });
});
