import { describe, expect, it } from 'vitest';
import { actorMatrix, calculateAlternative, internalRateOfReturn, netCashFlow, presentValue, sensitivity, totals, withHorizon, type CalcLine } from './calculation.js';

/** Hand-checked MKBA arithmetic (docs/learning.md, "Formulas"). */

const settings = { baseYear: 2026, horizonYears: 10, rate: 0.0225 };

describe('present value', () => {
  it('makes € 100 in year 10 at 2.25 % worth € 80.05 today', () => {
    // 10000 / 1.0225^10 = 10000 / 1.249203... = 8005.10 cents
    expect(Math.round(presentValue(10_000, 2036, 2026, 0.0225))).toBe(8005);
  });
  it('leaves an amount in the base year as it is, and discounts nothing at 0 %', () => {
    expect(presentValue(12_345, 2026, 2026, 0.0225)).toBe(12_345);
    expect(presentValue(12_345, 2036, 2026, 0)).toBe(12_345);
  });
});

describe('totals and the actor matrix', () => {
  const lines: CalcLine[] = [
    { kind: 'cost', actor: 'gemeente', year: 2026, amountCents: 100_000 },
    { kind: 'cost', actor: 'corporatie', year: 2027, amountCents: 51_125 },
    { kind: 'benefit', actor: 'politie', year: 2028, amountCents: 52_275 },
    { kind: 'benefit', actor: 'bewoners', year: 2036, amountCents: 10_000 },
    { kind: 'benefit', actor: 'gemeente', year: 2030, amountCents: 33_333 },
  ];

  it('gives PV costs, PV benefits, NCW and the B/C ratio as computed by hand', () => {
    // costs: 100000 + 51125/1.0225 = 100000 + 50000 = 150000
    // benefits: 52275/1.0225^2 = 50000.0 (52275/1.04550625 = 49999.70 → 50000), 10000/1.0225^10 = 8005, 33333/1.0225^4 = 30467
    const t = totals(lines, settings);
    expect(t.pvCostsCents).toBe(150_000);
    expect(t.pvBenefitsCents).toBe(50_000 + 8005 + Math.round(33_333 / 1.0225 ** 4));
    expect(t.ncwCents).toBe(t.pvBenefitsCents - 150_000);
    expect(t.benefitCostRatio).toBeCloseTo(t.pvBenefitsCents / 150_000, 12);
  });

  it('sums per actor to the totals, each row benefits − costs', () => {
    const rows = actorMatrix(lines, settings);
    const t = totals(lines, settings);
    expect(rows.reduce((s, r) => s + r.pvCostsCents, 0)).toBe(t.pvCostsCents);
    expect(rows.reduce((s, r) => s + r.pvBenefitsCents, 0)).toBe(t.pvBenefitsCents);
    expect(rows.reduce((s, r) => s + r.balanceCents, 0)).toBe(t.ncwCents);
    expect(rows.find((r) => r.actor === 'gemeente')).toEqual({ actor: 'gemeente', pvCostsCents: 100_000, pvBenefitsCents: Math.round(33_333 / 1.0225 ** 4), balanceCents: Math.round(33_333 / 1.0225 ** 4) - 100_000 });
    expect(rows.map((r) => r.actor)).toEqual(['gemeente', 'corporatie', 'politie', 'bewoners']);
  });

  it('never counts PM items in any sum', () => {
    const withPm: CalcLine[] = [...lines, { kind: 'benefit', actor: 'zorg', year: 2027, amountCents: null }, { kind: 'cost', actor: 'rijk', year: 2026, amountCents: null }];
    expect(totals(withPm, settings)).toEqual(totals(lines, settings));
    expect(actorMatrix(withPm, settings)).toEqual(actorMatrix(lines, settings));
    expect(netCashFlow(withPm, 2026, 10)).toEqual(netCashFlow(lines, 2026, 10));
  });

  it('has no B/C ratio without costs', () => {
    expect(totals([{ kind: 'benefit', actor: 'gemeente', year: 2026, amountCents: 100 }], settings).benefitCostRatio).toBeNull();
  });
});

