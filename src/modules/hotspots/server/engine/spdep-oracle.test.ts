import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridDisk, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseGiStar, analyseLocalMoran } from './analyse.js';
import { contiguityNeighbours, type PolygonParts } from './contiguity.js';
import { ringNeighbours } from './h3-rings.js';
import { knnNeighbours } from './knn.js';
import { neighbourListsOf, type Neighbours } from './neighbours.js';
import { twoSidedP } from './normal-tail.js';
import { runRscript } from './oracle/run-r.js';
import { loadH3 } from './h3.js';

// The code under test uses h3-js through the module's lazy loader; some cases are built at collection time.
await loadH3();

/**
 * The oracle: R spdep computes Gi* (localG on include.self, binary weights), local Moran's I (localmoran on
 * row-standardised weights) and p.adjust(BH) on generated data, and the engine must agree to 1e-9. Cases:
 * a regular grid, an irregular polygon mosaic with gaps and an island (queen and rook differ), k nearest
 * neighbours, and H3 rings. R writes its neighbour lists too, so contiguity is checked against poly2nb.
 */

const HERE = fileURLToPath(new URL('.', import.meta.url));
const TOLERANCE = 1e-9;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts with a planted hot and cold region, so there is something to find and some bins are not 0. */
function plantedValues(xs: readonly number[], ys: readonly number[], rand: () => number): number[] {
  return xs.map((x, i) => {
    const y = ys[i]!;
    const hot = Math.exp(-((x - 0.3) ** 2 + (y - 0.7) ** 2) / 0.02) * 20;
    const cold = Math.exp(-((x - 0.75) ** 2 + (y - 0.25) ** 2) / 0.03) * -6;
    return Math.max(0, Math.round(8 + hot + cold + (rand() - 0.5) * 6));
  });
}

interface Case {
  name: string;
  values: number[];
  neighbours: Neighbours;
  write: (dir: string) => void;
}

