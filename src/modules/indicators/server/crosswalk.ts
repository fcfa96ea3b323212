import { aggregate, type IndicatorRule, type Observation } from './aggregation.js';

/**
 * Figures across a re-division (docs/figures.md, "Re-divisions"; ADR 0008). A crosswalk link says that from
 * `year` on, the share `weight` of old area `from` (by inhabitants or by area) belongs to new area `to`. A
 * series is always told in one territory: the code's division as of a reference year R.
 *
 *  - Years before R (a new code's older years): the value is made from the codes it came from, as they were
 *    then — counts (sum) split by the weights, Σ w × value; shares (weighted_mean) carried: one source's value
 *    as it is, several sources weighted by their weight indicator × w; `none` is not derived.
 *  - Years after R (an old code's series carried forward, so a goal set on it keeps its trajectory): the value
 *    is made from the codes it went to, each counting for the part of it that came from the old code — the
 *    whole when the new code came from the old one alone, else w × B(old) / Σ w × B(source) with B the basis
 *    (inhabitants, or area in hectares) of each source in its last year with one before the change.
 *
 * Chains (a code re-divided twice) are followed step by step. Suppressed or missing parts make a count
 * unknown and a share unknown beyond the aggregation module's tolerance; a suppressed value is never
 * reconstructed (aggregation.ts). Everything derived is marked with the year of the change.
 */

export interface CrosswalkLink {
  /** The first year of the new division. */
  year: number;
  from: string;
  to: string;
  weight: number;
  basis: 'inhabitants' | 'area';
}

/** The indicator whose value of each old code measures its basis, for carrying a count forward. */
export const BASIS_INDICATOR: Record<CrosswalkLink['basis'], string> = { inhabitants: 'inhabitants', area: 'area_total_ha' };

/** Steps followed through chains of re-divisions; more would mean a cycle or a data error. */
const MAX_STEPS = 8;
/** "No reference year": the code's current division. */
export const CURRENT = Number.POSITIVE_INFINITY;

export class Lineage {
  private readonly into = new Map<string, CrosswalkLink[]>();
  private readonly outOf = new Map<string, CrosswalkLink[]>();

  constructor(readonly links: readonly CrosswalkLink[]) {
    for (const link of links) {
      this.into.set(link.to, [...(this.into.get(link.to) ?? []), link]);
      this.outOf.set(link.from, [...(this.outOf.get(link.from) ?? []), link]);
    }
  }

  get isEmpty(): boolean {
    return this.links.length === 0;
  }

  codes(): string[] {
    return [...new Set(this.links.flatMap((l) => [l.from, l.to]))];
  }

  /** The links into `code` in its latest change after `after` and at or before `upTo`. */
  changeInto(code: string, after: number, upTo: number): { year: number; links: CrosswalkLink[] } | null {
    const years = (this.into.get(code) ?? []).map((l) => l.year).filter((y) => y > after && y <= upTo);
    if (!years.length) return null;
    const year = Math.max(...years);
    return { year, links: (this.into.get(code) ?? []).filter((l) => l.year === year) };
  }

  /** The links out of `code` in its earliest change after `after` and at or before `upTo`. */
  changeOutOf(code: string, after: number, upTo: number): { year: number; links: CrosswalkLink[] } | null {
    const years = (this.outOf.get(code) ?? []).map((l) => l.year).filter((y) => y > after && y <= upTo);
    if (!years.length) return null;
    const year = Math.min(...years);
    return { year, links: (this.outOf.get(code) ?? []).filter((l) => l.year === year) };
  }

  linksInto(code: string, year: number): CrosswalkLink[] {
    return (this.into.get(code) ?? []).filter((l) => l.year === year);
  }

