import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { boundaryYearIn, findAreasOfLevel, findChildAreasOf, type FigureArea } from '../../areas/index.js';
import { AcrossDivisions, type AcrossOptions } from './across-divisions.js';
import { aggregateOver, resolveValue, withoutEmptyAreas, type AggregationContext, type IndicatorRule, type Observation } from './aggregation.js';
import { findAreasWithFigures, findValuesOfAreas, findValuesOfLevel, type IndicatorDefinition, type ValueRow } from './values.queries.js';
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
  /** Set when the figure is not simply the area's own of that year (docs/figures.md): see FigureBasis. */
  basis?: FigureBasis;
}

/**
 * crosswalk: carried across a re-division (`year`: of the change) into the area's territory;
 * older_boundaries: the area has no boundary (or version) of this year, so its figures sit on those of `year`.
 */
export interface FigureBasis {
  kind: 'crosswalk' | 'older_boundaries';
  year: number;
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
 * value, else its buurten valid that year aggregated by the same rules (buurten that hold nobody, such as
 * water, left out; buurten with figures of other years but not of this one missing); the national reference
 * is NL00's own value only.
 */
export async function computeFigures(
  db: Kysely<Database>,
  area: FigureArea,
  year: number,
  indicators: readonly IndicatorDefinition[],
  catalogue: ReadonlyMap<string, IndicatorDefinition>,
  /** The re-divisions around the area, when the caller has them loaded already (a series: once for all years). */
  options: AcrossOptions & { across?: AcrossDivisions } = {},
): Promise<Figure[]> {
  const vdb = valuesDb(db);
  const needed = withWeights(indicators, catalogue);
  const rules = rulesOf(needed);
  const isFocus = area.members !== null;
  const memberCodes = area.members ?? [];
  const subjects = isFocus ? memberCodes : [area.code];
  // Independent reads side by side (on PostgreSQL they overlap; PGlite's one connection queues them).
  const childrenRead = isFocus ? findChildAreasOf(db, memberCodes, year) : Promise.resolve([]);
  const [children, rows, across] = await Promise.all([
    childrenRead,
    childrenRead.then((found) => findValuesOfAreas(vdb, [...new Set([area.code, area.municipalityCode, NATIONAL_CODE, ...memberCodes, ...found.map((c) => c.code)])], { year, indicators: needed })),
    options.across ?? AcrossDivisions.around(db, area, [...catalogue.values()], options),
  ]);
  const boundaryYears = new Map(subjects.flatMap((code) => {
    const boundaryYear = boundaryYearIn(area.versions.get(code), year);
    return boundaryYear === undefined ? [] : [[code, boundaryYear] as const];
  }));
  const observations = observationsOf(rows);
  const changeYears = carryAcross(observations, across, subjects, year, needed);
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
    // Every buurt valid that year counts, but one that holds nobody is left out: its figures of the year are
    // all empty (CBS's water buurten), or it has no figures in any year (a water polygon). A buurt with figures
    // of other years but none of this one is missing, so the figures of only a few buurten (a values CSV of
    // three new buurten) give no municipality value rather than their sum.
    const withFigures = new Set(buurtRows.map((r) => r.area_code));
    const notEmpty = new Set(withoutEmptyAreas(municipalityCtx, [...withFigures]));
    const without = buurtAreas.map((b) => b.code).filter((code) => !withFigures.has(code));
    const elsewhere = await findAreasWithFigures(vdb, without);
    buurten = buurtAreas.map((b) => b.code).filter((code) => notEmpty.has(code) || elsewhere.has(code));
  }
  const focusMembers = isFocus ? withoutEmptyAreas(ctx, memberCodes) : [];

  return indicators.map((definition) => {
    const code = definition.code;
    const byArea = observations.get(code);
    const own = resolveValue(ctx, code, area.municipalityCode);
    const municipalityValue = own.source === 'own' ? own.value : buurten.length ? aggregateOver(municipalityCtx, code, buurten).value : null;
    const municipalitySource = municipalityValue === null ? null : own.source === 'own' ? ('own' as const) : ('aggregated_from_buurten' as const);
    const nationalValue = resolveValue(ctx, code, NATIONAL_CODE).value;
    const counted = subjects.filter((m) => byArea?.has(m));
    const basis = basisOf(code, counted, changeYears, boundaryYears, year);
    if (isFocus) {
      const result = aggregateOver(ctx, code, focusMembers);
      const present = counted.length > 0 || children.some((c) => byArea?.has(c.code));
      return { indicator: code, value: result.value, suppressed: false, aggregation: result.aggregation, missingMembers: result.missing.length, present, municipalityValue, municipalitySource, nationalValue, ...(basis ? { basis } : {}) };
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
      ...(basis ? { basis } : {}),
    };
  });
}

/**
 * Replaces the observations of the areas whose own figures of the year do not describe their territory (a
 * re-division lies between) by the figures carried across it. Returns "indicator|area" → year of the change.
 */
function carryAcross(
  observations: Map<string, Map<string, Observation>>,
  across: AcrossDivisions,
  subjects: readonly string[],
  year: number,
  needed: readonly IndicatorDefinition[],
): Map<string, number> {
  const changeYears = new Map<string, number>();
  for (const code of subjects) {
    if (!across.crosses(code, year)) continue;
    for (const [indicator, carried] of across.derive(code, year, needed.map((d) => d.code))) {
      let byArea = observations.get(indicator);
      if (!byArea) observations.set(indicator, (byArea = new Map()));
      byArea.delete(code);
      if (!carried.present) continue;
      byArea.set(code, { value: carried.value, suppressed: carried.suppressed });
      if (carried.changeYear !== null) changeYears.set(`${indicator}|${code}`, carried.changeYear);
    }
  }
  return changeYears;
}

/** The mark of a figure made of these areas' values: carried across a re-division first, else older boundaries. */
function basisOf(indicator: string, counted: readonly string[], changeYears: ReadonlyMap<string, number>, boundaryYears: ReadonlyMap<string, number>, year: number): FigureBasis | undefined {
  const changes = counted.map((c) => changeYears.get(`${indicator}|${c}`)).filter((y): y is number => y !== undefined);
  if (changes.length) return { kind: 'crosswalk', year: Math.max(...changes) };
  const older = counted.map((c) => boundaryYears.get(c)).filter((y): y is number => y !== undefined && y < year);
  if (older.length) return { kind: 'older_boundaries', year: Math.min(...older) };
  return undefined;
}
