/**
 * How a value for a larger area (a focus area, or a municipality without its own figure) follows from its
 * parts, by the indicator's aggregation rule:
 *  - sum:           Σ value                       (counts: inhabitants, households)
 *  - weighted_mean: Σ(value × weight) / Σ weight  (shares and rates, weighted by their denominator, e.g. a %
 *                                                  of inhabitants weighted by inhabitants)
 *  - none:          not aggregated; the value is null (averages of averages, classes, medians: never averaged
 *                   naively)
 * Missing parts (a member without a value: unknown or suppressed) are always listed in `missing`, and:
 *  - sum: any missing member makes the total null. A partial sum silently understates the total.
 *  - weighted_mean: the mean is taken over the members with a value, as long as the members without one
 *    carry a known weight of at most 1 % of the total weight (CBS suppresses shares of tiny buurten; their
 *    effect on the mean is then bounded by 1 % of the value range). A member without a known weight, or
 *    more missing weight than that, makes the mean null: it would describe another population.
 *  - a member whose weight is exactly 0 (a buurt without inhabitants) has no share to contribute and is
 *    not counted as missing.
 * Suppressed values are never reconstructed: an area whose own value is suppressed stays unknown, even when
 * its parts would allow a sum (that would undo the suppression).
 */

/** Share of the total weight that may lack a value before a weighted mean becomes unknown. */
export const MAX_MISSING_WEIGHT_SHARE = 0.01;

export type AggregationRule = 'sum' | 'weighted_mean' | 'none';

export interface IndicatorRule {
  code: string;
  aggregation: AggregationRule;
  weightIndicator: string | null;
}

export interface MemberFigure {
  areaCode: string;
  value: number | null;
  /** The weight indicator's value for this member (weighted_mean only). */
  weight?: number | null;
}

export interface Aggregate {
  value: number | null;
  aggregation: AggregationRule;
  /** Members that counted, and those whose value (or weight) was missing. */
  members: number;
  missing: string[];
}

export function aggregate(rule: AggregationRule, members: readonly MemberFigure[]): Aggregate {
  if (rule === 'none') return { value: null, aggregation: 'none', members: members.length, missing: [] };
  const missing: string[] = [];
  if (rule === 'sum') {
    let total = 0;
    for (const m of members) {
      if (m.value === null) missing.push(m.areaCode);
      else total += m.value;
    }
    return { value: missing.length || members.length === 0 ? null : total, aggregation: 'sum', members: members.length, missing };
  }
  let weighted = 0;
  let weights = 0;
  let missingWeight = 0;
  let unknownWeight = false;
  for (const m of members) {
    const weight = m.weight ?? null;
    if (weight === 0) continue;
    if (weight === null) {
      unknownWeight = true;
      missing.push(m.areaCode);
    } else if (m.value === null) {
      missingWeight += weight;
      missing.push(m.areaCode);
    } else {
      weighted += m.value * weight;
      weights += weight;
    }
  }
  const tolerable = !unknownWeight && missingWeight <= MAX_MISSING_WEIGHT_SHARE * (weights + missingWeight);
  const value = tolerable && weights > 0 ? weighted / weights : null;
  return { value, aggregation: 'weighted_mean', members: members.length, missing };
}

/** Observed values: indicator → area → value (null when unknown), and whether it is suppressed. */
export interface Observation {
  value: number | null;
  suppressed: boolean;
}
export type Observations = ReadonlyMap<string, ReadonlyMap<string, Observation>>;

export interface ResolvedValue {
  value: number | null;
  suppressed: boolean;
  /** own: the data has a figure for this area; aggregated: made from its parts; none: neither. */
  source: 'own' | 'aggregated' | 'none';
  missing: string[];
}

export interface AggregationContext {
  rules: ReadonlyMap<string, IndicatorRule>;
  observations: Observations;
  /** The parts of an area in the year at hand (wijk → buurten). */
  childrenOf: ReadonlyMap<string, readonly string[]>;
}

/** An area's own value when the data has one, else its parts aggregated by the same rules. */
export function resolveValue(ctx: AggregationContext, indicator: string, area: string, depth = 0): ResolvedValue {
  const own = ctx.observations.get(indicator)?.get(area);
  if (own) return { value: own.suppressed ? null : own.value, suppressed: own.suppressed, source: 'own', missing: [] };
  const children = ctx.childrenOf.get(area);
  const rule = ctx.rules.get(indicator);
  if (!children?.length || !rule || depth > 3) return { value: null, suppressed: false, source: 'none', missing: [] };
  const result = aggregateOver(ctx, indicator, children, depth + 1);
  return { value: result.value, suppressed: false, source: 'aggregated', missing: result.missing };
}

/** One indicator over a set of areas (the members of a focus area, the buurten of a municipality). */
export function aggregateOver(ctx: AggregationContext, indicator: string, areas: readonly string[], depth = 0): Aggregate {
  const rule = ctx.rules.get(indicator);
  if (!rule) return { value: null, aggregation: 'none', members: areas.length, missing: [] };
  if (rule.aggregation === 'none') return aggregate('none', areas.map((areaCode) => ({ areaCode, value: null })));
  const weightIndicator = rule.aggregation === 'weighted_mean' ? rule.weightIndicator : null;
  const members = areas.map((areaCode) => ({
    areaCode,
    value: resolveValue(ctx, indicator, areaCode, depth).value,
    weight: weightIndicator ? resolveValue(ctx, weightIndicator, areaCode, depth).value : null,
  }));
  if (rule.aggregation === 'weighted_mean' && !weightIndicator) return { value: null, aggregation: 'weighted_mean', members: areas.length, missing: [...areas] };
  return aggregate(rule.aggregation, members);
}

/**
 * The areas that have no figure at all: no non-null value for any indicator in the context, themselves or
 * through their parts. CBS publishes water-only buurten (e.g. BU05059997) without a single figure; such an
 * area holds nobody and nothing, so it is no part of an aggregate. Counting it as "unknown" would make every
 * municipal total unknown. A buurt with some figures but not the one at hand still counts as missing.
 */
export function withoutEmptyAreas(ctx: AggregationContext, areas: readonly string[]): string[] {
  const hasFigure = (area: string, depth: number): boolean => {
    for (const byArea of ctx.observations.values()) {
      const own = byArea.get(area);
      if (own && (own.value !== null || own.suppressed)) return true;
    }
    const children = ctx.childrenOf.get(area);
    return depth < 3 && !!children?.some((child) => hasFigure(child, depth + 1));
  };
  return areas.filter((area) => hasFigure(area, 0));
}
