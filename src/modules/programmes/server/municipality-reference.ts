import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { findAreasOfLevel } from '../../areas/index.js';
import { aggregate, getIndicatorValues, type AggregationRule } from '../../indicators/index.js';

/**
 * The municipality's value of an indicator in a year, the target of a "reach the municipality average" goal:
 * the gemeente's own figure when the data has one, else its buurten aggregated by the indicator's rule
 * (weighted mean by the weight indicator, with the indicators module's tolerance for missing parts; a sum
 * is computed too, although a count makes no sense as an average target and goals refuse it).
 * The demo's Dordrecht 2020 gemeente file holds only inhabitants, so most 2020 references are aggregated.
 */
export interface MunicipalityReference {
  value: number | null;
  source: 'own' | 'aggregated_from_buurten' | null;
}

export async function municipalityReference(
  db: Kysely<Database>,
  municipalityCode: string,
  indicator: { code: string; aggregation: AggregationRule; weightIndicator: string | null },
  period: number,
): Promise<MunicipalityReference> {
  const own = await getIndicatorValues(db, { indicator: indicator.code, level: 'gemeente', period, municipality: municipalityCode });
  const ownValue = own.items.find((i) => i.areaCode === municipalityCode);
  if (ownValue && ownValue.value !== null) return { value: ownValue.value, source: 'own' };
  // A suppressed gemeente figure stays unknown: aggregating would undo the suppression.
  if (ownValue?.suppressed || indicator.aggregation === 'none') return { value: null, source: null };
  const buurten = await findAreasOfLevel(db, municipalityCode, 'buurt', period);
  if (buurten.length === 0) return { value: null, source: null };
  const values = await getIndicatorValues(db, { indicator: indicator.code, level: 'buurt', period, municipality: municipalityCode });
  const byArea = new Map(values.items.map((i) => [i.areaCode, i.value]));
  let weights = new Map<string, number | null>();
  if (indicator.aggregation === 'weighted_mean') {
    if (!indicator.weightIndicator) return { value: null, source: null };
    const w = await getIndicatorValues(db, { indicator: indicator.weightIndicator, level: 'buurt', period, municipality: municipalityCode });
    weights = new Map(w.items.map((i) => [i.areaCode, i.value]));
  }
  const members = buurten.map((b) => ({ areaCode: b.code, value: byArea.get(b.code) ?? null, weight: weights.get(b.code) ?? null }));
  // A buurt with neither a value nor a weight has no figures at all that year (in the Dordrecht 2020 data:
  // BU05059997, a water polygon without name or inhabitants); it is no part of the population, whereas a
  // buurt with a value but no weight cannot be weighed and still makes the mean unknown.
  const population = indicator.aggregation === 'weighted_mean' ? members.filter((m) => m.value !== null || m.weight !== null) : members;
  const result = aggregate(indicator.aggregation, population);
  return { value: result.value, source: result.value === null ? null : 'aggregated_from_buurten' };
}
