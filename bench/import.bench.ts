// Import of one year's national KWB file (DESIGN.md budget: ≤ 10 s), through runImport as the API runs it,
// on PostgreSQL (median of BENCH_IMPORT_RUNS, default 3, each into a fresh database) and PGlite (median of
// BENCH_IMPORT_PGLITE_RUNS, default 3, each into a fresh in-memory database).
// The file is SYNTHETIC (benchmarks only, never demo): the KWB 2024 OData headers of
// data/demo/kwb2024_85984NED_indicatoren.csv (AantalInwoners_5 …), 342 gemeenten, ~3,400 wijken and ~14,000
// buurten with plausible figures; the catalogue's cbs_key stems map ~124 columns onto indicators.
// Each import also reports the longest the server's event loop was kept from other work meanwhile (the
// longest delay of a 10 ms timer, perf_hooks.monitorEventLoopDelay): how late a health request could be.
// Then boundaries: comb polygons of 8,000 teeth (quadratic for a pairwise self-intersection check; straight,
// turned 45°, and with a crossed tooth that needs repair) and a file at the position cap (2,000,000
// positions: 20 buurten of 100,000), on PostgreSQL.
// Run: npm run bench -- import      (BENCH_IMPORT_PGLITE=0 skips PGlite, BENCH_IMPORT_BOUNDARIES=0 the boundaries)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../src/platform/server/index.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/server/db.js';
import { migrate } from '../src/platform/server/migrate.js';
import { seedDemoCatalogue } from '../src/modules/indicators/server/demo-data.js';
import { runImport, type ImportInput } from '../src/modules/indicators/server/import/import.service.js';
import { combFeatureCollection } from '../src/modules/indicators/server/import/testing/comb-polygon.js';
import { startTestPostgres } from '../test/support/postgres-server.js';
import { pad, random } from './national-data.js';

const DEMO = new URL('../data/demo/', import.meta.url);
interface KeyInfo {
  key: string;
  datatype: string;
  decimals: number;
}

function readKeys(): KeyInfo[] {
  const records = parse(readFileSync(new URL('kwb2024_85984NED_indicatoren.csv', DEMO)), { columns: true, bom: true }) as Record<string, string>[];
  return records.map((r) => ({ key: r.key ?? '', datatype: r.datatype ?? '', decimals: Number(r.decimalen || 0) }));
}

/** A national KWB file in CBS's OData CSV shape (";" as StatLine exports, quoted texts). */
export function nationalKwbCsv(): { csv: string; areas: number; gemeenten: number; wijken: number; buurten: number } {
  const keys = readKeys();
  const rnd = random(2024);
  const lines = [keys.map((k) => k.key).join(';')];
  let gemeenten = 0;
  let wijken = 0;
  let buurten = 0;
  const row = (code: string, name: string, soort: string, gemeente: string, inhabitants: number): string =>
    keys
      .map(({ key, datatype, decimals }) => {
        const stem = key.replace(/_\d+$/, '');
        if (stem === 'WijkenEnBuurten') return `"${name}"`;
        if (stem === 'Gemeentenaam') return `"${gemeente}"`;
        if (stem === 'SoortRegio') return `"${soort}"`;
        if (stem === 'Codering') return `"${code}"`;
        if (stem === 'IndelingswijzigingGemeenteWijkBuurt') return '"1"';
        if (stem === 'MeestVoorkomendePostcode') return `"${1000 + Math.floor(rnd() * 8999)}"`;
        if (stem === 'AantalInwoners') return String(inhabitants);
        if (rnd() < 0.04) return '.'; // CBS: not available / confidential
        if (datatype === 'Long') return String(Math.round(inhabitants * rnd() * 0.6));
        return (rnd() * 100).toFixed(decimals);
      })
      .join(';');
  for (let g = 1; g <= 342; g += 1) {
    const gm = `GM${pad(g, 4)}`;
    const name = `Gemeente ${g}`;
    let gmInhabitants = 0;
    const children: string[] = [];
    for (let w = 0; w < 10; w += 1) {
      const wk = `WK${pad(g, 4)}${pad(w, 2)}`;
      let wkInhabitants = 0;
      const buurtLines: string[] = [];
      const count = 4 + (w === 0 ? 1 : 0);
      for (let b = 0; b < count; b += 1) {
        const inhabitants = Math.round(50 + rnd() * 2500);
        wkInhabitants += inhabitants;
        buurtLines.push(row(`BU${pad(g, 4)}${pad(w, 2)}${pad(b, 2)}`, `Buurt ${b} van wijk ${w}`, 'Buurt', name, inhabitants));
        buurten += 1;
      }
      gmInhabitants += wkInhabitants;
      children.push(row(wk, `Wijk ${pad(w, 2)}`, 'Wijk', name, wkInhabitants), ...buurtLines);
      wijken += 1;
    }
    lines.push(row(gm, name, 'Gemeente', name, gmInhabitants), ...children);
    gemeenten += 1;
  }
  return { csv: `${lines.join('\n')}\n`, areas: gemeenten + wijken + buurten, gemeenten, wijken, buurten };
}

async function loadCatalogue(database: DatabaseHandle): Promise<void> {
  await seedDemoCatalogue(database.db);
}

/** Runs one import and measures its time and the longest event-loop delay while it ran. */
async function timedImport(database: DatabaseHandle, input: ImportInput) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const result = await runImport(database.db, SYSTEM_ACTOR, input);
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  return { result, seconds, maxDelayMs: loop.max / 1e6 };
}

