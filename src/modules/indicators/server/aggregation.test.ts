import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregate, aggregateOver, resolveValue, withoutEmptyAreas, type AggregationContext, type IndicatorRule, type Observation } from './aggregation.js';

// Real CBS figures: Wijk- en buurtkaart 2020, buurten of Dordrecht (Bron: CBS, Kadaster, CC BY 4.0).
const CSV = readFileSync(new URL('./testdata/dordrecht_buurten_2020.csv', import.meta.url), 'utf8');

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.trim().split(/\r?\n/);
  const split = (line: string) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1] ?? '');
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((v, i) => [header[i] ?? '', v])));
}
const rows = parseCsv(CSV);
const num = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));
const DORDT_WEST_WIJKEN = ['WK050503', 'WK050504', 'WK050507', 'WK050508'];
const dordtWest = rows.filter((r) => DORDT_WEST_WIJKEN.includes(r.wk_code ?? ''));

const RULES = new Map<string, IndicatorRule>([
  ['inhabitants', { code: 'inhabitants', aggregation: 'sum', weightIndicator: null }],
  ['households', { code: 'households', aggregation: 'sum', weightIndicator: null }],
  ['share_age_0_14', { code: 'share_age_0_14', aggregation: 'weighted_mean', weightIndicator: 'inhabitants' }],
  ['share_one_person_households', { code: 'share_one_person_households', aggregation: 'weighted_mean', weightIndicator: 'households' }],
  ['average_household_size', { code: 'average_household_size', aggregation: 'none', weightIndicator: null }],
]);
const COLUMN: Record<string, string> = {
  inhabitants: 'aant_inw',
  households: 'aantal_hh',
  share_age_0_14: 'p_00_14_jr',
  share_one_person_households: 'p_eenp_hh',
  average_household_size: 'gem_hh_gr',
};

/** Buurt observations as the database holds them: an empty CSV cell is a row with value null. */
function observationsOf(buurten: Record<string, string>[]): Map<string, Map<string, Observation>> {
  const obs = new Map<string, Map<string, Observation>>();
  for (const [indicator, column] of Object.entries(COLUMN)) {
    obs.set(indicator, new Map(buurten.map((r) => [r.bu_code ?? '', { value: num(r[column]), suppressed: false }])));
  }
  return obs;
}

describe('aggregate() on Dordt West 2020 (26 buurten of wijken 03, 04, 07, 08)', () => {
  it('has the 26 buurten', () => {
    expect(dordtWest).toHaveLength(26);
  });

  it('sums inhabitants: 30,495 (hand-computed), and equals an independent loop', () => {
    let expected = 0;
    for (const r of dordtWest) expected += Number(r.aant_inw);
    const result = aggregate('sum', dordtWest.map((r) => ({ areaCode: r.bu_code ?? '', value: num(r.aant_inw) })));
    expect(result.value).toBe(expected);
    expect(result.value).toBe(30495);
    expect(result.missing).toEqual([]);
  });

  it('weights the share aged 0–14 by inhabitants: 544,690 / 30,495 = 17.8616… %', () => {
    let numerator = 0;
    let denominator = 0;
    for (const r of dordtWest) {
      if (r.p_00_14_jr === '') continue; // only BU05050706, which has 0 inhabitants
      numerator += Number(r.p_00_14_jr) * Number(r.aant_inw);
      denominator += Number(r.aant_inw);
    }
    const result = aggregate('weighted_mean', dordtWest.map((r) => ({ areaCode: r.bu_code ?? '', value: num(r.p_00_14_jr), weight: num(r.aant_inw) })));
    expect(result.value).toBeCloseTo(numerator / denominator, 12);
    expect(result.value).toBeCloseTo(17.861616658, 8);
    // The naive mean of the 25 buurt percentages is another number: weighting matters.
    const shares = dordtWest.map((r) => num(r.p_00_14_jr)).filter((v): v is number => v !== null);
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBe(17);
    // A buurt with 0 inhabitants has no share to contribute: not missing.
    expect(result.missing).toEqual([]);
  });

  it('weights one-person households by households: 44.7495 %', () => {
    const result = aggregate('weighted_mean', dordtWest.map((r) => ({ areaCode: r.bu_code ?? '', value: num(r.p_eenp_hh), weight: num(r.aantal_hh) })));
    expect(result.value).toBeCloseTo(648420 / 14490, 10);
    expect(result.value).toBeCloseTo(44.7494824, 6);
  });

  it('does not aggregate average household size (rule none): null, never a naive mean', () => {
    const result = aggregate('none', dordtWest.map((r) => ({ areaCode: r.bu_code ?? '', value: num(r.gem_hh_gr) })));
    expect(result).toEqual({ value: null, aggregation: 'none', members: 26, missing: [] });
  });
});

describe('aggregate() with missing members', () => {
  it('makes a sum null when one member is unknown, and names it', () => {
    expect(aggregate('sum', [{ areaCode: 'A', value: 10 }, { areaCode: 'B', value: null }])).toEqual({ value: null, aggregation: 'sum', members: 2, missing: ['B'] });
  });
  it('gives null for a sum over no members', () => {
    expect(aggregate('sum', []).value).toBeNull();
  });
  it('tolerates a missing share carrying at most 1 % of the weight', () => {
    const members = [
      { areaCode: 'A', value: 10, weight: 990 },
      { areaCode: 'B', value: null, weight: 10 },
    ];
    expect(aggregate('weighted_mean', members)).toEqual({ value: 10, aggregation: 'weighted_mean', members: 2, missing: ['B'] });
  });
  it('gives null when a missing share carries more than 1 % of the weight', () => {
    const members = [
      { areaCode: 'A', value: 10, weight: 989 },
      { areaCode: 'B', value: null, weight: 11 },
    ];
    expect(aggregate('weighted_mean', members).value).toBeNull();
  });
  it('gives null when a weight is unknown', () => {
    const members = [
      { areaCode: 'A', value: 10, weight: 1000 },
      { areaCode: 'B', value: 20, weight: null },
    ];
    expect(aggregate('weighted_mean', members)).toEqual({ value: null, aggregation: 'weighted_mean', members: 2, missing: ['B'] });
  });
  it('computes a hand-made weighted mean exactly: (10×1 + 40×3) / 4 = 32.5', () => {
    expect(aggregate('weighted_mean', [{ areaCode: 'A', value: 10, weight: 1 }, { areaCode: 'B', value: 40, weight: 3 }]).value).toBe(32.5);
  });
});

