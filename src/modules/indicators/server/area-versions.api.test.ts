import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { seedDemoCatalogue } from './demo-data.js';

/**
 * An area version stays valid until a newer version of its code is imported (docs/figures.md, "Areas and
 * years"): figures of a later year attach to the newest version at or before it, the import report lists
 * them per area and year, and every read (area list, boundaries, choropleth, profile, series) follows the
 * same rule. On the real Dordrecht 2020 boundaries (Bron: CBS, Kadaster); the 2022 and 2023 figures are
 * made up for the test.
 */

const demo = (file: string): Buffer => readFileSync(new URL(`../../../../data/demo/${file}`, import.meta.url));

let t: TestApp;
let analyst: TestSession;

async function upload(fields: Record<string, string>, file: { name: string; text: string } | { name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const bytes = 'bytes' in file ? file.bytes : Buffer.from(file.text, 'utf8');
  form.append('file', new Blob([new Uint8Array(bytes)]), file.name);
  const response = new Response(form);
  const payload = Buffer.from(await response.arrayBuffer());
  return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...analyst.headers, 'content-type': response.headers.get('content-type') ?? '' }, payload });
}

const get = (url: string) => t.app.inject({ url, headers: { cookie: analyst.cookie } });

async function reportOf(id: string): Promise<Record<string, unknown> | undefined> {
  const items = (await get('/api/v1/imports')).json().items as { id: string; report: Record<string, unknown> }[];
  return items.find((i) => i.id === id)?.report;
}

