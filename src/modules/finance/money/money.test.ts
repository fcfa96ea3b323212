import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetEffect, attributeToSources } from './budget-effect.js';
import { capitalChargesForYear } from './capital-charges.js';
import { apportion, divRoundHalfAway, mulDiv, resolveAllocations } from './cents.js';
import { budgetSignal, forecastYearEnd, isoDay } from './forecast.js';
import { formatEuro, formatPercentBp, parseEuroInput } from './format.js';
import { overdueObligations, overdueTranches } from './funding-risk.js';
import { roundColumn, roundToThousands } from './thousands.js';

describe('cents arithmetic', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfAway(5n, 2n)).toBe(3n);
    expect(divRoundHalfAway(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfAway(4n, 3n)).toBe(1n);
    expect(mulDiv(100, 150, 10_000)).toBe(2); // 1,5 cent → 2
  });

  it('apportions € 1 over three equal parts as 34 + 33 + 33 cents', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('property: apportioned parts always add up to the total and each stays within a cent of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        const parts = apportion(total, weights);
        const sumW = weights.reduce((a, b) => a + b, 0);
        if (sumW === 0) return parts.every((p) => p === 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => expect(Math.abs(p - (total * (weights[i] ?? 0)) / sumW)).toBeLessThan(1.0001));
        return true;
      }),
    );
  });

  it('property: shares adding up to 100 % finance exactly the line; allocations never exceed it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 6 }), (line, raw) => {
        // Scale the shares so they add up to exactly 10 000 basis points.
        const scaled = apportion(10_000, raw).filter((bp) => bp > 0);
        const { amounts, uncoveredCents } = resolveAllocations(line, scaled.map((shareBp) => ({ shareBp })));
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(line);
        expect(uncoveredCents).toBe(0);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1e12 }), (line, bp, fixed) => {
        const rules = [{ shareBp: Math.max(1, bp) }, { amountCents: fixed }];
        try {
          const { amounts, uncoveredCents } = resolveAllocations(line, rules);
          expect(amounts.reduce((a, b) => a + b, 0) + uncoveredCents).toBe(line);
          expect(uncoveredCents).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(String(error)).toMatch(/exceed/);
          expect(fixed + mulDiv(line, Math.max(1, bp), 10_000)).toBeGreaterThan(line);
        }
      }),
    );
  });

  it('property: spend attributed to sources adds up to the spend', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.array(fc.integer({ min: 0, max: 1e10 }), { maxLength: 5 }), fc.integer({ min: 0, max: 1e10 }), (spent, allocations, uncovered) => {
        const { perSource, uncovered: rest } = attributeToSources(spent, allocations, uncovered);
        expect(perSource.reduce((a, b) => a + b, 0) + rest).toBe(spent);
      }),
    );
  });

  it('splits € 112.000 half-and-half and an odd cent to the first source', () => {
    expect(resolveAllocations(11_200_000, [{ shareBp: 5000 }, { shareBp: 5000 }]).amounts).toEqual([5_600_000, 5_600_000]);
    expect(resolveAllocations(101, [{ shareBp: 5000 }, { shareBp: 5000 }]).amounts).toEqual([51, 50]);
    expect(resolveAllocations(10_000, [{ amountCents: 2_500 }, { shareBp: 5000 }])).toEqual({ amounts: [2_500, 5_000], uncoveredCents: 2_500 });
    expect(() => resolveAllocations(10_000, [{ amountCents: 6_000 }, { shareBp: 5000 }])).toThrow(/exceed/);
    expect(() => resolveAllocations(10_000, [{ shareBp: 6000 }, { shareBp: 5000 }])).toThrow(/100 %/);
  });
});

describe('Dutch money notation', () => {
  it('formats like a municipal document', () => {
    expect(formatEuro(430_120_800)).toBe('€\u00a04.301.208');
    expect(formatEuro(123_456)).toBe('€\u00a01.234,56');
    expect(formatEuro(123_456, { decimals: 'never' })).toBe('€\u00a01.235');
    expect(formatEuro(-1_200)).toBe('−\u00a0€\u00a012');
    expect(formatEuro(5, { decimals: 'always' })).toBe('€\u00a00,05');
    expect(formatPercentBp(150)).toBe('1,5%');
    expect(formatPercentBp(5000)).toBe('50%');
  });

  it('reads amounts as Dutch users type them', () => {
    expect(parseEuroInput('4.301.208')).toBe(430_120_800);
    expect(parseEuroInput('€ 1234,5')).toBe(123_450);
    expect(parseEuroInput('12,345')).toBeNull();
    expect(parseEuroInput('1,234.56')).toBeNull();
    expect(parseEuroInput('abc')).toBeNull();
  });
});

