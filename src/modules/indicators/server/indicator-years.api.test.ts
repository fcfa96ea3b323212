import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { seedDemoCatalogue } from './demo-data.js';

/**
 * The indicator picker (docs/figures.md, "The map's choices"): per indicator, the years in which some area of
 * the level has a figure. On the real Dordrecht 2020 buurten (Bron: CBS, Kadaster); the 2022 figures of two
 * buurten are made up for the test: a value, an unknown value (empty) and a suppressed one.
 */

const demo = (file: string): Buffer => readFileSync(new URL(`../../../../data/demo/${file}`, import.meta.url));

let t: TestApp;
let analyst: TestSession;

async function upload(fields: Record<string, string>, name: string, bytes: Buffer) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const response = new Response(form);
  const payload = Buffer.from(await response.arrayBuffer());
  return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...analyst.headers, 'content-type': response.headers.get('content-type') ?? '' }, payload });
}

const get = (url: string, cookie = analyst.cookie) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const yearsOf = (body: { indicators: { indicator: string; years: number[] }[] }, code: string) => body.indicators.find((i) => i.indicator === code)?.years;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCatalogue(t.database.db);
  analyst = await t.login('analist');
  for (const file of ['dordrecht_gemeente_2020.geojson', 'dordrecht_wijken_2020.geojson', 'dordrecht_buurten_2020.geojson']) {
    expect((await upload({ kind: 'pdok-geojson', year: '2020' }, file, demo(file))).statusCode).toBe(201);
  }
  // 2022: inhabitants known, share_households_low_income unknown (empty), and the share of 0–14 year olds of
  // a buurt of 40 inhabitants, which its threshold suppresses.
  const csv = [
    'area_code,indicator,period,value',
    'BU05050100,inhabitants,2022,830',
    'BU05050100,share_households_low_income,2022,',
    'BU05050101,inhabitants,2022,40',
    'BU05050101,share_age_0_14,2022,12',
  ].join('\n');
  expect((await upload({ kind: 'values-csv' }, 'dordrecht-2022.csv', Buffer.from(csv, 'utf8'))).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('GET /api/v1/figure-years: the indicators with figures, per year', () => {
  it('lists per indicator the years some buurt has a figure, and leaves out indicators without any', async () => {
    const response = await get('/api/v1/figure-years?municipality=GM0505&level=buurt');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.years).toEqual([2020, 2022]);
    expect(yearsOf(body, 'inhabitants')).toEqual([2020, 2022]);
    expect(yearsOf(body, 'share_one_person_households')).toEqual([2020]);
    // Recorded but empty in 2022 and absent in 2020: no figure, so not offered.
    expect(yearsOf(body, 'share_households_low_income')).toBeUndefined();
    // The CBS 2020 buurt file has no income figures at all.
    expect(yearsOf(body, 'average_income_per_inhabitant')).toBeUndefined();
    // Every listed indicator is in the catalogue, in code order, each with at least one year.
    const codes = body.indicators.map((i: { indicator: string }) => i.indicator);
    expect(codes).toEqual([...codes].sort());
    expect(body.indicators.every((i: { years: number[] }) => i.years.length > 0)).toBe(true);
  });

  it('counts a suppressed figure as a figure (the map shows it as suppressed)', async () => {
    const body = (await get('/api/v1/figure-years?municipality=GM0505&level=buurt')).json();
    const values = (await get('/api/v1/indicators/share_age_0_14/values?municipality=GM0505&level=buurt&period=2022')).json();
    expect(values.items).toEqual([{ areaCode: 'BU05050101', value: null, suppressed: true }]);
    expect(yearsOf(body, 'share_age_0_14')).toEqual([2020, 2022]);
  });

  it('answers per level and per municipality', async () => {
    const wijk = (await get('/api/v1/figure-years?municipality=GM0505&level=wijk')).json();
    expect(wijk.years).toEqual([2020]);
    expect(yearsOf(wijk, 'inhabitants')).toEqual([2020]);
    expect(yearsOf(wijk, 'share_age_0_14')).toBeUndefined();
    const baarn = (await get('/api/v1/figure-years?municipality=GM0308&level=buurt')).json();
    expect(baarn).toEqual({ years: [], indicators: [] });
  });

  it.each([
    ['no level', '/api/v1/figure-years?municipality=GM0505'],
    ['an unknown level', '/api/v1/figure-years?municipality=GM0505&level=provincie'],
    ['a municipality code that is not one', '/api/v1/figure-years?municipality=WK050503&level=buurt'],
    ['an unknown parameter', '/api/v1/figure-years?municipality=GM0505&level=buurt&year=2020'],
  ])('refuses %s with 422', async (_what, url) => {
    expect((await get(url)).statusCode).toBe(422);
  });

  it('asks for a login', async () => {
    expect((await get('/api/v1/figure-years?municipality=GM0505&level=buurt', '')).statusCode).toBe(401);
  });
});

describe('the profile: better or worse than the city', () => {
  it('gives a share a direction and a count none, and shows no national figure where none was imported', async () => {
    const csv = [
      'area_code,indicator,period,value',
      'BU05050100,share_households_low_income,2023,9.5',
      'BU05050100,social_assistance_recipients,2023,30',
      'GM0505,share_households_low_income,2023,7.2',
      'GM0505,social_assistance_recipients,2023,3600',
    ].join('\n');
    expect((await upload({ kind: 'values-csv' }, 'dordrecht-2023.csv', Buffer.from(csv, 'utf8'))).statusCode).toBe(201);
    const profile = (await get('/api/v1/areas/BU05050100/profile?period=2023')).json();
    const item = (code: string) => profile.items.find((i: { indicator: string }) => i.indicator === code);
    expect(item('share_households_low_income')).toMatchObject({ value: 9.5, municipalityValue: 7.2, nationalValue: null, direction: 'worse' });
    // 30 people against the city's 3,600 is a part of the city, not a better figure.
    expect(item('social_assistance_recipients')).toMatchObject({ value: 30, municipalityValue: 3600, index: null, direction: 'not_applicable' });
  });
});
