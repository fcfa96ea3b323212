import { apportion, sumCents } from './cents.js';
import { capitalChargesForYear, type CapitalInvestment } from './capital-charges.js';
import { roundColumn } from './thousands.js';

export const EFFECT_ROWS = ['depreciation', 'interest', 'release', 'operating', 'coverage', 'toCover'] as const;
export type EffectRow = (typeof EFFECT_ROWS)[number];

export interface EffectLine {
  year: number;
  amountCents: number;
  /** What each funding source pays of the line (resolved allocations) and the part nobody finances yet. */
  parts: { amountCents: number; viaMunicipalBudget: boolean; municipalMoney: boolean }[];
  uncoveredCents: number;
}

export interface BudgetEffectYear {
  year: number;
  exactCents: Record<EffectRow, number>;
  /** × € 1.000, rounded so that the column adds up (see thousands.ts). */
  thousands: Record<EffectRow, number>;
}

/**
 * The budget-effect table (budgettair effect) of a proposal, from the municipal budget's point of view:
 * - capital charges of the investment (afschrijving, rente) and their release in the first year;
 * - other operating costs: the part of the activity's lines that runs through the municipal budget (sources
 *   paid to the municipality, plus whatever no source covers yet — the municipality bears that);
 * - coverage (negative): contributions of third parties and subsidies that run through the municipal budget,
 *   and a reserve contribution equal to the capital charges when the reserve covers them;
 * - to cover: the sum, what is left for the general budget.
 * Money a partner pays directly (not through the municipal budget) is not in the table.
 */
export function budgetEffect(input: { years: readonly number[]; investment: CapitalInvestment | null; reserveCoversCapital: boolean; lines: readonly EffectLine[] }): BudgetEffectYear[] {
  return input.years.map((year) => {
    const charges = capitalChargesForYear(input.investment, year);
    // Collected, then added in BigInt (sumCents): exact whatever the number of lines.
    const operatingParts: number[] = [];
    const thirdPartyParts: number[] = [];
    for (const line of input.lines.filter((l) => l.year === year)) {
      operatingParts.push(line.uncoveredCents);
      for (const part of line.parts) {
        if (!part.viaMunicipalBudget) continue;
        operatingParts.push(part.amountCents);
        if (!part.municipalMoney) thirdPartyParts.push(part.amountCents);
      }
    }
    const operating = sumCents(operatingParts);
    const capital = sumCents([charges.depreciationCents, charges.interestCents, charges.releaseCents]);
    const coverage = -sumCents([...thirdPartyParts, input.reserveCoversCapital ? capital : 0]);
    const exact: Record<EffectRow, number> = {
      depreciation: charges.depreciationCents,
      interest: charges.interestCents,
      release: charges.releaseCents,
      operating,
      coverage,
      toCover: sumCents([capital, operating, coverage]),
    };
    const column = roundColumn([exact.depreciation, exact.interest, exact.release, exact.operating, exact.coverage]);
    const [depreciation = 0, interest = 0, release = 0, op = 0, cov = 0] = column.rows;
    return { year, exactCents: exact, thousands: { depreciation, interest, release, operating: op, coverage: cov, toCover: column.total } };
  });
}

/** Spend on a line attributed to its funding sources in proportion to what each finances (exact in cents). */
export function attributeToSources(spentCents: number, allocationCents: readonly number[], uncoveredCents: number): { perSource: number[]; uncovered: number } {
  if (allocationCents.every((c) => c === 0) && uncoveredCents === 0) return { perSource: allocationCents.map(() => 0), uncovered: spentCents };
  const parts = apportion(spentCents, [...allocationCents, uncoveredCents]);
  return { perSource: parts.slice(0, allocationCents.length), uncovered: parts[allocationCents.length] ?? 0 };
}