describe('capital charges', () => {
  // € 100.000 over 10 years at 1,5 %: straight-line 10.000 a year; interest over the book value at the start.
  const investment = { investmentCents: 10_000_000, depreciationYears: 10, interestBp: 150, investmentYear: 2022, releaseFirstYear: true };

  it('computes depreciation and interest by hand', () => {
    expect(capitalChargesForYear(investment, 2022)).toEqual({ year: 2022, bookValueStartCents: 10_000_000, depreciationCents: 1_000_000, interestCents: 150_000, releaseCents: -1_150_000 });
    expect(capitalChargesForYear(investment, 2023)).toEqual({ year: 2023, bookValueStartCents: 9_000_000, depreciationCents: 1_000_000, interestCents: 135_000, releaseCents: 0 });
    expect(capitalChargesForYear(investment, 2031)).toMatchObject({ bookValueStartCents: 1_000_000, interestCents: 15_000 });
    expect(capitalChargesForYear(investment, 2032).depreciationCents).toBe(0);
    expect(capitalChargesForYear(investment, 2021).interestCents).toBe(0);
  });

  it('depreciates exactly the investment even when it does not divide', () => {
    const odd = { ...investment, investmentCents: 1_000_001, depreciationYears: 3 };
    const years = [2022, 2023, 2024].map((y) => capitalChargesForYear(odd, y).depreciationCents);
    expect(years).toEqual([333_334, 333_334, 333_333]);
    // 1,5 % of € 10.000,01 = 15.000,015 cents → 15.000
    expect(capitalChargesForYear(odd, 2022).interestCents).toBe(15_000);
  });
});

describe('rounding to × € 1.000', () => {
  it('rounds half away from zero', () => {
    expect(roundToThousands(1_850_000)).toBe(19);
    expect(roundToThousands(1_849_999)).toBe(18);
    expect(roundToThousands(-1_850_000)).toBe(-19);
    expect(roundToThousands(0)).toBe(0);
  });

  it('keeps a column adding up: 18,5 + 18,5 prints as 18 + 19 = 37', () => {
    expect(roundColumn([1_850_000, 1_850_000])).toEqual({ rows: [18, 19], total: 37 });
    expect(roundColumn([1_040_000, 1_040_000, 1_040_000])).toEqual({ rows: [11, 10, 10], total: 31 }) // ties: the earlier row;
    expect(roundColumn([0, 5_600_000, 0])).toEqual({ rows: [0, 56, 0], total: 56 });
  });

  it('property: printed rows always add up to the printed total, each within one of its own rounding', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e10, max: 1e10 }), { minLength: 1, maxLength: 6 }), (cells) => {
        const { rows, total } = roundColumn(cells);
        expect(rows.reduce((a, b) => a + b, 0)).toBe(total);
        expect(total).toBe(roundToThousands(cells.reduce((a, b) => a + b, 0)));
        rows.forEach((r, i) => expect(Math.abs(r - (cells[i] ?? 0) / 100_000)).toBeLessThan(1.5));
      }),
    );
  });
});