  /**
   * The reference year of a code's own series: its current division, or for a code that a crosswalk ended
   * (it went only to other codes, and no later version of it was imported) the year before it ended, so its
   * series carries on in the territory it had.
   */
  defaultReference(code: string, lastVersionYear: number | undefined): number {
    const ends = (this.outOf.get(code) ?? [])
      .filter((l) => !this.linksInto(code, l.year).length)
      .map((l) => l.year)
      .filter((year) => lastVersionYear === undefined || lastVersionYear < year);
    return ends.length ? Math.max(...ends) - 1 : CURRENT;
  }
}

/** A code's own recorded figures: indicator → code → year → observation. */
export class OwnFigures {
  private readonly byIndicator = new Map<string, Map<string, Map<number, Observation>>>();
  private readonly rowYears = new Map<string, Set<number>>();

  add(indicator: string, code: string, year: number, observation: Observation): void {
    let byCode = this.byIndicator.get(indicator);
    if (!byCode) this.byIndicator.set(indicator, (byCode = new Map()));
    let byYear = byCode.get(code);
    if (!byYear) byCode.set(code, (byYear = new Map()));
    byYear.set(year, observation);
    let years = this.rowYears.get(code);
    if (!years) this.rowYears.set(code, (years = new Set()));
    years.add(year);
  }

  get(indicator: string, code: string, year: number): Observation | undefined {
    return this.byIndicator.get(indicator)?.get(code)?.get(year);
  }

  /** The newest known value before `year` (the basis of an old code just before its change). */
  latestBefore(indicator: string, code: string, year: number): number | null {
    let best: { year: number; value: number } | null = null;
    for (const [y, o] of this.byIndicator.get(indicator)?.get(code) ?? []) {
      if (y < year && o.value !== null && !o.suppressed && (!best || y > best.year)) best = { year: y, value: o.value };
    }
    return best?.value ?? null;
  }

  hasRow(code: string, year: number): boolean {
    return this.rowYears.get(code)?.has(year) ?? false;
  }

  years(code: string): number[] {
    return [...(this.rowYears.get(code) ?? [])];
  }
}

export interface DerivationContext {
  lineage: Lineage;
  own: OwnFigures;
  rules: ReadonlyMap<string, IndicatorRule>;
}

export interface TerritoryValue {
  value: number | null;
  /** Whether the territory has this figure that year at all (own, or derived from parts that have it). */
  present: boolean;
  suppressed: boolean;
  /** The year of the re-division it was carried across (the one nearest the reference); null: own figure. */
  changeYear: number | null;
}

const ABSENT: TerritoryValue = { value: null, present: false, suppressed: false, changeYear: null };

/** One indicator of `code` in `year`, told in the code's territory as of `reference`. */
export function territoryValue(ctx: DerivationContext, indicator: string, code: string, year: number, reference: number, step = 0): TerritoryValue {
  if (step > MAX_STEPS) return ABSENT;
  if (year < reference) {
    const change = ctx.lineage.changeInto(code, year, reference);
    if (change) return backward(ctx, indicator, change.links, year, change.year, step);
  } else if (year > reference) {
    const change = ctx.lineage.changeOutOf(code, reference, year);
    if (change) return forward(ctx, indicator, change.links, year, change.year, step);
  }
  const own = ctx.own.get(indicator, code, year);
  if (!own) return ABSENT;
  return { value: own.suppressed ? null : own.value, present: true, suppressed: own.suppressed, changeYear: null };
}

/** A new territory in an earlier year, from the codes it came from (as they were before the change). */
function backward(ctx: DerivationContext, indicator: string, links: readonly CrosswalkLink[], year: number, change: number, step: number): TerritoryValue {
  const rule = ctx.rules.get(indicator);
  if (!rule || rule.aggregation === 'none') return ABSENT;
  const parts = links.map((link) => ({ link, v: territoryValue(ctx, indicator, link.from, year, change - 1, step + 1) }));
  if (!parts.some((p) => p.v.present)) return ABSENT;
  if (rule.aggregation === 'sum') {
    const total = aggregate('sum', parts.map((p) => ({ areaCode: p.link.from, value: p.v.value === null ? null : p.v.value * p.link.weight })));
    return { value: total.value, present: true, suppressed: false, changeYear: change };
  }
  if (parts.length === 1) return { value: parts[0]!.v.value, present: true, suppressed: false, changeYear: change };
  const weightIndicator = rule.weightIndicator;
  const members = parts.map((p) => {
    const weight = weightIndicator ? territoryValue(ctx, weightIndicator, p.link.from, year, change - 1, step + 1).value : null;
    return { areaCode: p.link.from, value: p.v.value, weight: weight === null ? null : weight * p.link.weight };
  });
  return { value: aggregate('weighted_mean', members).value, present: true, suppressed: false, changeYear: change };
}

