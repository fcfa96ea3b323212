import { describe, expect, it } from 'vitest';
import { CentsOutOfRangeError } from './cents.js';
import { bookingEffect, lineEffect, overrunOf } from './line-effect.js';

/**
 * Issue 13, item 2, the demo line "Procesbegeleiding bewoners bij renovatie" (Renovatie Wielwijk) as it stood:
 * budget € 90.000, € 48.082 left, € 24.000 waiting. Booking € 40.000 leaves € 8.082 on approved money alone,
 * and 48.082 − 24.000 − 40.000 = −15.918 with the waiting commitment: 15.918 / 90.000 = 17,687 % → 1769 bp.
 */
const line = { budgetCents: 9_000_000, remainingCents: 4_808_200, remainingAfterPendingCents: 2_408_200 };

describe('bookingEffect', () => {
  it('warns that € 40.000 with € 24.000 waiting puts the line € 15.918 (17,69 %) over', () => {
    expect(bookingEffect(line, 4_000_000)).toEqual({
      budgetCents: 9_000_000,
      remainingCents: 4_808_200,
      remainingAfterCents: 808_200,
      remainingAfterPendingCents: -1_591_800,
      over: null,
      overWithPending: { overCents: 1_591_800, overBp: 1769 },
    });
  });

  it('says the booking alone goes over when it is more than what is left', () => {
    // 48.082 − 50.000 = −1.918; 1.918 / 90.000 = 2,131 % → 213 bp. With the waiting € 24.000: −25.918, 28,798 % → 2880 bp.
    const effect = bookingEffect(line, 5_000_000);
    expect(effect.over).toEqual({ overCents: 191_800, overBp: 213 });
    expect(effect.overWithPending).toEqual({ overCents: 2_591_800, overBp: 2880 });
  });

  it('gives no warning when the booking and the waiting ones fit', () => {
    const effect = bookingEffect(line, 2_408_200);
    expect(effect.remainingAfterPendingCents).toBe(0);
    expect(effect.over).toBeNull();
    expect(effect.overWithPending).toBeNull();
  });

  it('refuses figures a JSON number cannot hold instead of rounding them', () => {
    expect(() => bookingEffect({ budgetCents: 0, remainingCents: -Number.MAX_SAFE_INTEGER, remainingAfterPendingCents: 0 }, 1)).toThrow(CentsOutOfRangeError);
  });
});

describe('lineEffect and overrunOf', () => {
  it('approving the € 40.000 after the € 24.000: from € 24.082 left to −€ 15.918, 17,69 % over', () => {
    const effect = lineEffect({ budgetCents: 9_000_000, remainingCents: 2_408_200, remainingAfterCents: -1_591_800, remainingAfterPendingCents: -1_591_800 });
    expect(effect.over).toEqual({ overCents: 1_591_800, overBp: 1769 });
    expect(effect.overWithPending).toEqual({ overCents: 1_591_800, overBp: 1769 });
  });

  it('has no percentage on a line without budget, and nothing over at exactly zero left', () => {
    expect(overrunOf(0, -100)).toEqual({ overCents: 100, overBp: null });
    expect(overrunOf(9_000_000, 0)).toBeNull();
    // Half a basis point rounds away from zero: 1 cent over € 200 is 0,5 bp → 1 bp.
    expect(overrunOf(20_000, -1)).toEqual({ overCents: 1, overBp: 1 });
  });
});
