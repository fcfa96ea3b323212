import { describe, expect, it } from 'vitest';
import type { IndicatorRule } from './aggregation.js';
import { CURRENT, Lineage, OwnFigures, crossesChange, shareOfNewCode, territoryHasFigures, territoryValue, type CrosswalkLink, type DerivationContext } from './crosswalk.js';

/**
 * The derivation across a re-division, with numbers worked out by hand. The 2020 figures are CBS's for six
 * Dordrecht buurten (Wijk- en buurtkaart 2020; Bron: CBS, Kadaster). The re-division of 2022 and the 2024
 * figures of the new codes are made up for the test:
 *   split      BU05050100 (815 inhabitants, 8 % aged 0–14) → BU05050120 (0.6) and BU05050121 (0.4)
 *   merge      BU05050101 (825, 10 %) and BU05050102 (580, 7 %) → BU05050122
 *   shift      BU05050103 (440, 10 %) keeps 0.75 and gives 0.25 to BU05050104 (185, 4 %), which keeps itself
 */

const rules = new Map<string, IndicatorRule>([
  ['inhabitants', { code: 'inhabitants', aggregation: 'sum', weightIndicator: null }],
  ['share_age_0_14', { code: 'share_age_0_14', aggregation: 'weighted_mean', weightIndicator: 'inhabitants' }],
  ['average_household_size', { code: 'average_household_size', aggregation: 'none', weightIndicator: null }],
]);

const link = (from: string, to: string, weight: number, year = 2022, basis: CrosswalkLink['basis'] = 'inhabitants'): CrosswalkLink => ({ year, from, to, weight, basis });
const LINKS = [
  link('BU05050100', 'BU05050120', 0.6),
  link('BU05050100', 'BU05050121', 0.4),
  link('BU05050101', 'BU05050122', 1),
  link('BU05050102', 'BU05050122', 1),
  link('BU05050103', 'BU05050103', 0.75),
  link('BU05050103', 'BU05050104', 0.25),
  link('BU05050104', 'BU05050104', 1),
];

function figures(): OwnFigures {
  const own = new OwnFigures();
  const put = (code: string, year: number, inhabitants: number | null, share: number | null, size?: number) => {
    own.add('inhabitants', code, year, { value: inhabitants, suppressed: false });
    own.add('share_age_0_14', code, year, { value: share, suppressed: false });
    if (size !== undefined) own.add('average_household_size', code, year, { value: size, suppressed: false });
  };
  put('BU05050100', 2020, 815, 8, 1.7);
  put('BU05050101', 2020, 825, 10, 1.8);
  put('BU05050102', 2020, 580, 7, 1.5);
  put('BU05050103', 2020, 440, 10, 1.9);
  put('BU05050104', 2020, 185, 4, 1.7);
  put('BU05050120', 2024, 500, 9);
  put('BU05050121', 2024, 340, 12);
  put('BU05050122', 2024, 1500, 9);
  put('BU05050103', 2024, 320, 11);
  put('BU05050104', 2024, 300, 6);
  return own;
}

const context = (links: CrosswalkLink[] = LINKS, own = figures()): DerivationContext => ({ lineage: new Lineage(links), own, rules });
const value = (ctx: DerivationContext, indicator: string, code: string, year: number, reference = CURRENT) => territoryValue(ctx, indicator, code, year, reference);

describe('a new code in the years before its division (backward)', () => {
  const ctx = context();
  it('a split: counts by the weights (0.6 × 815 = 489, 0.4 × 815 = 326), shares carried (8 %)', () => {
    expect(value(ctx, 'inhabitants', 'BU05050120', 2020)).toEqual({ value: 489, present: true, suppressed: false, changeYear: 2022 });
    expect(value(ctx, 'inhabitants', 'BU05050121', 2020).value).toBeCloseTo(326, 9);
    expect(value(ctx, 'share_age_0_14', 'BU05050120', 2020)).toEqual({ value: 8, present: true, suppressed: false, changeYear: 2022 });
  });
  it('a merge: 825 + 580 = 1,405; the share weighted by inhabitants, (10 × 825 + 7 × 580) / 1,405 = 8.7616 %', () => {
    expect(value(ctx, 'inhabitants', 'BU05050122', 2020).value).toBe(1405);
    expect(value(ctx, 'share_age_0_14', 'BU05050122', 2020).value).toBeCloseTo(12_310 / 1405, 9);
    expect(12_310 / 1405).toBeCloseTo(8.7616, 4);
  });
  it('a code that continues with another shape: BU05050104 = 185 + 0.25 × 440 = 295, share (4 × 185 + 10 × 110) / 295 = 6.2373 %', () => {
    expect(value(ctx, 'inhabitants', 'BU05050104', 2020).value).toBe(295);
    expect(value(ctx, 'share_age_0_14', 'BU05050104', 2020).value).toBeCloseTo(1840 / 295, 9);
    expect(value(ctx, 'inhabitants', 'BU05050103', 2020).value).toBe(330);
    expect(value(ctx, 'share_age_0_14', 'BU05050103', 2020).value).toBe(10);
  });
  it('an indicator that cannot be aggregated (none) is not derived', () => {
    expect(value(ctx, 'average_household_size', 'BU05050120', 2020).present).toBe(false);
  });
  it('after the change the new code has its own figures, unmarked', () => {
    expect(value(ctx, 'inhabitants', 'BU05050120', 2024)).toEqual({ value: 500, present: true, suppressed: false, changeYear: null });
  });
  it('a suppressed or missing part makes a count unknown (never reconstructed), but the year is still there', () => {
    const own = figures();
    own.add('inhabitants', 'BU05050101', 2020, { value: null, suppressed: true });
    expect(value(context(LINKS, own), 'inhabitants', 'BU05050122', 2020)).toEqual({ value: null, present: true, suppressed: false, changeYear: 2022 });
    expect(value(context(LINKS, own), 'inhabitants', 'BU05050120', 2020).value).toBe(489);
  });
  it('two re-divisions in a row are followed: BU05050120 renamed BU05050130 in 2024 still reaches 0.6 × 815 in 2020', () => {
    const ctx2 = context([...LINKS, link('BU05050120', 'BU05050130', 1, 2024)]);
    expect(value(ctx2, 'inhabitants', 'BU05050130', 2020)).toEqual({ value: 489, present: true, suppressed: false, changeYear: 2024 });
  });
});