describe('internal rate of return', () => {
  it('is 10 % for −100 now and +110 next year (100 × 1.10 = 110)', () => {
    const r = internalRateOfReturn([-100, 110]);
    expect(r.irr).toBeCloseTo(0.1, 9);
  });

  it('matches the polynomial-root IRR of a multi-year flow', () => {
    // Independently: numpy-financial's irr solves sum c_t x^t = 0 for x = 1/(1+r) with numpy.roots;
    // np.roots([500, 400, 300, -1000]) has one positive real root x, and 1/x − 1 = 0.08896339469335035.
    expect(internalRateOfReturn([-1000, 300, 400, 500]).irr).toBeCloseTo(0.08896339469335035, 9);
    // The same method for −50000, −20000, 12000, 15000, 18000, 18000, 18000 gives 0.03845237145702396.
    const r = internalRateOfReturn([-50_000, -20_000, 12_000, 15_000, 18_000, 18_000, 18_000]);
    expect(r.irr).toBeCloseTo(0.03845237145702396, 9);
    expect(r).toMatchObject({ unique: true });
  });

  it('has none when the net flow never changes sign, and says why', () => {
    expect(internalRateOfReturn([-100, -10, 0, -5])).toEqual({ irr: null, reason: 'no_sign_change' });
    expect(internalRateOfReturn([0, 10, 10])).toEqual({ irr: null, reason: 'no_sign_change' });
  });

  it('says a root may not be unique when the flow changes sign more than once', () => {
    // −100, +230, −132: roots at 10 % and 20 % ((1+r)² − 2.3(1+r) + 1.32 = 0 → 1+r = 1.1 or 1.2)
    const r = internalRateOfReturn([-100, 230, -132]);
    expect(r).toMatchObject({ unique: false });
    expect(r.irr).toBeCloseTo(0.1, 9);
  });
});

describe('sensitivity', () => {
  // −1000 in the base year, +120 a year for 10 years: NCW at 0 % is +200, at 6 % it is 120 × 7.36 − 1000 < 0.
  const lines: CalcLine[] = [{ kind: 'cost', actor: 'gemeente', year: 2026, amountCents: 100_000 }];
  for (let y = 2027; y <= 2036; y++) lines.push({ kind: 'benefit', actor: 'bewoners', year: y, amountCents: 12_000 });

  it('flags the rates at which the NCW changes sign', () => {
    const s = sensitivity(lines, settings);
    const at = (rate: number) => s.rate.find((r) => Math.abs(r.value - rate) < 1e-12);
    expect(at(0)).toMatchObject({ ncwCents: 20_000, signFlips: false });
    expect(at(0.0225)).toMatchObject({ isBase: true, signFlips: false });
    // 12000 × (1 − 1.06^−10)/0.06 = 12000 × 7.360087 = 88321 → NCW −11679
    expect(at(0.06)).toMatchObject({ ncwCents: 88_321 - 100_000, signFlips: true });
    // The IRR lies between the last positive and the first negative rate.
    const irr = calculateAlternative(lines, settings).irr.irr ?? 0;
    const lastPositive = s.rate.filter((r) => r.ncwCents > 0).at(-1)?.value ?? 0;
    const firstNegative = s.rate.find((r) => r.ncwCents <= 0)?.value ?? 1;
    expect(irr).toBeGreaterThan(lastPositive);
    expect(irr).toBeLessThan(firstNegative);
  });

  it('flips at half the effect size and scales benefits only', () => {
    const s = sensitivity(lines, settings);
    const half = s.effectSize.find((r) => r.value === 0.5);
    // The same flow written with 60 a year instead of 120.
    const halved = lines.map((l) => (l.kind === 'benefit' ? { ...l, amountCents: 6000 } : l));
    expect(half).toMatchObject({ signFlips: true, ncwCents: totals(halved, settings).ncwCents });
    expect(s.effectSize.find((r) => r.value === 1.5)).toMatchObject({ signFlips: false });
  });

  it('shortens by dropping later years and lengthens by running on the last year', () => {
    expect(withHorizon(lines, settings, 5).map((l) => l.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031]);
    const longer = withHorizon(lines, settings, 15);
    expect(longer.filter((l) => l.year > 2036).map((l) => [l.year, l.amountCents])).toEqual([2037, 2038, 2039, 2040, 2041].map((y) => [y, 12_000]));
    const s = sensitivity(lines, settings);
    expect(s.duration.map((r) => r.value)).toEqual([5, 10, 15]);
    // Five years of 120: 120 × (1 − 1.0225^−5)/0.0225 = 120 × 4.68 < 1000: no longer rendabel.
    expect(s.duration[0]).toMatchObject({ signFlips: true });
    expect(s.duration[2]).toMatchObject({ signFlips: false });
  });
});
