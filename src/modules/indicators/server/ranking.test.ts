import { describe, expect, it } from 'vitest';
import { rankAreas, type RankingArea } from './ranking.js';

const area = (code: string, values: Record<string, number | null>): RankingArea => ({ code, name: `Buurt ${code}`, values: new Map(Object.entries(values)) });

describe('rankAreas', () => {
  it('computes population z-scores and a weighted composite, hand-computed', () => {
    // unemployment 2, 4, 6: mean 4, population sd √(8/3) = 1.632993; z = −1.224745, 0, 1.224745
    // income 30, 20, 10 (lower is worse): z oriented = +(mean − x)/sd = −1.224745, 0, 1.224745
    const areas = [area('A', { unemployment: 2, income: 30 }), area('B', { unemployment: 4, income: 20 }), area('C', { unemployment: 6, income: 10 })];
    const result = rankAreas(areas, [
      { indicator: 'unemployment', weight: 2, direction: 'higher_is_worse' },
      { indicator: 'income', weight: 1, direction: 'lower_is_worse' },
    ]);
    expect(result.items.map((i) => [i.rank, i.areaCode])).toEqual([[1, 'C'], [2, 'B'], [3, 'A']]);
    expect(result.items[0]?.scores.unemployment).toBeCloseTo(1.224744871, 8);
    expect(result.items[0]?.scores.income).toBeCloseTo(1.224744871, 8);
    expect(result.items[0]?.score).toBeCloseTo(1.224744871, 8);
    expect(result.items[1]?.score).toBe(0);
    expect(result.items[0]?.values).toEqual({ unemployment: 6, income: 10 });
    expect(result.notes).toEqual([]);
  });

  it('weights the criteria: (3 × 1.5 + 1 × −0.5) / 4 = 1', () => {
    // x = 0, 0, 0, 4 → mean 1, sd √3; y = 1, 1, 1, 1 would have no spread, so use y = 0, 2, 0, 2 → mean 1, sd 1
    const areas = [area('A', { x: 0, y: 0 }), area('B', { x: 0, y: 2 }), area('C', { x: 0, y: 0 }), area('D', { x: 4, y: 2 })];
    const result = rankAreas(areas, [
      { indicator: 'x', weight: 3, direction: 'higher_is_worse' },
      { indicator: 'y', weight: 1, direction: 'higher_is_worse' },
    ]);
    const d = result.items.find((i) => i.areaCode === 'D');
    expect(d?.scores.x).toBeCloseTo(3 / Math.sqrt(3), 12);
    expect(d?.score).toBeCloseTo((3 * Math.sqrt(3) + 1) / 4, 12);
    expect(d?.rank).toBe(1);
  });

  it('gives tied areas the same rank (1, 2, 2, 4), ordered by code', () => {
    const areas = [area('D', { x: 1 }), area('B', { x: 5 }), area('C', { x: 5 }), area('A', { x: 9 })];
    const result = rankAreas(areas, [{ indicator: 'x', weight: 1, direction: 'higher_is_worse' }]);
    expect(result.items.map((i) => [i.rank, i.areaCode])).toEqual([[1, 'A'], [2, 'B'], [2, 'C'], [4, 'D']]);
  });

  it('gives z = 0 with a note for a criterion without spread', () => {
    const areas = [area('A', { x: 7, y: 1 }), area('B', { x: 7, y: 3 })];
    const result = rankAreas(areas, [
      { indicator: 'x', weight: 1, direction: 'higher_is_worse' },
      { indicator: 'y', weight: 1, direction: 'higher_is_worse' },
    ]);
    expect(result.items.map((i) => i.scores.x)).toEqual([0, 0]);
    expect(result.items.map((i) => [i.areaCode, i.score])).toEqual([['B', 0.5], ['A', -0.5]]);
    expect(result.notes).toEqual(['x: every area has the same value, so it cannot tell areas apart (z = 0)']);
  });

  it('excludes areas missing a criterion, and computes z over the rest', () => {
    const areas = [area('A', { x: 1, y: 1 }), area('B', { x: 3, y: null }), area('C', { x: 3, y: 3 })];
    const result = rankAreas(areas, [
      { indicator: 'x', weight: 1, direction: 'higher_is_worse' },
      { indicator: 'y', weight: 1, direction: 'higher_is_worse' },
    ]);
    expect(result.excluded).toEqual([{ areaCode: 'B', name: 'Buurt B', missing: ['y'] }]);
    expect(result.items.map((i) => [i.areaCode, i.score])).toEqual([['C', 1], ['A', -1]]);
  });

  it('refuses criteria without weight', () => {
    expect(() => rankAreas([area('A', { x: 1 })], [{ indicator: 'x', weight: 0, direction: 'higher_is_worse' }])).toThrow();
  });
});
