import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { findAreasOfLevel, findChildAreasOf, type FigureArea } from '../../areas/index.js';
import { aggregateOver, resolveValue, withoutEmptyAreas, type AggregationContext, type IndicatorRule, type Observation } from './aggregation.js';
import { findValuesOfAreas, findValuesOfLevel, type IndicatorDefinition, type ValueRow } from './values.queries.js';
import { valuesDb } from './values.tables.js';

export const NATIONAL_CODE = 'NL00';

/** One indicator of one area in one year, with its municipality and national references. */
export interface Figure {
  indicator: string;
  value: number | null;
  suppressed: boolean;
  /** Set for focus areas: how the value was made from the members. */
  aggregation?: 'sum' | 'weighted_mean' | 'none';
  missingMembers?: number;
  /** Whether the area (or, for a focus area, any member) has data for this indicator this year. */
  present: boolean;
  municipalityValue: number | null;
  /** Where the municipality value comes from: the gemeente's own figure, or its buurten aggregated. */
  municipalitySource: 'own' | 'aggregated_from_buurten' | null;
  nationalValue: number | null;
}

function observationsOf(rows: readonly ValueRow[]): Map<string, Map<string, Observation>> {
  const obs = new Map<string, Map<string, Observation>>();
  for (const row of rows) {
    let byArea = obs.get(row.indicator_code);
    if (!byArea) obs.set(row.indicator_code, (byArea = new Map()));
    byArea.set(row.area_code, { value: row.value, suppressed: row.suppressed });
  }
  return obs;
}

const rulesOf = (definitions: readonly IndicatorDefinition[]): Map<string, IndicatorRule> =>
  new Map(definitions.map((d) => [d.code, { code: d.code, aggregation: d.aggregation, weightIndicator: d.weight_indicator }]));

/** Whether an area has any figure at all is judged on this indicator too (see withoutEmptyAreas). */
const POPULATION_INDICATOR = 'inhabitants';

/**
 * The indicators plus what aggregating them needs: their weight indicators, and the population, so that an
 * area without any figure can be told from one that lacks only the indicator at hand.
 */
function withWeights(definitions: readonly IndicatorDefinition[], all: ReadonlyMap<string, IndicatorDefinition>): IndicatorDefinition[] {
  const out = new Map(definitions.map((d) => [d.code, d]));
  for (const d of definitions) {
    const weight = d.weight_indicator ? all.get(d.weight_indicator) : undefined;
    if (weight) out.set(weight.code, weight);
  }
  const population = all.get(POPULATION_INDICATOR);
  if (population) out.set(population.code, population);
  return [...out.values()];
}

/**
 * The figures of an area in one year. For a focus area each indicator is aggregated from its members (a wijk
 * member without its own figure is made from its buurten). The municipality reference is the gemeente's own
 * value, else its buurten aggregated by the same rules (buurten without any figure, such as water, left out);
 * the national reference is NL00's own value only.
 */
export async function computeFigures(
  db: Kysely<Database>,
  area: FigureArea,
  year: number,
  indicators: readonly IndicatorDefinition[],
  catalogue: ReadonlyMap<string, IndicatorDefinition>,
): Promise<Figure[]> {
  const vdb = valuesDb(db);
  const needed = withWeights(indicators, catalogue);
  const rules = rulesOf(needed);
  const isFocus = area.members !== null;
  const memberCodes = area.members ?? [];
  const children = isFocus ? await findChildAreasOf(db, memberCodes, year) : [];
  const direct = [area.code, area.municipalityCode, NATIONAL_CODE, ...memberCodes, ...children.map((c) => c.code)];
  const rows = await findValuesOfAreas(vdb, [...new Set(direct)], { year, indicators: needed });
  const observations = observationsOf(rows);
  const childrenOf = new Map<string, string[]>();
  for (const child of children) {
    const list = childrenOf.get(child.parentCode) ?? [];
    list.push(child.code);
    childrenOf.set(child.parentCode, list);
  }
  const ctx: AggregationContext = { rules, observations, childrenOf };

  // Municipality fallback: only for the indicators the gemeente has no own figure for.
  // Their weights (and the population) come along even where the gemeente has its own figure for them.
  const lacking = needed.filter((d) => !observations.get(d.code)?.has(area.municipalityCode));
  let municipalityCtx = ctx;
  let buurten: string[] = [];
  if (lacking.length && area.municipalityCode !== NATIONAL_CODE) {
    const fallback = withWeights(lacking, catalogue);
    const [buurtRows, buurtAreas] = await Promise.all([
      findValuesOfLevel(vdb, { municipality: area.municipalityCode, level: 'buurt', year, indicators: fallback }),
      findAreasOfLevel(db, area.municipalityCode, 'buurt', year),
    ]);
    municipalityCtx = { rules, observations: observationsOf(buurtRows), childrenOf: new Map() };
    buurten = withoutEmptyAreas(municipalityCtx, buurtAreas.map((b) => b.code));
  }
  const focusMembers = isFocus ? withoutEmptyAreas(ctx, memberCodes) : [];

  return indicators.map((definition) => {
    const code = definition.code;
    const byArea = observations.get(code);
    const own = resolveValue(ctx, code, area.municipalityCode);
    const municipalityValue = own.source === 'own' ? own.value : buurten.length ? aggregateOver(municipalityCtx, code, buurten).value : null;
    const municipalitySource = municipalityValue === null ? null : own.source === 'own' ? ('own' as const) : ('aggregated_from_buurten' as const);
    const nationalValue = resolveValue(ctx, code, NATIONAL_CODE).value;
    if (isFocus) {
      const result = aggregateOver(ctx, code, focusMembers);
      const present = memberCodes.some((m) => byArea?.has(m)) || children.some((c) => byArea?.has(c.code));
      return { indicator: code, value: result.value, suppressed: false, aggregation: result.aggregation, missingMembers: result.missing.length, present, municipalityValue, municipalitySource, nationalValue };
    }
    const mine = byArea?.get(area.code);
    return {
      indicator: code,
      value: mine && !mine.suppressed ? mine.value : null,
      suppressed: mine?.suppressed ?? false,
      present: mine !== undefined,
      municipalityValue,
      municipalitySource,
      nationalValue,
    };
  });
}