describe('an old code in the years after its division (forward)', () => {
  const ctx = context();
  it('an ended code carries on in its last territory: BU05050100 in 2024 = 500 + 340 = 840, share (9 × 500 + 12 × 340) / 840 = 10.214 %', () => {
    const reference = ctx.lineage.defaultReference('BU05050100', 2020);
    expect(reference).toBe(2021);
    expect(value(ctx, 'inhabitants', 'BU05050100', 2024, reference)).toEqual({ value: 840, present: true, suppressed: false, changeYear: 2022 });
    expect(value(ctx, 'share_age_0_14', 'BU05050100', 2024, reference).value).toBeCloseTo(8580 / 840, 9);
  });
  it('a merged code counts for its share by inhabitants before the change: 1,500 × 825 / 1,405 = 880.78; its share is carried (9 %)', () => {
    expect(shareOfNewCode(ctx, link('BU05050101', 'BU05050122', 1))).toBeCloseTo(825 / 1405, 12);
    expect(value(ctx, 'inhabitants', 'BU05050101', 2024, 2021).value).toBeCloseTo((1500 * 825) / 1405, 9);
    expect(value(ctx, 'share_age_0_14', 'BU05050101', 2024, 2021).value).toBe(9);
  });
  it('a continuing code told in its 2020 territory (a goal set in 2020): 320 + 300 × 110 / 295 = 431.86', () => {
    const part = (300 * 110) / 295;
    expect(value(ctx, 'inhabitants', 'BU05050103', 2024, 2020).value).toBeCloseTo(320 + part, 9);
    expect(value(ctx, 'share_age_0_14', 'BU05050103', 2024, 2020).value).toBeCloseTo((11 * 320 + 6 * part) / (320 + part), 9);
    // In its current territory the same year is simply its own figure.
    expect(value(ctx, 'inhabitants', 'BU05050103', 2024).value).toBe(320);
  });
  it('without the basis of every source, or with sources shared on different bases, the part is unknown', () => {
    const own = figures();
    const noBasis = new OwnFigures();
    noBasis.add('inhabitants', 'BU05050120', 2024, { value: 500, suppressed: false });
    expect(shareOfNewCode(context(LINKS, noBasis), link('BU05050101', 'BU05050122', 1))).toBeNull();
    const mixed = LINKS.map((l) => (l.from === 'BU05050102' ? { ...l, basis: 'area' as const } : l));
    expect(shareOfNewCode(context(mixed, own), link('BU05050101', 'BU05050122', 1))).toBeNull();
    expect(value(context(mixed, own), 'inhabitants', 'BU05050101', 2024, 2021)).toEqual({ value: null, present: true, suppressed: false, changeYear: 2022 });
  });
  it('by area: the shares of the sources weighted by their area in hectares', () => {
    const own = figures();
    own.add('area_total_ha', 'BU05050101', 2020, { value: 9, suppressed: false });
    own.add('area_total_ha', 'BU05050102', 2020, { value: 4, suppressed: false });
    const byArea = LINKS.map((l) => (l.to === 'BU05050122' ? { ...l, basis: 'area' as const } : l));
    expect(shareOfNewCode(context(byArea, own), byArea.find((l) => l.from === 'BU05050101')!)).toBeCloseTo(9 / 13, 12);
  });
});

describe('which years a territory has, and where the break lies', () => {
  const ctx = context();
  it('a new code has the years of the codes it came from before the change', () => {
    expect(territoryHasFigures(ctx, 'BU05050120', 2020, CURRENT)).toBe(true);
    expect(territoryHasFigures(ctx, 'BU05050120', 2019, CURRENT)).toBe(false);
    expect(territoryHasFigures(ctx, 'BU05050100', 2024, 2021)).toBe(true);
  });
  it('a re-division between the year and the reference means the own row does not describe the territory', () => {
    expect(crossesChange(ctx.lineage, 'BU05050103', 2020, CURRENT)).toBe(true);
    expect(crossesChange(ctx.lineage, 'BU05050103', 2024, CURRENT)).toBe(false);
    expect(crossesChange(ctx.lineage, 'BU05050105', 2020, CURRENT)).toBe(false);
  });
  it('a code that a later version brought back is not ended', () => {
    expect(ctx.lineage.defaultReference('BU05050100', 2023)).toBe(CURRENT);
    expect(ctx.lineage.defaultReference('BU05050103', 2020)).toBe(CURRENT);
  });
});
