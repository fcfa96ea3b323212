import { describe, expect, it } from 'vitest';
import { cellId, deriveSuppressed, suppressCells, surveyGroups, type SuppressionGroup } from './suppression.js';

/** Hand-computed examples of primary and secondary suppression (docs/survey.md, "Suppression"). */

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

/**
 * A stronger attack than solving one equation at a time: a suppressed cell is derivable when its unit
 * vector lies in the row space of the equations over the unknown cells (Gaussian elimination).
 */
function linearlyDerivable(groups: readonly SuppressionGroup[], suppressed: ReadonlySet<string>): string[] {
  const unknown = [...suppressed].sort();
  const col = new Map(unknown.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const g of groups) {
    const row = new Array<number>(unknown.length).fill(0);
    let any = false;
    for (const [id, sign] of [[g.total, 1] as const, ...g.members.map((m) => [m, -1] as const)]) {
      const c = col.get(id);
      if (c !== undefined) {
        row[c] = (row[c] ?? 0) + sign;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  const rank = (matrix: number[][]) => {
    const m = matrix.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < unknown.length && r < m.length; c += 1) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (pivot < 0) continue;
      [m[r], m[pivot]] = [m[pivot]!, m[r]!];
      for (let i = 0; i < m.length; i += 1) {
        if (i === r) continue;
        const f = m[i]![c]! / m[r]![c]!;
        for (let k = c; k < unknown.length; k += 1) m[i]![k]! -= f * m[r]![k]!;
      }
      r += 1;
    }
    return r;
  };
  const base = rank(rows);
  return unknown.filter((id) => {
    const unit = unknown.map((other) => (other === id ? 1 : 0));
    return rank([...rows, unit]) === base;
  });
}

describe('small-number suppression', () => {
  it('one wijk: B1 (4) is below 10, so B2 (12), the smallest published buurt, is suppressed too', () => {
    const c = counts({ W: 41, B1: 4, B2: 12, B3: 25 });
    const groups = [{ total: 'W', members: ['B1', 'B2', 'B3'] }];
    // Primary alone would give B1 away: 41 − 12 − 25 = 4.
    expect(deriveSuppressed(c, groups, new Set(['B1']))).toEqual(new Map([['B1', 4]]));
    const suppressed = suppressCells(c, groups, 10);
    expect([...suppressed].sort()).toEqual(['B1', 'B2']);
    // With B2 withheld: 41 − 25 = 16 = B1 + B2, which says nothing about either.
    expect(deriveSuppressed(c, groups, suppressed)).toEqual(new Map());
    expect(linearlyDerivable(groups, suppressed)).toEqual([]);
  });

  it('a suppressed wijk makes another wijk suppressed in the total, and that one a buurt of its own', () => {
    // W1 = a 2 + b 3 = 5; W2 = c 40 + d 12 = 52; T = 57. Threshold 10.
    const c = counts({ T: 57, W1: 5, W2: 52, a: 2, b: 3, c: 40, d: 12 });
    const groups = [
      { total: 'W1', members: ['a', 'b'] },
      { total: 'W2', members: ['c', 'd'] },
      { total: 'T', members: ['W1', 'W2'] },
    ];
    // Primary: a, b, W1. T − W2 would give W1 (5), so W2 goes; then W2 − c would give W2, so d (12 < 40) goes.
    const suppressed = suppressCells(c, groups, 10);
    expect([...suppressed].sort()).toEqual(['W1', 'W2', 'a', 'b', 'd']);
    expect(deriveSuppressed(c, groups, suppressed)).toEqual(new Map());
    expect(linearlyDerivable(groups, suppressed)).toEqual([]);
  });

  it('two small buurten together below the threshold: the third is suppressed too, or 37 − 30 = 7 people would show', () => {
    // W 37 = b1 3 + b2 4 + b3 30. Primary: b1 and b2 (two cells, so neither alone follows), but together they
    // are 7 people whose count, and with the means their average, follow from W − b3: b3 is suppressed too.
    const c = counts({ W: 37, b1: 3, b2: 4, b3: 30 });
    const groups = [{ total: 'W', members: ['b1', 'b2', 'b3'] }];
    expect([...suppressCells(c, groups, 10)].sort()).toEqual(['b1', 'b2', 'b3']);
    // Empty buurten hide nobody: two suppressed buurten with 0 and 0 need no third.
    const empty = counts({ W: 30, b1: 0, b2: 0, b3: 30 });
    expect([...suppressCells(empty, groups, 10)].sort()).toEqual(['b1', 'b2']);
  });

  it('publishes everything when every cell reaches the threshold', () => {
    const c = counts({ W: 30, B1: 10, B2: 20 });
    expect(suppressCells(c, [{ total: 'W', members: ['B1', 'B2'] }], 10)).toEqual(new Set());
  });

  it('with the threshold at 5 the same table keeps more cells', () => {
    const c = counts({ W: 41, B1: 4, B2: 12, B3: 25 });
    expect([...suppressCells(c, [{ total: 'W', members: ['B1', 'B2', 'B3'] }], 5)].sort()).toEqual(['B1', 'B2']);
    const d = counts({ W: 42, B1: 5, B2: 12, B3: 25 });
    expect(suppressCells(d, [{ total: 'W', members: ['B1', 'B2', 'B3'] }], 5)).toEqual(new Set());
  });

  it('channels: 3 open answers in a buurt of 15 suppress the open cells, and so the code cells, keeping the total 15', () => {
    // Gemeente T with one wijk W with one buurt b: code 12, open 3, all 15 at each level.
    const tree = { totalCode: 'T', wijken: new Map([['W', ['b']]]) };
    const c = new Map<string, number>();
    for (const area of ['T', 'W', 'b']) {
      c.set(cellId(area, 'code'), 12);
      c.set(cellId(area, 'open'), 3);
      c.set(cellId(area, 'all'), 15);
    }
    const groups = surveyGroups(tree);
    const suppressed = suppressCells(c, groups, 10);
    expect([...suppressed].sort()).toEqual(['T|code', 'T|open', 'W|code', 'W|open', 'b|code', 'b|open']);
    expect(deriveSuppressed(c, groups, suppressed)).toEqual(new Map());
    expect(linearlyDerivable(groups, suppressed)).toEqual([]);
  });

  it('a wijk of three buurten and a second wijk, over both channels: no suppressed cell can be worked out', () => {
    // Buurten (code, open): b1 (8, 0), b2 (11, 2), b3 (30, 12) in W1; b4 (25, 15) alone in W2.
    const tree = { totalCode: 'T', wijken: new Map([['W1', ['b1', 'b2', 'b3']], ['W2', ['b4']]]) };
    const byBuurt: Record<string, [number, number]> = { b1: [8, 0], b2: [11, 2], b3: [30, 12], b4: [25, 15] };
    const c = new Map<string, number>();
    const add = (area: string, code: number, open: number) => {
      c.set(cellId(area, 'code'), (c.get(cellId(area, 'code')) ?? 0) + code);
      c.set(cellId(area, 'open'), (c.get(cellId(area, 'open')) ?? 0) + open);
      c.set(cellId(area, 'all'), (c.get(cellId(area, 'all')) ?? 0) + code + open);
    };
    for (const [b, [code, open]] of Object.entries(byBuurt)) {
      add(b, code, open);
      add(b === 'b4' ? 'W2' : 'W1', code, open);
      add('T', code, open);
    }
    const groups = surveyGroups(tree);
    const suppressed = suppressCells(c, groups, 10);
    // Worked out by hand (docs/survey.md, worked example):
    // primary: b1|code 8, b1|open 0, b1|all 8, b2|open 2.
    // W1|code 49 = 8 + 11 + 30: b1|code alone → b2|code (11); hidden 19, fine.
    // W1|open 14 = 0 + 2 + 12: two hidden, but together 2 people → b3|open (12); hidden 14.
    // W1|all 63 = 8 + 13 + 42: b1|all alone → b2|all (13); hidden 21.
    // b3: all 42 = code 30 + open 12, open alone → b3|code. b1, b2: all three hidden. Second pass: no change.
    expect([...suppressed].sort()).toEqual(['b1|all', 'b1|code', 'b1|open', 'b2|all', 'b2|code', 'b2|open', 'b3|code', 'b3|open']);
    expect(deriveSuppressed(c, groups, suppressed)).toEqual(new Map());
    expect(linearlyDerivable(groups, suppressed)).toEqual([]);
  });
});