async function storedValue(indicator: string, area: string, year: number): Promise<number | null | undefined> {
  const { rows } = await sql<{ value: number | null }>`
    SELECT value FROM indicator_values WHERE indicator_code = ${indicator} AND area_code = ${area} AND year = ${year}`.execute(t.database.db);
  return rows[0]?.value;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCatalogue(t.database.db);
  analyst = await t.login('analist');
  for (const file of ['dordrecht_gemeente_2020.geojson', 'dordrecht_wijken_2020.geojson', 'dordrecht_buurten_2020.geojson']) {
    expect((await upload({ kind: 'pdok-geojson', year: '2020' }, { name: file, bytes: demo(file) })).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('figures of a later year on the boundaries of an earlier one', () => {
  it('a values CSV for 2022 attaches to the 2020 versions (no 2022 boundaries) and the report says so per area and year', async () => {
    // Before this rule: 422 "unknown area BU05050100 for 2022" for each line.
    const csv = 'area_code,indicator,period,value\nBU05050100,inhabitants,2022,830\nBU05050100,households,2022,490\nBU05050101,inhabitants,2022,840\n';
    const response = await upload({ kind: 'values-csv' }, { name: 'dordrecht-2022.csv', text: csv });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), rows: 3, status: 'applied' });
    expect(await reportOf(response.json().id)).toMatchObject({
      values: 3,
      olderBoundaries: {
        values: 3,
        areas: 2,
        byYear: [{ year: 2022, boundaryYear: 2020, areas: 2, values: 3 }],
        items: [
          { areaCode: 'BU05050100', year: 2022, boundaryYear: 2020, values: 2 },
          { areaCode: 'BU05050101', year: 2022, boundaryYear: 2020, values: 1 },
        ],
        itemsNotListed: 0,
      },
    });
    expect(await storedValue('inhabitants', 'BU05050100', 2022)).toBe(830);
    // No version was made: the 2020 one stays the valid one.
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM area_versions WHERE year = 2022`.execute(t.database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('the area list, the boundaries and the area itself of 2022 are the 2020 versions', async () => {
    const list = (await get('/api/v1/areas?municipality=GM0505&level=buurt&year=2022')).json();
    expect(list.year).toBe(2022);
    expect(list.items).toHaveLength(130);
    expect(list.items[0]).toEqual({ code: 'BU05050100', name: 'Nieuwe Haven en omgeving', level: 'buurt', parentCode: 'WK050501' });
    const features = (await get('/api/v1/area-features?municipality=GM0505&level=buurt&year=2022')).json();
    expect(features.features).toHaveLength(130);
    const before = (await get('/api/v1/area-features?municipality=GM0505&level=buurt&year=2020')).json();
    expect(features).toEqual(before);
    const detail = await get('/api/v1/areas/BU05050100?year=2022');
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ code: 'BU05050100', year: 2022, years: [2020] });
    expect(detail.json().ancestors.map((a: { code: string }) => a.code)).toEqual(['WK050501', 'GM0505']);
    // Before the oldest version there is still nothing.
    expect((await get('/api/v1/areas/BU05050100?year=2019')).statusCode).toBe(404);
  });

  it('the map may choose 2022, and its choropleth shows them', async () => {
    expect((await get('/api/v1/figure-years?municipality=GM0505&level=buurt')).json()).toMatchObject({ years: [2020, 2022] });
    expect((await get('/api/v1/figure-years?municipality=GM0505&level=wijk')).json()).toMatchObject({ years: [2020] });
    const body = (await get('/api/v1/indicators/inhabitants/values?municipality=GM0505&level=buurt&period=2022')).json();
    expect(body.items).toEqual([
      { areaCode: 'BU05050100', value: 830, suppressed: false },
      { areaCode: 'BU05050101', value: 840, suppressed: false },
    ]);
  });

  it('the profile and the series mark the figures of 2022 as sitting on the boundaries of 2020', async () => {
    const profile = (await get('/api/v1/areas/BU05050100/profile?period=2022')).json();
    expect(profile.periods).toEqual([2020, 2022]);
    const inhabitants = profile.items.find((i: { indicator: string }) => i.indicator === 'inhabitants');
    expect(inhabitants).toMatchObject({ value: 830, basis: { kind: 'older_boundaries', year: 2020 } });
    const own = (await get('/api/v1/areas/BU05050100/profile?period=2020')).json();
    expect(own.items.find((i: { indicator: string }) => i.indicator === 'inhabitants')).not.toHaveProperty('basis');
    const series = (await get('/api/v1/areas/BU05050100/series?indicator=inhabitants')).json();
    expect(series.items.map((p: { period: number; value: number; basis?: unknown }) => ({ period: p.period, value: p.value, basis: p.basis }))).toEqual([
      { period: 2020, value: 815, basis: undefined },
      { period: 2022, value: 830, basis: { kind: 'older_boundaries', year: 2020 } },
    ]);
    // Dordrecht has no figure of its own for 2022 and only two of its 130 buurten have one: the buurten with
    // figures of 2020 but none of 2022 count as missing, so there is no municipality value, not 830 + 840.
    expect(series.items.map((p: { municipalityValue: number | null }) => p.municipalityValue)).toEqual([119030, null]);
  });

  it('figures for a year before the oldest version are still refused, naming the line, and nothing is stored', async () => {
    const csv = 'area_code,indicator,period,value\nBU05050100,inhabitants,2015,700\n';
    const response = await upload({ kind: 'values-csv' }, { name: 'dordrecht-2015.csv', text: csv });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { path: 'line 2, column area_code', message: expect.stringMatching(/unknown area BU05050100 for 2015/), code: 'unknown_area', params: { code: 'BU05050100', year: '2015' } },
    ]);
    expect(await storedValue('inhabitants', 'BU05050100', 2015)).toBeUndefined();
  });

  it('a KWB file of 2023 brings names and figures, no boundaries: its figures are drawn on the 2020 boundaries, and the report says so', async () => {
    const csv = 'ID,WijkenEnBuurten,Gemeentenaam_1,SoortRegio_2,Codering_3,AantalInwoners_5\n1,Grote Markt en omgeving,Dordrecht,Buurt,BU05050102,600\n';
    const response = await upload({ kind: 'kwb-csv', year: '2023' }, { name: 'kwb-2023-dordrecht.csv', text: csv });
    expect(response.statusCode).toBe(201);
    expect(await reportOf(response.json().id)).toMatchObject({
      olderBoundaries: { values: 1, areas: 1, byYear: [{ year: 2023, boundaryYear: 2020, areas: 1, values: 1 }], items: [{ areaCode: 'BU05050102', year: 2023, boundaryYear: 2020, values: 1 }] },
    });
    const drawn = async (year: number) =>
      ((await get(`/api/v1/area-features?municipality=GM0505&level=buurt&year=${year}`)).json().features as { properties: { code: string; name: string }; geometry: unknown }[]).find((f) => f.properties.code === 'BU05050102');
    const in2023 = await drawn(2023);
    expect(in2023?.geometry).toEqual((await drawn(2020))?.geometry);
    expect(in2023?.properties.name).toBe('Grote Markt en omgeving');
    const profile = (await get('/api/v1/areas/BU05050102/profile?period=2023')).json();
    expect(profile.items.find((i: { indicator: string }) => i.indicator === 'inhabitants')).toMatchObject({ value: 600, basis: { kind: 'older_boundaries', year: 2020 } });
  });
});
