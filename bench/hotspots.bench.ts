// Hot spots: Gi* (analytic z, two-sided p, Benjamini–Hochberg, bins) on a 1000 × 1000 queen lattice, compared
// with R spdep's localG + pnorm + p.adjust on the same cells in the same run; and 1,000,000 signals binned to
// H3 resolution 9 and analysed end to end (binning, ring neighbours, Gi*, the API's items).
// Run: npm run bench -- hotspots        (HOTSPOTS_BENCH_SIDE=300 for a quicker run, HOTSPOTS_BENCH_SPDEP=0 without R)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseGiStar, giStarBins } from '../src/modules/hotspots/server/engine/analyse.js';
import { gridNeighbours } from '../src/modules/hotspots/server/engine/grid.js';
import { giStar } from '../src/modules/hotspots/server/engine/gi-star.js';
import { runRscript } from '../src/modules/hotspots/server/engine/oracle/run-r.js';
import { loadH3 } from '../src/modules/hotspots/server/engine/h3.js';
import { analyseSignalCells } from '../src/modules/hotspots/server/signal-cells.js';
import { random } from './national-data.js';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function timeRuns(fn: () => unknown, runs = RUNS): number[] {
  fn(); // warm up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out;
}

/** Counts on a lattice with a planted hot and cold region (so BH has work to do). */
function latticeValues(rows: number, cols: number): Float64Array {
  const rnd = random(7);
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const hot = Math.exp(-(((r / rows - 0.3) ** 2 + (c / cols - 0.6) ** 2) / 0.01)) * 8;
      const cold = Math.exp(-(((r / rows - 0.7) ** 2 + (c / cols - 0.2) ** 2) / 0.02)) * -3;
      values[r * cols + c] = Math.max(0, Math.round(4 + hot + cold + (rnd() - 0.5) * 6));
    }
  }
  return values;
}

function benchLattice(): void {
  const side = Number(process.env.HOTSPOTS_BENCH_SIDE ?? 1000);
  const neighbours = gridNeighbours(side, side, 'queen');
  const values = latticeValues(side, side);
  const zOnly = timeRuns(() => giStar(values, neighbours));
  const binned = timeRuns(() => giStarBins(values, neighbours));
  const full = timeRuns(() => analyseGiStar(values, neighbours));
  const result = analyseGiStar(values, neighbours);
  const significant = result.bins.reduce((s, b) => s + (b !== 0 ? 1 : 0), 0);
  console.log(
    `Gi* on ${(side * side).toLocaleString('en')} cells (queen lattice): z only median ${median(zOnly).toFixed(1)} ms; ` +
      `z + Benjamini–Hochberg FDR bins (p only where it can reach 0.1) median ${median(binned).toFixed(1)} ms (runs ${binned.map((t) => t.toFixed(0)).join(', ')}); ` +
      `plus every cell's adjusted p (a sort, for the result table) median ${median(full).toFixed(1)} ms; ${significant} cells significant`,
  );

  if (process.env.HOTSPOTS_BENCH_SPDEP === '0') return;
  const dir = mkdtempSync(join(tmpdir(), 'hotspots-bench-'));
  try {
    writeFileSync(join(dir, 'values.csv'), `value\n${Array.from(values).join('\n')}\n`);
    const script = fileURLToPath(new URL('./hotspots-spdep.R', import.meta.url));
    const { stdout } = runRscript(script, [String(side), String(side), join(dir, 'values.csv'), join(dir, 'z.csv')], 1_800_000);
    const spdepSeconds = Number(stdout.trim().split('\n').at(-1));
    const rz = readFileSync(join(dir, 'z.csv'), 'utf8').trim().split('\n').map(Number);
    let maxDiff = 0;
    for (let i = 0; i < rz.length; i++) maxDiff = Math.max(maxDiff, Math.abs(rz[i]! - result.z[i]!));
    const ours = median(full);
    console.log(`spdep localG + pnorm + p.adjust on the same cells: ${(spdepSeconds * 1000).toFixed(0)} ms; ratio ours/spdep = ${(ours / (spdepSeconds * 1000)).toFixed(4)}; max |z − z_spdep| = ${maxDiff.toExponential(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Points around Dordrecht: half spread evenly, half in a few clusters (hot spots to find). */
function signalPoints(n: number): { lon: number; lat: number; retentionUntil: string }[] {
  const rnd = random(11);
  const centres = [
    [4.6745, 51.7995],
    [4.6655, 51.8135],
    [4.72, 51.794],
  ];
  const points: { lon: number; lat: number; retentionUntil: string }[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      points[i] = { lon: 4.6 + rnd() * 0.2, lat: 51.75 + rnd() * 0.1, retentionUntil: '2027-06-30' };
    } else {
      const [lon, lat] = centres[i % 3]!;
      const r = Math.sqrt(-2 * Math.log(rnd() || 1e-12));
      const a = 2 * Math.PI * rnd();
      points[i] = { lon: lon! + r * Math.cos(a) * 0.004, lat: lat! + r * Math.sin(a) * 0.0025, retentionUntil: '2027-06-30' };
    }
  }
  return points;
}

function benchSignals(): void {
  const n = 1_000_000;
  const points = signalPoints(n);
  const times = timeRuns(() => analyseSignalCells(points, { resolution: 9, ring: 1, statistic: 'gi_star', studyArea: [], weights: 'ring:1' }), 5);
  const result = analyseSignalCells(points, { resolution: 9, ring: 1, statistic: 'gi_star', studyArea: [], weights: 'ring:1' });
  console.log(`1,000,000 signals → H3 res 9 (${result.n} cells) → ring:1 Gi* → items: median ${median(times).toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}); ${result.items.filter((i) => i.bin === 3).length} cells at 99 %`);
}

export async function benchHotspots(): Promise<void> {
  benchLattice();
  await loadH3();
  benchSignals();
}