/** A mosaic of quadrilaterals on a jittered lattice: neighbours share exact vertices, like CBS buurten. */
function mosaicCase(name: string, rule: 'queen' | 'rook', seed: number): Case & { polygons: PolygonParts[] } {
  const rand = random(seed);
  const rows = 11;
  const cols = 13;
  const vertex: number[][][] = [];
  for (let r = 0; r <= rows; r++) {
    vertex.push([]);
    for (let c = 0; c <= cols; c++) vertex[r]!.push([c + (rand() - 0.5) * 0.6 * (c > 0 && c < cols ? 1 : 0), r + (rand() - 0.5) * 0.6 * (r > 0 && r < rows ? 1 : 0)]);
  }
  const polygons: PolygonParts[] = [];
  const centres: { x: number; y: number }[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (rand() < 0.08) continue; // gaps: water, so some areas lose neighbours
      const ring = [vertex[r]![c]!, vertex[r]![c + 1]!, vertex[r + 1]![c + 1]!, vertex[r + 1]![c]!, vertex[r]![c]!];
      polygons.push([ring]);
      centres.push({ x: (c + 0.5) / cols, y: (r + 0.5) / rows });
    }
  }
  // An island far away: no neighbours at all.
  polygons.push([[[40, 40], [41, 40], [41, 41], [40, 41], [40, 40]]]);
  centres.push({ x: 0.5, y: 0.5 });
  const values = plantedValues(centres.map((c) => c.x), centres.map((c) => c.y), rand);
  return {
    name,
    values,
    polygons,
    neighbours: contiguityNeighbours(polygons, rule),
    write: (dir) => {
      const features = polygons.map((parts, i) => ({ type: 'Feature', properties: { id: i }, geometry: { type: 'Polygon', coordinates: parts } }));
      writeFileSync(join(dir, 'polygons.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
      writeFileSync(join(dir, 'rule.txt'), `${rule}\n`);
    },
  };
}

function gridCase(rule: 'queen' | 'rook'): Case {
  const rand = random(7);
  const polygons: PolygonParts[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < 15; r++) {
    for (let c = 0; c < 20; c++) {
      polygons.push([[[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]]]);
      xs.push((c + 0.5) / 20);
      ys.push((r + 0.5) / 15);
    }
  }
  const values = plantedValues(xs, ys, rand);
  return {
    name: `grid-${rule}`,
    values,
    neighbours: contiguityNeighbours(polygons, rule),
    write: (dir) => {
      const features = polygons.map((parts, i) => ({ type: 'Feature', properties: { id: i }, geometry: { type: 'Polygon', coordinates: parts } }));
      writeFileSync(join(dir, 'polygons.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
      writeFileSync(join(dir, 'rule.txt'), `${rule}\n`);
    },
  };
}

function knnCase(k: number): Case {
  const rand = random(11 + k);
  const n = 180;
  const xs = Float64Array.from({ length: n }, () => rand() * 1000);
  const ys = Float64Array.from({ length: n }, () => rand() * 1000);
  const values = plantedValues([...xs].map((x) => x / 1000), [...ys].map((y) => y / 1000), rand);
  return {
    name: `knn-${k}`,
    values,
    neighbours: knnNeighbours(xs, ys, k),
    write: (dir) => {
      writeFileSync(join(dir, 'coords.csv'), `x,y\n${[...xs].map((x, i) => `${x},${ys[i]}`).join('\n')}\n`);
      writeFileSync(join(dir, 'k.txt'), `${k}\n`);
    },
  };
}

function h3Case(): Case {
  const rand = random(5);
  const cells = gridDisk(latLngToCell(51.81, 4.67, 9), 9);
  const kept = cells.filter(() => rand() > 0.1);
  const neighbours = ringNeighbours(kept, 1);
  const values = kept.map((_, i) => Math.round(rand() * 10 + (i < 40 ? 12 : 0)));
  return {
    name: 'h3-ring1',
    values,
    neighbours,
    write: (dir) => writeFileSync(join(dir, 'neighbours.csv'), `${neighbourListsOf(neighbours).map((l) => l.join(' ')).join('\n')}\n`),
  };
}

interface ROutput {
  nb: number[][];
  gi: number[];
  giP: number[];
  giBh: number[];
  ii: number[];
  zi: number[];
  pi: number[];
  piBh: number[];
}

function readROutput(file: string): ROutput {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const out: ROutput = { nb: [], gi: [], giP: [], giBh: [], ii: [], zi: [], pi: [], piBh: [] };
  for (const line of lines) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    out.nb.push(cells[0] ? cells[0].split(' ').map(Number) : []);
    const numbers = cells.slice(1).map((c) => (c === 'NaN' || c === 'NA' ? Number.NaN : Number(c)));
    out.gi.push(numbers[0]!);
    out.giP.push(numbers[1]!);
    out.giBh.push(numbers[2]!);
    out.ii.push(numbers[3]!);
    out.zi.push(numbers[4]!);
    out.pi.push(numbers[5]!);
    out.piBh.push(numbers[6]!);
  }
  return out;
}

/** Equal within 1e-9, absolute for numbers below 1 and relative above; NaN only matches NaN. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      if (!(Number.isNaN(e) && Number.isNaN(a))) bad.push(`${i}: ${a} vs ${e}`);
      continue;
    }
    if (Math.abs(a - e) > TOLERANCE * Math.max(1, Math.abs(e))) bad.push(`${i}: ${a} vs ${e}`);
  }
  expect(bad.slice(0, 5), `${what}: ${bad.length} differ`).toEqual([]);
}

/** Relative agreement for small p-values (down to 1e-300), where an absolute 1e-9 would prove nothing. */
function expectRelativelyClose(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (e === 0 ? a !== 0 : !(Math.abs(a - e) <= TOLERANCE * Math.abs(e))) bad.push(`${i}: ${a} vs ${e}`);
  }
  expect(bad.slice(0, 5), `${what}: ${bad.length} differ`).toEqual([]);
}

describe('hot-spot engine against R spdep (oracle)', () => {
  let dir = '';
  const mosaicQueen = mosaicCase('mosaic-queen', 'queen', 3);
  const mosaicRook = mosaicCase('mosaic-rook', 'rook', 3);
  const cases: Case[] = [gridCase('queen'), gridCase('rook'), mosaicQueen, mosaicRook, knnCase(4), knnCase(7), h3Case()];
  const results = new Map<string, ROutput>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hotspots-oracle-'));
    for (const c of cases) {
      const caseDir = join(dir, c.name);
      mkdirSync(caseDir);
      writeFileSync(join(caseDir, 'values.csv'), `value\n${c.values.join('\n')}\n`);
      c.write(caseDir);
    }
    runRscript(join(HERE, 'oracle', 'spdep-oracle.R'), [dir]);
    for (const name of readdirSync(dir)) results.set(name, readROutput(join(dir, name, 'out.csv')));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the mosaic really differs between queen and rook, and has an island', () => {
    const queen = neighbourListsOf(mosaicQueen.neighbours);
    const rook = neighbourListsOf(mosaicRook.neighbours);
    expect(queen.flat().length).toBeGreaterThan(rook.flat().length);
    expect(queen.at(-1)).toEqual([]);
  });

  for (const c of cases) {
    describe(c.name, () => {
      it('has the same neighbours as spdep', () => {
        expect(neighbourListsOf(c.neighbours)).toEqual(results.get(c.name)!.nb);
      });

      it('Gi* z, p and BH-adjusted p match localG and p.adjust', () => {
        const r = results.get(c.name)!;
        const gi = analyseGiStar(Float64Array.from(c.values), c.neighbours);
        expectClose(gi.z, r.gi, 'z');
        expectClose(gi.p, r.giP, 'p');
        expectRelativelyClose(gi.p, r.giP, 'p (relative)');
        expectClose(gi.pAdjusted, r.giBh, 'BH p');
        expect(Array.from(gi.bins).some((b) => b !== 0)).toBe(true);
      });

      it('local Moran Ii, Z.Ii, p and BH-adjusted p match localmoran', () => {
        const r = results.get(c.name)!;
        const moran = analyseLocalMoran(Float64Array.from(c.values), c.neighbours);
        expectClose(moran.i, r.ii, 'Ii');
        expectClose(moran.z, r.zi, 'Z.Ii');
        expectClose(moran.p, r.pi, 'p');
        expectRelativelyClose(moran.p, r.pi, 'p (relative)');
        expectClose(moran.pAdjusted, r.piBh, 'BH p');
      });
    });
  }

  it('two-sided normal p-values match pnorm over the whole range, relatively to 1e-9', () => {
    const z = Array.from({ length: 801 }, (_, i) => i * 0.05 - 2 + (i % 7) * 1e-3);
    z.push(0, 1e-17, 0.67448975, 0.6744898, 5.6568542, 5.6568543, 37.5, 38, -8.3, 12.25);
    const input = join(dir, '..', `${dir.split('/').pop()}-tail.csv`);
    const output = `${input}.out`;
    writeFileSync(input, `z\n${z.join('\n')}\n`);
    try {
      runRscript(join(HERE, 'oracle', 'tail.R'), [input, output]);
      const expected = readFileSync(output, 'utf8').trim().split('\n').map(Number);
      expectRelativelyClose(z.map(twoSidedP), expected, 'p');
    } finally {
      rmSync(input, { force: true });
      rmSync(output, { force: true });
    }
  }, 120_000);
});
