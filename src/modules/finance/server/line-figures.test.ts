import { describe, expect, it } from 'vitest';
import { CentsOutOfRangeError, diffCents, sumCents } from '../money/cents.js';
import type { EntryRow, LineRow } from './finance.queries.js';
import { addFigures, emptyFigures, lineFigures } from './line-figures.js';

/** Issue 9: finance sums are exact (added in BigInt) or refused, never rounded by a Number overflow. */
const line: LineRow = { id: 'L', programmeId: 'P', activityId: 'A', activityName: 'Activiteit', year: 2025, description: 'Regel', amountCents: 0 };
let n = 0;
function entry(amountCents: number, over: Partial<EntryRow> = {}): EntryRow {
  n += 1;
  return {
    id: `E${n}`,
    budgetLineId: 'L',
    kind: 'spend',
    amountCents,
    bookedOn: '2025-03-01',
    description: 'x',
    documentRef: 'x',
    commitmentId: null,
    status: 'approved',
    submittedBy: null,
    submittedName: 'x',
    decidedBy: null,
    decidedName: null,
    decidedAt: null,
    decisionNote: '',
    approvalReason: null,
    splitTotalCents: null,
    reversesId: null,
    reversedById: null,
    ...over,
  };
}

describe('sums of cents', () => {
  it('adds exactly where Numbers would round: (2^53 − 1) + 2 − 2', () => {
    // As Numbers: 9 007 199 254 740 991 + 2 rounds to …992, minus 2 gives …990: one cent lost.
    expect(sumCents([9_007_199_254_740_991, 2, -2])).toBe(9_007_199_254_740_991);
    expect(diffCents(9_007_199_254_740_991, 9_007_199_254_740_990)).toBe(1);
  });

  it('refuses a result no JSON number holds exactly', () => {
    expect(() => sumCents([9_007_199_254_740_991, 1])).toThrow(CentsOutOfRangeError);
    expect(() => diffCents(-9_007_199_254_740_991, 2)).toThrow(CentsOutOfRangeError);
  });
});

describe('lineFigures', () => {
  it('nets a spend and its counter-entry exactly, even when the running total would not fit a Number', () => {
    const big = entry(9_007_199_254_740_991);
    const small = entry(2);
    const reversal = entry(-2, { reversesId: small.id });
    // A closed year: the forecast is spent plus open commitments.
    const f = lineFigures(line, [], [big, small, reversal], '2026-07-01');
    expect(f.spentCents).toBe(9_007_199_254_740_991);
    expect(f.forecastCents).toBe(9_007_199_254_740_991);
  });

  it('12 bookings of 9e14 cents and their 12 approved reversals add up to nothing', () => {
    const originals = Array.from({ length: 12 }, () => entry(900_000_000_000_000));
    const reversals = originals.map((o) => entry(-900_000_000_000_000, { reversesId: o.id }));
    const f = lineFigures(line, [], [...originals, ...reversals], '2026-07-01');
    expect([f.spentCents, f.forecastCents, f.remainingCents]).toEqual([0, 0, 0]);
    // Without the reversals the spend (1,08e16 cents) cannot be shown exactly: refused, not rounded.
    expect(() => lineFigures(line, [], originals, '2026-07-01')).toThrow(CentsOutOfRangeError);
  });

  it('a reversed commitment leaves nothing open; spend against a commitment lowers what is open', () => {
    const commitment = entry(500_000, { kind: 'commitment' });
    const paid = entry(100_000, { commitmentId: commitment.id });
    expect(lineFigures(line, [], [commitment, paid], '2026-07-01')).toMatchObject({ committedCents: 500_000, spentCents: 100_000, openCommitmentCents: 400_000 });
    const other = entry(300_000, { kind: 'commitment' });
    const back = entry(-300_000, { kind: 'commitment', reversesId: other.id });
    expect(lineFigures(line, [], [commitment, paid, other, back], '2026-07-01')).toMatchObject({ committedCents: 500_000, openCommitmentCents: 400_000 });
  });

  it('a waiting counter-entry shows as negative pending and changes no approved figure', () => {
    const original = entry(2_000_000);
    const waiting = entry(-2_000_000, { reversesId: original.id, status: 'pending' });
    expect(lineFigures(line, [], [original, waiting], '2026-07-01')).toMatchObject({ spentCents: 2_000_000, pendingCents: -2_000_000 });
  });

  it('adds figures of lines exactly or refuses', () => {
    const a = { ...emptyFigures(), spentCents: 9_007_199_254_740_990 };
    expect(addFigures(a, { ...emptyFigures(), spentCents: 1 }).spentCents).toBe(9_007_199_254_740_991);
    expect(() => addFigures(a, { ...emptyFigures(), spentCents: 2 })).toThrow(CentsOutOfRangeError);
  });
});
