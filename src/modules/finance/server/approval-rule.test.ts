import { describe, expect, it } from 'vitest';
import { approvalNeeded, splitWindowStart } from './approval-rule.js';

/** The four-eyes rule, by hand: threshold € 10.000 = 1 000 000 cents. */
describe('approvalNeeded', () => {
  const threshold = 1_000_000;
  it.each([
    ['one cent below the threshold, nothing before', 999_999, [], { status: 'approved', reason: null, splitTotalCents: null }],
    ['exactly at the threshold', 1_000_000, [], { status: 'pending', reason: 'amount', splitTotalCents: null }],
    ['above the threshold', 1_000_001, [600_000], { status: 'pending', reason: 'amount', splitTotalCents: null }],
    ['€ 6.000 + € 4.000 reach it together', 400_000, [600_000], { status: 'pending', reason: 'split', splitTotalCents: 1_000_000 }],
    ['€ 3.000 × 3 + € 999,99 stay just below', 99_999, [300_000, 300_000, 300_000], { status: 'approved', reason: null, splitTotalCents: null }],
    ['€ 3.000 × 3 + € 1.000 reach it', 100_000, [300_000, 300_000, 300_000], { status: 'pending', reason: 'split', splitTotalCents: 1_000_000 }],
  ] as const)('%s', (_name, amountCents, ownRecentCents, expected) => {
    expect(approvalNeeded({ amountCents, thresholdCents: threshold, ownRecentCents })).toEqual(expected);
  });

  it('a threshold of zero sends every booking to a second person', () => {
    expect(approvalNeeded({ amountCents: 1, thresholdCents: 0, ownRecentCents: [] }).status).toBe('pending');
  });
});

describe('splitWindowStart', () => {
  it('is 30 days of 24 hours before the registration time', () => {
    expect(splitWindowStart(new Date('2026-07-31T10:00:00Z')).toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });
});