describe('seed 000: project leefbaarheid wijken, budget effect 2021-2024', () => {
  // Hire of the external project leader: € 38.000 in 2021 and € 112.000 a year after, half paid by the
  // municipality through its budget and half by the housing corporation directly.
  const lines = [2021, 2022, 2023, 2024].map((year) => {
    const amountCents = year === 2021 ? 3_800_000 : 11_200_000;
    const { amounts, uncoveredCents } = resolveAllocations(amountCents, [{ shareBp: 5000 }, { shareBp: 5000 }]);
    return {
      year,
      amountCents,
      uncoveredCents,
      parts: [
        { amountCents: amounts[0] ?? 0, viaMunicipalBudget: true, municipalMoney: true },
        { amountCents: amounts[1] ?? 0, viaMunicipalBudget: false, municipalMoney: false },
      ],
    };
  });

  it('reproduces the table of the proposal exactly', () => {
    const table = budgetEffect({ years: [2021, 2022, 2023, 2024], investment: null, reserveCoversCapital: false, lines });
    expect(table.map((y) => y.thousands)).toEqual([
      { depreciation: 0, interest: 0, release: 0, operating: 19, coverage: 0, toCover: 19 },
      { depreciation: 0, interest: 0, release: 0, operating: 56, coverage: 0, toCover: 56 },
      { depreciation: 0, interest: 0, release: 0, operating: 56, coverage: 0, toCover: 56 },
      { depreciation: 0, interest: 0, release: 0, operating: 56, coverage: 0, toCover: 56 },
    ]);
  });

  it('counts a contribution paid to the municipality as coverage, and capital charges covered by a reserve', () => {
    const viaBudget = lines.map((l) => ({ ...l, parts: l.parts.map((p) => ({ ...p, viaMunicipalBudget: true })) }));
    const investment = { investmentCents: 10_000_000, depreciationYears: 10, interestBp: 150, investmentYear: 2021, releaseFirstYear: true };
    const [y2021, y2022] = budgetEffect({ years: [2021, 2022], investment, reserveCoversCapital: true, lines: viaBudget });
    expect(y2021?.thousands).toEqual({ depreciation: 10, interest: 2, release: -12, operating: 38, coverage: -19, toCover: 19 });
    expect(y2022?.exactCents).toMatchObject({ depreciation: 1_000_000, interest: 135_000, operating: 11_200_000, coverage: -(5_600_000 + 1_135_000), toCover: 5_600_000 });
    expect(y2022?.thousands).toEqual({ depreciation: 10, interest: 1, release: 0, operating: 112, coverage: -67, toCover: 56 });
  });
});

describe('forecast and warnings', () => {
  it('extrapolates spend in the running year at its rate so far', () => {
    // 1 July 2026 is day 182 of 365: € 50.000 × 365 / 182 = € 100.274,725… → 10 027 473 cents.
    expect(forecastYearEnd({ year: 2026, today: '2026-07-01', spentCents: 5_000_000, openCommitmentCents: 0 })).toBe(10_027_473);
    // Open commitments put a floor under the forecast.
    expect(forecastYearEnd({ year: 2026, today: '2026-07-01', spentCents: 5_000_000, openCommitmentCents: 6_000_000 })).toBe(11_000_000);
    // Closed and future years: no rate, spend plus commitments.
    expect(forecastYearEnd({ year: 2025, today: '2026-07-01', spentCents: 5_000_000, openCommitmentCents: 100 })).toBe(5_000_100);
    expect(forecastYearEnd({ year: 2027, today: '2026-07-01', spentCents: 0, openCommitmentCents: 100 })).toBe(100);
  });

  it('warns at a forecast overrun of 10 % or more and alerts above budget', () => {
    expect(budgetSignal(10_000_000, 5_000_000, 0, 10_999_999)).toBeNull(); // 9,99… %
    expect(budgetSignal(10_000_000, 5_000_000, 0, 11_000_000)).toEqual({ level: 'warning', code: 'forecast_overrun', amountCents: 1_000_000, percentBp: 1000 });
    expect(budgetSignal(10_000_000, 9_000_000, 1_000_001, 10_000_001)).toEqual({ level: 'alert', code: 'over_budget', amountCents: 1, percentBp: 0 });
    expect(budgetSignal(0, 1, 0, 1)).toMatchObject({ level: 'alert', percentBp: null });
    expect(budgetSignal(0, 0, 0, 0)).toBeNull();
  });

  it('flags overdue tranches and accountability by date', () => {
    const tranches = [
      { seq: 1, amountCents: 100, dueDate: '2026-01-01', receivedDate: '2026-01-02', receivedCents: 100 },
      { seq: 2, amountCents: 100, dueDate: '2026-06-01', receivedDate: null, receivedCents: 0 },
      { seq: 3, amountCents: 100, dueDate: '2026-07-01', receivedDate: null, receivedCents: 0 },
    ];
    expect(overdueTranches(tranches, '2026-07-01')).toEqual([{ level: 'alert', code: 'tranche_overdue', amountCents: 100, date: '2026-06-01', subject: '2' }]);
    expect(overdueObligations([{ kind: 'voortgangsrapportage', dueDate: '2026-03-01', deliveredOn: null }, { kind: 'x', dueDate: '2026-03-01', deliveredOn: '2026-02-01' }], '2026-03-02')).toHaveLength(1);
  });
});

describe('today for money', () => {
  it('is the day in the Netherlands: a booking made at 00:30 Dutch time is dated that day', () => {
    expect(isoDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(isoDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(isoDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});