describe('resolveValue() / aggregateOver(): own value first, else from the parts', () => {
  const buurtObs = observationsOf(dordtWest);
  const childrenOf = new Map<string, string[]>(DORDT_WEST_WIJKEN.map((wk) => [wk, dordtWest.filter((r) => r.wk_code === wk).map((r) => r.bu_code ?? '')]));

  it('aggregates Dordt West from wijk members that only have buurt figures to the same numbers', () => {
    const ctx: AggregationContext = { rules: RULES, observations: buurtObs, childrenOf };
    expect(aggregateOver(ctx, 'inhabitants', DORDT_WEST_WIJKEN).value).toBe(30495);
    expect(aggregateOver(ctx, 'share_age_0_14', DORDT_WEST_WIJKEN).value).toBeCloseTo(17.861616658, 8);
    expect(aggregateOver(ctx, 'average_household_size', DORDT_WEST_WIJKEN)).toMatchObject({ value: null, aggregation: 'none' });
  });

  it('prefers a wijk’s own figure over its buurten', () => {
    const obs = new Map(buurtObs);
    obs.set('inhabitants', new Map([...(buurtObs.get('inhabitants') ?? []), ['WK050503', { value: 10_000, suppressed: false }]]));
    const ctx: AggregationContext = { rules: RULES, observations: obs, childrenOf };
    const wk03 = dordtWest.filter((r) => r.wk_code === 'WK050503').reduce((a, r) => a + Number(r.aant_inw), 0);
    expect(wk03).toBe(10615);
    expect(aggregateOver(ctx, 'inhabitants', DORDT_WEST_WIJKEN).value).toBe(30495 - 10615 + 10_000);
  });

  it('never reconstructs a suppressed own value from the parts', () => {
    const obs = new Map(buurtObs);
    obs.set('inhabitants', new Map([...(buurtObs.get('inhabitants') ?? []), ['WK050503', { value: 10615, suppressed: true }]]));
    const ctx: AggregationContext = { rules: RULES, observations: obs, childrenOf };
    expect(resolveValue(ctx, 'inhabitants', 'WK050503')).toEqual({ value: null, suppressed: true, source: 'own', missing: [] });
    expect(aggregateOver(ctx, 'inhabitants', DORDT_WEST_WIJKEN)).toMatchObject({ value: null, missing: ['WK050503'] });
  });

  it('computes the Dordrecht share 0–14 from its 129 land buurten: 15.6595 %, with the tiny buurten (0.15 % of inhabitants) missing', () => {
    const ctx: AggregationContext = { rules: RULES, observations: observationsOf(rows), childrenOf: new Map() };
    const land = rows.filter((r) => r.bu_code !== 'BU05059997').map((r) => r.bu_code ?? '');
    const share = aggregateOver(ctx, 'share_age_0_14', land);
    expect(share.value).toBeCloseTo(15.659528818, 8);
    // Missing: buurten with inhabitants but no share (suppressed by CBS).
    expect(share.missing).toHaveLength(rows.filter((r) => r.p_00_14_jr === '' && r.aant_inw !== '0' && r.aant_inw !== '').length);
    expect(aggregateOver(ctx, 'inhabitants', land).value).toBe(119030);
  });

  it('gives up on all 130 buurten as such: the water buurt BU05059997 has no inhabitants figure, so neither weight nor total is known', () => {
    const ctx: AggregationContext = { rules: RULES, observations: observationsOf(rows), childrenOf: new Map() };
    const all = rows.map((r) => r.bu_code ?? '');
    expect(aggregateOver(ctx, 'share_age_0_14', all).value).toBeNull();
    expect(aggregateOver(ctx, 'inhabitants', all)).toMatchObject({ value: null, missing: ['BU05059997'] });
  });

  it('leaves out only the water buurt, which has no figure at all, and then aggregates all of Dordrecht', () => {
    const ctx: AggregationContext = { rules: RULES, observations: observationsOf(rows), childrenOf: new Map() };
    const all = rows.map((r) => r.bu_code ?? '');
    const withFigures = withoutEmptyAreas(ctx, all);
    expect(all.filter((code) => !withFigures.includes(code))).toEqual(['BU05059997']);
    expect(aggregateOver(ctx, 'share_age_0_14', withFigures).value).toBeCloseTo(15.659528818, 8);
    expect(aggregateOver(ctx, 'inhabitants', withFigures).value).toBe(119030);
  });

  it('keeps an area whose only figure is suppressed, and one known through its parts', () => {
    const obs = new Map([['share_age_0_14', new Map([['A', { value: null, suppressed: true }], ['B', { value: null, suppressed: false }], ['C1', { value: 3, suppressed: false }]])]]);
    const ctx: AggregationContext = { rules: RULES, observations: obs, childrenOf: new Map([['C', ['C1']], ['D', ['D1']]]) };
    expect(withoutEmptyAreas(ctx, ['A', 'B', 'C', 'D'])).toEqual(['A', 'C']);
  });
});