/**
 * The part of `link.to` that came from `link.from`: the whole when it came from that code alone, else its
 * share by the basis of each source just before the change. Null when a basis is unknown or mixed.
 */
export function shareOfNewCode(ctx: DerivationContext, link: CrosswalkLink): number | null {
  const sources = ctx.lineage.linksInto(link.to, link.year);
  if (sources.length <= 1) return 1;
  if (sources.some((s) => s.basis !== link.basis)) return null;
  const basis = BASIS_INDICATOR[link.basis];
  let mine: number | null = null;
  let total = 0;
  for (const source of sources) {
    const amount = ctx.own.latestBefore(basis, source.from, link.year);
    if (amount === null) return null;
    total += source.weight * amount;
    if (source.from === link.from) mine = source.weight * amount;
  }
  return mine === null || total <= 0 ? null : mine / total;
}

/** An old territory in a later year, from the codes it went to (each for the part of it that came from it). */
function forward(ctx: DerivationContext, indicator: string, links: readonly CrosswalkLink[], year: number, change: number, step: number): TerritoryValue {
  const rule = ctx.rules.get(indicator);
  if (!rule || rule.aggregation === 'none') return ABSENT;
  const parts = links.map((link) => ({ link, share: shareOfNewCode(ctx, link), v: territoryValue(ctx, indicator, link.to, year, change, step + 1) }));
  if (!parts.some((p) => p.v.present)) return ABSENT;
  if (rule.aggregation === 'sum') {
    const total = aggregate('sum', parts.map((p) => ({ areaCode: p.link.to, value: p.v.value === null || p.share === null ? null : p.v.value * p.share })));
    return { value: total.value, present: true, suppressed: false, changeYear: change };
  }
  if (parts.length === 1) return { value: parts[0]!.v.value, present: true, suppressed: false, changeYear: change };
  const weightIndicator = rule.weightIndicator;
  const members = parts.map((p) => {
    const weight = weightIndicator ? territoryValue(ctx, weightIndicator, p.link.to, year, change, step + 1).value : null;
    return { areaCode: p.link.to, value: p.v.value, weight: weight === null || p.share === null ? null : weight * p.share };
  });
  return { value: aggregate('weighted_mean', members).value, present: true, suppressed: false, changeYear: change };
}

/** Whether the territory has any recorded figure in the year (own, or through the codes it is made from). */
export function territoryHasFigures(ctx: Pick<DerivationContext, 'lineage' | 'own'>, code: string, year: number, reference: number, step = 0): boolean {
  if (step > MAX_STEPS) return false;
  if (year < reference) {
    const change = ctx.lineage.changeInto(code, year, reference);
    if (change) return change.links.some((l) => territoryHasFigures(ctx, l.from, year, change.year - 1, step + 1));
  } else if (year > reference) {
    const change = ctx.lineage.changeOutOf(code, reference, year);
    if (change) return change.links.some((l) => territoryHasFigures(ctx, l.to, year, change.year, step + 1));
  }
  return ctx.own.hasRow(code, year);
}

/** Whether a re-division lies between the year and the reference: the code's own row does not describe its territory then. */
export function crossesChange(lineage: Lineage, code: string, year: number, reference: number): boolean {
  if (year < reference) return lineage.changeInto(code, year, reference) !== null;
  if (year > reference) return lineage.changeOutOf(code, reference, year) !== null;
  return false;
}