async function importOnce(label: string, database: DatabaseHandle, content: Buffer): Promise<{ seconds: number; maxDelayMs: number }> {
  await migrate(database.db);
  await loadCatalogue(database);
  const { result, seconds, maxDelayMs } = await timedImport(database, { kind: 'kwb-csv', fileName: 'kwb-national-synthetic.csv', content, year: 2024 });
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_values /* the view: one row per value */`.execute(database.db);
  if (result.status !== 'applied' || rows[0]?.n !== (result.report.values as number)) throw new Error(`${label}: unexpected result ${JSON.stringify({ ...result, report: undefined })}`);
  console.log(
    `${label}: ${result.rows} rows (${String(result.report.areaVersions)} area versions + ${rows[0]?.n} values) in ${seconds.toFixed(2)} s = ${Math.round(result.rows / seconds)} rows/s; ` +
      `event loop delayed at most ${maxDelayMs.toFixed(0)} ms`,
  );
  return { seconds, maxDelayMs };
}

/** Boundary files that are heavy for geometry: combs, and 20 circles of 100,000 positions (2,000,000 in all). */
function boundaryFiles(): { label: string; content: Buffer }[] {
  const circles = {
    type: 'FeatureCollection',
    features: Array.from({ length: 20 }, (_, i) => {
      const ring: number[][] = [];
      for (let k = 0; k < 99_999; k += 1) {
        const angle = (2 * Math.PI * k) / 99_999;
        ring.push([Math.round((4.0 + (i % 5) * 0.2 + 0.09 * Math.cos(angle)) * 1e6) / 1e6, Math.round((51.5 + Math.floor(i / 5) * 0.2 + 0.09 * Math.sin(angle)) * 1e6) / 1e6]);
      }
      ring.push(ring[0]!);
      return { type: 'Feature', properties: { code: `BU0505${String(1000 + i)}`, name: `Cirkel ${i}` }, geometry: { type: 'Polygon', coordinates: [ring] } };
    }),
  };
  return [
    { label: 'comb, 8,000 teeth', content: Buffer.from(combFeatureCollection(8000)) },
    { label: 'comb turned 45°', content: Buffer.from(combFeatureCollection(8000, { turned: true })) },
    { label: 'comb, a crossed tooth (repaired)', content: Buffer.from(combFeatureCollection(8000, { crossedTooth: 4000 })) },
    { label: '2,000,000 positions (20 × 100,000)', content: Buffer.from(JSON.stringify(circles)) },
  ];
}

async function benchBoundaries(server: Awaited<ReturnType<typeof startTestPostgres>>, admin: Kysely<unknown>, runs: number): Promise<void> {
  for (const { label, content } of boundaryFiles()) {
    const times: number[] = [];
    const delays: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const name = `import_bench_boundaries_${times.length}_${Math.random().toString(36).slice(2, 8)}`;
      await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
      const database = await openDatabase({ databaseUrl: server.urlFor(name), poolSize: 10 });
      try {
        await migrate(database.db);
        await loadCatalogue(database);
        const { result, seconds, maxDelayMs } = await timedImport(database, { kind: 'areas-geojson', fileName: 'bench.geojson', content, year: 2024 });
        if (result.status !== 'applied') throw new Error(`${label}: not applied`);
        times.push(seconds);
        delays.push(maxDelayMs);
      } finally {
        await database.close();
      }
    }
    console.log(`boundaries, ${label} (${(content.length / 1e6).toFixed(1)} MB): median of ${runs}: ${median(times).toFixed(2)} s; event loop delayed at most ${Math.max(...delays).toFixed(0)} ms`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function benchImport(): Promise<void> {
  const generated = performance.now();
  const file = nationalKwbCsv();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-import-bench-'));
  const filePath = path.join(dir, 'kwb-national.csv');
  writeFileSync(filePath, file.csv);
  const content = readFileSync(filePath);
  rmSync(dir, { recursive: true, force: true });
  const columns = file.csv.slice(0, file.csv.indexOf('\n')).split(';').length;
  console.log(
    `file: ${file.gemeenten} gemeenten, ${file.wijken} wijken, ${file.buurten} buurten (${file.areas} areas) × ${columns} columns, ` +
      `${(content.length / 1e6).toFixed(1)} MB, generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );

  const runs = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
  const server = await startTestPostgres();
  try {
    const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.url, max: 1 }) }) });
    const times: number[] = [];
    const delays: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const name = `import_bench_${run}`;
      await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
      const database = await openDatabase({ databaseUrl: server.urlFor(name), poolSize: 10 });
      try {
        const { seconds, maxDelayMs } = await importOnce(`postgres run ${run}`, database, content);
        times.push(seconds);
        delays.push(maxDelayMs);
      } finally {
        await database.close();
      }
    }
    console.log(`postgres: median of ${runs}: ${median(times).toFixed(2)} s (target ≤ 10 s); event loop delay, median of the runs' longest: ${median(delays).toFixed(0)} ms`);
    if (process.env.BENCH_IMPORT_BOUNDARIES !== '0') await benchBoundaries(server, admin, runs);
    await admin.destroy();
  } finally {
    server.stop();
  }

  const pgliteRuns = process.env.BENCH_IMPORT_PGLITE === '0' ? 0 : Number(process.env.BENCH_IMPORT_PGLITE_RUNS ?? 3);
  const liteTimes: number[] = [];
  const liteDelays: number[] = [];
  for (let run = 1; run <= pgliteRuns; run += 1) {
    const lite = await openDatabase({});
    try {
      const { seconds, maxDelayMs } = await importOnce(`pglite run ${run}`, lite, content);
      liteTimes.push(seconds);
      liteDelays.push(maxDelayMs);
    } finally {
      await lite.close();
    }
  }
  if (pgliteRuns > 0) console.log(`pglite: median of ${pgliteRuns}: ${median(liteTimes).toFixed(2)} s (target ≤ 10 s); event loop delay, median of the runs' longest: ${median(liteDelays).toFixed(0)} ms`);
}
