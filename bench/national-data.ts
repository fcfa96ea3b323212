// A national-scale synthetic data set for the figures benchmarks: 342 gemeenten, ~3,400 wijken, ~14,000
// buurten, N indicators × Y years, inserted with batched unnest() SQL. Synthetic: benchmarks only, never demo.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/server/index.js';

export interface NationalShape {
  gemeenten: number;
  wijkenPerGemeente: number;
  buurtenPerWijk: number;
  indicators: number;
  years: number[];
}

export const NATIONAL: Omit<NationalShape, 'indicators' | 'years'> = { gemeenten: 342, wijkenPerGemeente: 10, buurtenPerWijk: 4 };

export interface NationalData {
  buurten: number;
  wijken: number;
  values: number;
  sampleBuurt: string;
  indicators: string[];
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Deterministic pseudo-random numbers (mulberry32) so every run makes the same figures. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateNationalData(db: Kysely<Database>, shape: NationalShape): Promise<NationalData> {
  const rnd = random(42);
  const areas: { code: string; level: string; gm: string; parent: string | null }[] = [{ code: 'NL00', level: 'land', gm: 'NL00', parent: null }];
  for (let g = 1; g <= shape.gemeenten; g += 1) {
    const gm = `GM${pad(g, 4)}`;
    areas.push({ code: gm, level: 'gemeente', gm, parent: null });
    for (let w = 0; w < shape.wijkenPerGemeente; w += 1) {
      const wk = `WK${pad(g, 4)}${pad(w, 2)}`;
      areas.push({ code: wk, level: 'wijk', gm, parent: gm });
      for (let b = 0; b < shape.buurtenPerWijk; b += 1) areas.push({ code: `BU${pad(g, 4)}${pad(w, 2)}${pad(b, 2)}`, level: 'buurt', gm, parent: wk });
    }
  }
  const codes = areas.map((a) => a.code);
  await sql`INSERT INTO areas (code, level, municipality_code) SELECT * FROM unnest(${codes}::text[], ${areas.map((a) => a.level)}::text[], ${areas.map((a) => a.gm)}::text[])`.execute(db);
  for (const year of shape.years) {
    await sql`INSERT INTO area_versions (area_code, year, name, parent_code, municipality_code, level)
      SELECT c, ${year}, c, p, m, l FROM unnest(${codes}::text[], ${areas.map((a) => a.parent)}::text[], ${areas.map((a) => a.gm)}::text[], ${areas.map((a) => a.level)}::text[]) AS u(c, p, m, l)`.execute(db);
  }
  const indicators = Array.from({ length: shape.indicators }, (_, i) => (i === 0 ? 'bench_inhabitants' : `bench_indicator_${pad(i, 3)}`));
  // One count, the rest shares weighted by it: the profile's municipality fallback then has real work.
  await sql`INSERT INTO indicators (code, name, unit, polarity, aggregation, weight_indicator)
    SELECT c, c, CASE WHEN c = 'bench_inhabitants' THEN 'count' ELSE '%' END, 'lower_is_better',
           CASE WHEN c = 'bench_inhabitants' THEN 'sum' ELSE 'weighted_mean' END,
           CASE WHEN c = 'bench_inhabitants' THEN NULL ELSE 'bench_inhabitants' END
      FROM unnest(${indicators}::text[]) AS u(c) ORDER BY c = 'bench_inhabitants' DESC`.execute(db);
  // Values as the import writes them: one row per area and year, each indicator at its slot.
  const { rows: slots } = await sql<{ code: string; slot: number }>`SELECT code, slot FROM indicators WHERE code = ANY(${indicators}::text[])`.execute(db);
  const width = Math.max(...slots.map((s) => s.slot));
  let values = 0;
  const BATCH = 2_000;
  for (const year of shape.years) {
    for (let start = 0; start < areas.length; start += BATCH) {
      const part = areas.slice(start, start + BATCH);
      const figures: string[] = [];
      const status: string[] = [];
      for (const area of part) {
        const f = new Array<string>(width).fill('NULL');
        const st = new Array<string>(width).fill('NULL');
        for (const { code, slot } of slots) {
          if (area.level === 'land' && code === 'bench_inhabitants') continue;
          f[slot - 1] = String(Math.round(rnd() * 1000) / 10);
          st[slot - 1] = '0';
          values += 1;
        }
        figures.push(`{${f.join(',')}}`);
        status.push(`{${st.join(',')}}`);
      }
      await sql`INSERT INTO area_figures (municipality_code, area_code, year, level, figures, status)
        SELECT m, c, ${year}, l, f::float8[], s::smallint[]
        FROM unnest(${part.map((a) => a.gm)}::text[], ${part.map((a) => a.code)}::text[], ${part.map((a) => a.level)}::text[], ${figures}::text[], ${status}::text[]) AS u(m, c, l, f, s)`.execute(db);
    }
  }
  await sql`ANALYZE`.execute(db);
  return {
    buurten: areas.filter((a) => a.level === 'buurt').length,
    wijken: areas.filter((a) => a.level === 'wijk').length,
    values,
    sampleBuurt: `BU${pad(171, 4)}0501`,
    indicators,
  };
}
