import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import type { FigureArea, VersionMark } from '../../areas/index.js';
import type { IndicatorRule } from './aggregation.js';
import { crossesChange, Lineage, OwnFigures, territoryHasFigures, territoryValue, type DerivationContext, type TerritoryValue } from './crosswalk.js';
import { findLinkedCrosswalks } from './crosswalk.queries.js';
import { findValuesOfAreas, type IndicatorDefinition } from './values.queries.js';
import { valuesDb } from './values.tables.js';

export interface AcrossOptions {
  /**
   * Tell each area in its territory of this year when it existed then (a goal's baseline year), instead of
   * its current division: an old code's later figures are then carried forward from its new codes.
   */
  territoryYear?: number | undefined;
}

/**
 * The re-divisions (crosswalks) around some areas, loaded once for a profile or a whole series: which of
 * their years cross a change, and their figures carried across it (crosswalk.ts). For areas no crosswalk
 * touches (nearly all) it is empty after one indexed query.
 */
export class AcrossDivisions {
  private constructor(
    private readonly ctx: DerivationContext | null,
    private readonly references: ReadonlyMap<string, number>,
  ) {}

  static readonly NONE = new AcrossDivisions(null, new Map());

  /**
   * The re-divisions around a CBS area or a focus area's members. Nothing to read when no crosswalk names
   * them (FigureArea.reDivided, read with the area), which is nearly always.
   */
  static async around(db: Kysely<Database>, area: FigureArea, catalogue: readonly IndicatorDefinition[] | Promise<readonly IndicatorDefinition[]>, options: AcrossOptions = {}): Promise<AcrossDivisions> {
    if (!area.reDivided) return AcrossDivisions.NONE;
    return AcrossDivisions.load(db, area.members ?? [area.code], area.versions, catalogue, options);
  }

  /** `catalogue` may be still on its way: it is only needed when a crosswalk touches the areas. */
  static async load(
    db: Kysely<Database>,
    areas: readonly string[],
    /** The areas' versions, newest first (FigureArea.versions): when they began, and whether a later one brought an ended code back. */
    versions: ReadonlyMap<string, readonly VersionMark[]>,
    catalogue: readonly IndicatorDefinition[] | Promise<readonly IndicatorDefinition[]>,
    options: AcrossOptions = {},
  ): Promise<AcrossDivisions> {
    const vdb = valuesDb(db);
    const links = await findLinkedCrosswalks(vdb, areas);
    if (links.length === 0) return AcrossDivisions.NONE;
    const lineage = new Lineage(links);
    const definitions = await catalogue;
    const rows = await findValuesOfAreas(vdb, [...new Set([...areas, ...lineage.codes()])], { indicators: definitions });
    const own = new OwnFigures();
    for (const row of rows) own.add(row.indicator_code, row.area_code, row.year, { value: row.value, suppressed: row.suppressed });
    const rules = new Map<string, IndicatorRule>(definitions.map((d) => [d.code, { code: d.code, aggregation: d.aggregation, weightIndicator: d.weight_indicator }]));
    const references = new Map<string, number>();
    for (const code of areas) {
      const years = (versions.get(code) ?? []).map((v) => v.year);
      const current = lineage.defaultReference(code, years.length ? Math.max(...years) : undefined);
      const wanted = options.territoryYear;
      // Only a territory the code had: a code made by a later re-division has no earlier one of its own.
      references.set(code, wanted !== undefined && years.length && Math.min(...years) <= wanted ? Math.min(wanted, current) : current);
    }
    return new AcrossDivisions({ lineage, own, rules }, references);
  }

  private reference(code: string): number | undefined {
    return this.references.get(code);
  }

  /** Whether the area's own figures of the year do not describe its territory (a change lies between). */
  crosses(code: string, year: number): boolean {
    const reference = this.reference(code);
    return this.ctx !== null && reference !== undefined && crossesChange(this.ctx.lineage, code, year, reference);
  }

  /** The area's figures of the year, carried across the re-divisions into its territory. */
  derive(code: string, year: number, indicators: readonly string[]): Map<string, TerritoryValue> {
    const out = new Map<string, TerritoryValue>();
    const reference = this.reference(code);
    if (!this.ctx || reference === undefined) return out;
    for (const indicator of indicators) out.set(indicator, territoryValue(this.ctx, indicator, code, year, reference));
    return out;
  }

  /** The years the area's territory has figures in through its re-divisions (besides its own years). */
  years(code: string): number[] {
    const reference = this.reference(code);
    const ctx = this.ctx;
    if (!ctx || reference === undefined) return [];
    const candidates = new Set(ctx.lineage.codes().flatMap((c) => ctx.own.years(c)));
    return [...candidates].filter((year) => territoryHasFigures(ctx, code, year, reference)).sort((a, b) => a - b);
  }
}
