import { apportion, assertCents, diffCents, mulDiv, sumCents } from './cents.js';

/**
 * Capital charges (kapitaallasten) of an investment as a municipal budget shows them (BBV): straight-line
 * depreciation over the term, and interest at the given rate over the book value at the start of each year.
 * Depreciation is the investment apportioned in equal cents over the years (the odd cents go to the first
 * years), so the years add up to the investment exactly. "Vrijval kapitaallasten 1e jaar": an asset taken
 * into use during its first year carries no charges that year; the proposal shows the full charges and
 * releases them in the first year, as a negative row.
 */
export interface CapitalInvestment {
  investmentCents: number;
  depreciationYears: number;
  /** Interest in basis points: 150 = 1,5 %. */
  interestBp: number;
  investmentYear: number;
  releaseFirstYear: boolean;
}

export interface CapitalChargesYear {
  year: number;
  bookValueStartCents: number;
  depreciationCents: number;
  interestCents: number;
  /** Zero or negative. */
  releaseCents: number;
}

export function capitalChargesForYear(investment: CapitalInvestment | null, year: number): CapitalChargesYear {
  const empty = { year, bookValueStartCents: 0, depreciationCents: 0, interestCents: 0, releaseCents: 0 };
  if (!investment || investment.investmentCents === 0) return empty;
  assertCents(investment.investmentCents, 'investment');
  const k = year - investment.investmentYear;
  if (k < 0 || k >= investment.depreciationYears) return empty;
  const schedule = apportion(investment.investmentCents, Array.from({ length: investment.depreciationYears }, () => 1));
  const depreciatedBefore = sumCents(schedule.slice(0, k));
  const bookValueStartCents = diffCents(investment.investmentCents, depreciatedBefore);
  const depreciationCents = schedule[k] ?? 0;
  const interestCents = mulDiv(bookValueStartCents, investment.interestBp, 10_000);
  const releaseCents = k === 0 && investment.releaseFirstYear ? -sumCents([depreciationCents, interestCents]) : 0;
  return { year, bookValueStartCents, depreciationCents, interestCents, releaseCents };
}
