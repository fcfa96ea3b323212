/**
 * The index of an area against its municipality (100 = the municipality's figure) and the direction of the
 * difference. The index is only meaningful for intensive figures (shares, rates, averages, densities) with a
 * ratio scale, so it is null when:
 *  - either value is unknown, or the municipality value is 0 or negative (a ratio to 0 or across a sign
 *    change says nothing: net migration −20 against −40 is not "index 50");
 *  - the indicator is a count (aggregation 'sum'): a buurt's 800 inhabitants against the city's 119,030 is a
 *    share of the city, not a comparison with its average;
 *  - the unit is a class, code or year (stedelijkheid 1–5 has no ratio scale).
 */
const NON_RATIO_UNITS = new Set(['class', 'klasse', 'code', 'category', 'categorie', 'year', 'jaar', 'rank', 'rang']);

export interface IndexInput {
  value: number | null;
  municipalityValue: number | null;
  aggregation: 'sum' | 'weighted_mean' | 'none';
  unit: string;
}

export function indexAgainstMunicipality(input: IndexInput): number | null {
  const { value, municipalityValue } = input;
  if (value === null || municipalityValue === null || municipalityValue <= 0 || value < 0) return null;
  if (input.aggregation === 'sum') return null;
  if (NON_RATIO_UNITS.has(input.unit.trim().toLowerCase())) return null;
  return (100 * value) / municipalityValue;
}

export type Direction = 'better' | 'worse' | 'same' | 'not_applicable';

/**
 * Better or worse than the municipality, from the indicator's polarity. Values equal at the indicator's
 * published precision (`decimals`) are the same: 17.86 % against 17.9 % shown with 0 decimals is no story.
 * A count (aggregation 'sum') has no direction against the city: a buurt's 30 people on social assistance
 * against the city's 360 is a part of the city's number, not a better figure (the share says that).
 */
export function directionAgainstMunicipality(
  value: number | null,
  municipalityValue: number | null,
  polarity: 'higher_is_better' | 'lower_is_better' | 'neutral',
  decimals: number,
  aggregation: 'sum' | 'weighted_mean' | 'none',
): Direction {
  if (value === null || municipalityValue === null || polarity === 'neutral' || aggregation === 'sum') return 'not_applicable';
  const factor = 10 ** decimals;
  const a = Math.round(value * factor);
  const b = Math.round(municipalityValue * factor);
  if (a === b) return 'same';
  const higher = a > b;
  return higher === (polarity === 'higher_is_better') ? 'better' : 'worse';
}
