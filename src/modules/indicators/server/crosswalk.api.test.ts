import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { seedDemoCatalogue } from './demo-data.js';

/**
 * Crosswalks (docs/figures.md, "Re-divisions"): the crosswalk-csv import with every way a file can be wrong
 * (422 naming line and column, nothing stored), and the rules by which series, profiles and goal status
 * carry figures across a re-division. The 2020 figures are CBS's for Dordrecht (Wijk- en buurtkaart 2020;
 * Bron: CBS, Kadaster); the re-division of 2022 and the 2022 figures of the new buurten are made up:
 *   split   BU05050100 (815 inhabitants, 8 % aged 0–14) → BU05050120 (0.6) and BU05050121 (0.4)
 *   merge   BU05050101 (825, 10 %) and BU05050102 (580, 7 %) → BU05050122
 */

const demo = (file: string): Buffer => readFileSync(new URL(`../../../../data/demo/${file}`, import.meta.url));

let t: TestApp;
let analyst: TestSession;
let manager: TestSession;

async function upload(fields: Record<string, string>, file: { name: string; text: string } | { name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const bytes = 'bytes' in file ? file.bytes : Buffer.from(file.text, 'utf8');
  form.append('file', new Blob([new Uint8Array(bytes)]), file.name);
  const response = new Response(form);
  const payload = Buffer.from(await response.arrayBuffer());
  return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...analyst.headers, 'content-type': response.headers.get('content-type') ?? '' }, payload });
}

const crosswalk = (text: string, year = '2022') => upload({ kind: 'crosswalk-csv', ...(year ? { year } : {}) }, { name: 'herindeling.csv', text });
const get = (url: string, session: TestSession = analyst) => t.app.inject({ url, headers: { cookie: session.cookie } });

/** Rows of every table of the schema, partitions through their parent. */
async function snapshot(): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`.execute(t.database.db);
  const counts: Record<string, number> = {};
  for (const { name } of rows) counts[name] = await countRows(t.database, name);
  return counts;
}

const square = (lon: number, lat: number, d = 0.002) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
const NEW_BUURTEN = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'BU05050120', name: 'Nieuwe Haven', level: 'buurt', parentCode: 'WK050501' }, geometry: square(4.66, 51.81) },
    { type: 'Feature', properties: { code: 'BU05050121', name: 'Riedijkshaven', level: 'buurt', parentCode: 'WK050501' }, geometry: square(4.662, 51.81) },
    { type: 'Feature', properties: { code: 'BU05050122', name: 'Groenmarkt en Grote Markt', level: 'buurt', parentCode: 'WK050501' }, geometry: square(4.664, 51.81) },
    { type: 'Feature', properties: { code: 'BU05050105', name: 'Achterhakkers en omgeving', level: 'buurt', parentCode: 'WK050501' }, geometry: square(4.666, 51.81) },
  ],
});
const VALUES_2022 = [
  'area_code,indicator,period,value',
  'BU05050120,inhabitants,2022,500',
  'BU05050120,share_age_0_14,2022,9',
  'BU05050121,inhabitants,2022,340',
  'BU05050121,share_age_0_14,2022,12',
  'BU05050122,inhabitants,2022,1500',
  'BU05050122,share_age_0_14,2022,9',
  'BU05050106,inhabitants,2022,880',
].join('\n');
const CROSSWALK = [
  'from_code,to_code,weight,basis',
  'BU05050100,BU05050120,0.6,inhabitants',
  'BU05050100,BU05050121,0.4,inhabitants',
  'BU05050101,BU05050122,1,inhabitants',
  'BU05050102,BU05050122,1,inhabitants',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCatalogue(t.database.db);
  [analyst, manager] = await Promise.all([t.login('analist'), t.login('regisseur')]);
  for (const file of ['dordrecht_gemeente_2020.geojson', 'dordrecht_wijken_2020.geojson', 'dordrecht_buurten_2020.geojson']) {
    expect((await upload({ kind: 'pdok-geojson', year: '2020' }, { name: file, bytes: demo(file) })).statusCode).toBe(201);
  }
  // The new division's boundaries of 2022 (BU05050105 keeps its code and gets a new boundary), and figures.
  expect((await upload({ kind: 'areas-geojson', year: '2022' }, { name: 'nieuwe-buurten-2022.geojson', text: NEW_BUURTEN })).statusCode).toBe(201);
  expect((await upload({ kind: 'values-csv' }, { name: 'nieuwe-buurten-2022.csv', text: VALUES_2022 })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('a crosswalk file that is wrong: 422 naming line and column, nothing stored', () => {
  const cases: [string, string, { path: string; message: RegExp; code?: string }[], string?][] = [
    ['a missing column', 'from_code,to_code,weight\nBU05050100,BU05050120,1', [{ path: 'file', message: /missing: basis/ }]],
    ['an unknown column', 'from_code,to_code,weight,basis,note\nBU05050100,BU05050120,1,inhabitants,x', [{ path: 'file', message: /unknown: note/ }]],
    ['an old code that is no code', 'from_code,to_code,weight,basis\nBU0505,BU05050120,1,inhabitants', [{ path: 'line 2, column from_code', message: /"BU0505" is not the code/, code: 'invalid_area_code' }]],
    ['the Netherlands as an old code', 'from_code,to_code,weight,basis\nNL00,BU05050120,1,inhabitants', [{ path: 'line 2, column from_code', message: /not the code of a gemeente, wijk or buurt/ }]],
    ['a new code of another level', 'from_code,to_code,weight,basis\nBU05050100,WK050520,1,inhabitants', [{ path: 'line 2, column to_code', message: /WK050520 is a wijk and BU05050100 a buurt/, code: 'area_level_mismatch' }]],
    ['a weight of 0', 'from_code,to_code,weight,basis\nBU05050100,BU05050120,0,inhabitants', [{ path: 'line 2, column weight', message: /"0" is not a share above 0/ }]],
    ['a weight above 1', 'from_code,to_code,weight,basis\nBU05050100,BU05050120,1.5,inhabitants', [{ path: 'line 2, column weight', message: /"1.5" is not a share/, code: 'out_of_range' }]],
    ['a weight that is no number', 'from_code,to_code,weight,basis\nBU05050100,BU05050120,veel,inhabitants', [{ path: 'line 2, column weight', message: /"veel" is not a share/ }]],
    ['an empty weight', 'from_code,to_code,weight,basis\nBU05050100,BU05050120,,inhabitants', [{ path: 'line 2, column weight', message: /"" is not a share/ }]],
    ['an unknown basis', 'from_code,to_code,weight,basis\nBU05050100,BU05050120,1,inwoners', [{ path: 'line 2, column basis', message: /"inwoners" is not a basis: inhabitants or area/, code: 'invalid_choice' }]],
    [
      'a link twice',
      'from_code,to_code,weight,basis\nBU05050100,BU05050120,0.5,inhabitants\nBU05050100,BU05050120,0.5,inhabitants',
      [
        { path: 'line 3, column to_code', message: /BU05050100 → BU05050120 occurs twice/, code: 'duplicate_row' },
        { path: 'line 2, column weight', message: /add up to 0.5, not 1/ },
      ],
    ],
    [
      'weights that do not add up to 1',
      'from_code,to_code,weight,basis\nBU05050100,BU05050120,0.6,inhabitants\nBU05050100,BU05050121,0.3,inhabitants',
      [{ path: 'line 3, column weight', message: /the weights of BU05050100 \(lines 2, 3\) add up to 0.9, not 1/, code: 'shares_not_whole' }],
    ],
    [
      'one old code shared on two bases',
      'from_code,to_code,weight,basis\nBU05050100,BU05050120,0.6,inhabitants\nBU05050100,BU05050121,0.4,area',
      [{ path: 'line 3, column basis', message: /shared by inhabitants on line 2 and by area here/ }],
    ],
    ['no year', CROSSWALK, [{ path: 'file', message: /give the year/ }], ''],
    ['an empty file', '', [{ path: 'file', message: /empty/ }]],
    ['a header only', 'from_code,to_code,weight,basis\n', [{ path: 'file', message: /no rows/ }]],
    ['an old code without a version before the year', 'from_code,to_code,weight,basis\nBU05059988,BU05050123,1,inhabitants', [{ path: 'line 2, column from_code', message: /BU05059988 has no version before 2022/, code: 'crosswalk_conflict' }]],
    [
      'an old code that still has a version in the new division',
      'from_code,to_code,weight,basis\nBU05050105,BU05050123,1,inhabitants',
      [{ path: 'line 2, column from_code', message: /BU05050105 has a version of 2022, so it still exists from 2022 on: list it as a to_code too/ }],
    ],
    [
      'an old code that has figures of the new division',
      'from_code,to_code,weight,basis\nBU05050106,BU05050123,1,inhabitants',
      [{ path: 'line 2, column from_code', message: /BU05050106 has figures for 2022, which would belong to no area/ }],
    ],
    [
      'a new code that already existed, without its own share',
      'from_code,to_code,weight,basis\nBU05050107,BU05050108,1,inhabitants',
      [{ path: 'line 2, column to_code', message: /BU05050108 already existed before 2022 \(version of 2020\): list it as a from_code too/ }],
    ],
  ];
  it.each(cases)('%s', async (_name, text, errors, year = '2022') => {
    const before = await snapshot();
    const response = await crosswalk(text, year);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    // A bad line carries a code the web words (field-errors.ts); a problem with the whole file has none.
    const answered = response.json().errors as { path: string; message: string; code?: string }[];
    expect(answered.map(({ path, message }) => ({ path, message }))).toEqual(errors.map((e) => ({ path: e.path, message: expect.stringMatching(e.message) })));
    errors.forEach((e, i) => {
      const code = answered[i]?.code;
      if (e.path === 'file') return expect(code).toBeUndefined();
      expect(typeof code, JSON.stringify(answered[i])).toBe('string');
      if (e.code) expect(code).toBe(e.code);
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a valid crosswalk', () => {
  it('is stored with one audit row and a report; the same file again changes nothing', async () => {
    const before = await snapshot();
    const response = await crosswalk(CROSSWALK);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), rows: 4, status: 'applied' });
    const after = await snapshot();
    expect(after.area_crosswalks).toBe(before.area_crosswalks! + 4);
    expect(after.audit_log).toBe(before.audit_log! + 1);
    expect(after.imports).toBe(before.imports! + 1);
    const items = (await get('/api/v1/imports')).json().items as { id: string; kind: string; year: number; report: Record<string, unknown> }[];
    expect(items.find((i) => i.id === response.json().id)).toMatchObject({
      kind: 'crosswalk-csv',
      year: 2022,
      report: { year: 2022, links: 4, oldCodes: 3, newCodes: 3, endedCodes: ['BU05050100', 'BU05050101', 'BU05050102'], continuingCodes: [] },
    });
    const { rows } = await sql<{ action: string }>`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`.execute(t.database.db);
    expect(rows[0]?.action).toBe('import.apply');
    const again = await crosswalk(CROSSWALK);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: response.json().id, rows: 4, status: 'already_applied' });
    expect(await snapshot()).toEqual(after);
  });

  it('ends the old codes: they leave the area list and the map of 2022, and take no more figures', async () => {
    const list = (await get('/api/v1/areas?municipality=GM0505&level=buurt&year=2022')).json().items.map((a: { code: string }) => a.code);
    expect(list).not.toContain('BU05050100');
    expect(list).toEqual(expect.arrayContaining(['BU05050120', 'BU05050121', 'BU05050122', 'BU05050103']));
    const features = (await get('/api/v1/area-features?municipality=GM0505&level=buurt&year=2022')).json().features.map((f: { properties: { code: string } }) => f.properties.code);
    expect(features).not.toContain('BU05050101');
    // 2021 still has the old division.
    expect((await get('/api/v1/areas?municipality=GM0505&level=buurt&year=2021')).json().items.map((a: { code: string }) => a.code)).toContain('BU05050100');
    const refused = await upload({ kind: 'values-csv' }, { name: 'oud.csv', text: 'area_code,indicator,period,value\nBU05050100,inhabitants,2023,800\n' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ path: 'line 2, column area_code', message: 'BU05050100 was re-divided in 2022 (crosswalk): figures for 2023 belong to its new codes', code: 'area_redivided', params: { code: 'BU05050100', year: '2022' } }]);
  });
});

type Point = { period: number; value: number | null; basis?: { kind: string; year: number } };
const series = async (code: string, indicator: string): Promise<Point[]> =>
  ((await get(`/api/v1/areas/${code}/series?indicator=${indicator}`)).json().items as Point[]).map(({ period, value, basis }) => ({ period, value, ...(basis ? { basis } : {}) }));
const BREAK = { kind: 'crosswalk', year: 2022 };

describe('series and profiles across the re-division', () => {
  it('a new code from a split: its 2020 count is the weight × the old one (0.6 × 815 = 489), its share carried (8 %), marked', async () => {
    expect(await series('BU05050120', 'inhabitants')).toEqual([
      { period: 2020, value: 489, basis: BREAK },
      { period: 2022, value: 500 },
    ]);
    expect(await series('BU05050120', 'share_age_0_14')).toEqual([
      { period: 2020, value: 8, basis: BREAK },
      { period: 2022, value: 9 },
    ]);
    expect((await series('BU05050121', 'inhabitants'))[0]?.value).toBeCloseTo(326, 9);
  });

  it('a new code from a merge: 825 + 580 = 1,405; the share (10 × 825 + 7 × 580) / 1,405 = 8.76 %', async () => {
    expect((await series('BU05050122', 'inhabitants'))[0]).toEqual({ period: 2020, value: 1405, basis: BREAK });
    const share = await series('BU05050122', 'share_age_0_14');
    expect(share[0]?.value).toBeCloseTo(12_310 / 1405, 9);
  });

  it('the profile of a new code offers the derived years, marks each figure, and derives nothing that cannot be aggregated', async () => {
    const profile = (await get('/api/v1/areas/BU05050120/profile?period=2020')).json();
    expect(profile.periods).toEqual([2020, 2022]);
    const items = new Map((profile.items as { indicator: string; value: number; basis?: unknown }[]).map((i) => [i.indicator, i]));
    expect(items.get('inhabitants')).toMatchObject({ value: 489, basis: BREAK });
    expect(items.get('share_age_0_14')).toMatchObject({ value: 8, basis: BREAK });
    // The urbanity class (aggregation none) is not carried, though BU05050100 had one (1) in 2020.
    expect((await get('/api/v1/areas/BU05050100/profile?period=2020')).json().items.find((i: { indicator: string }) => i.indicator === 'urbanity_class')).toMatchObject({ value: 1 });
    expect(items.has('urbanity_class')).toBe(false);
    expect([...items.values()].every((i) => i.basis !== undefined)).toBe(true);
    // The export says it too.
    const csv = (await get('/api/v1/areas/BU05050120/profile/export?period=2020&format=csv')).body;
    expect(csv).toMatch(/;toelichting\r?\n/);
    expect(csv).toMatch(/^inhabitants;.*;omgerekend \(grenswijziging 2022\)\r?$/m);
  });

  it('an old code carries on in its territory through its new codes: BU05050100 in 2022 = 500 + 340 = 840, share (9 × 500 + 12 × 340) / 840', async () => {
    expect(await series('BU05050100', 'inhabitants')).toEqual([
      { period: 2020, value: 815 },
      { period: 2022, value: 840, basis: BREAK },
    ]);
    expect((await series('BU05050100', 'share_age_0_14'))[1]?.value).toBeCloseTo(8580 / 840, 9);
    // A merged old code counts for its share by inhabitants before the change: 1,500 × 825 / 1,405.
    expect((await series('BU05050101', 'inhabitants'))[1]?.value).toBeCloseTo((1500 * 825) / 1405, 9);
  });

  it('the choropleth of a year shows that year\'s division only', async () => {
    const codes = (await get('/api/v1/indicators/inhabitants/values?municipality=GM0505&level=buurt&period=2020')).json().items.map((i: { areaCode: string }) => i.areaCode);
    expect(codes).toContain('BU05050100');
    expect(codes).not.toContain('BU05050120');
  });
});

describe('goal status across the re-division', () => {
  it('a goal set on an old code keeps its baseline and trajectory: measured on its territory through the new codes', async () => {
    const programme = await t.app.inject({
      method: 'POST',
      url: '/api/v1/programmes',
      headers: manager.headers,
      payload: {
        name: 'Binnenstad 2020–2040',
        municipality: 'GM0505',
        ambition: 'Een levendige binnenstad.',
        horizonStart: '2020-01-01',
        horizonEnd: '2040-12-31',
        areas: ['BU05050100'],
        pillars: ['Wonen'],
        strategicGoals: [{ name: 'Meer bewoners', pillar: 'Wonen' }],
        executionProgrammes: [],
      },
    });
    expect(programme.statusCode).toBe(201);
    const goal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.json().id}/goals`,
      headers: manager.headers,
      payload: { name: 'Nieuwe Haven groeit', indicator: 'inhabitants', area: 'BU05050100', baseline: 815, baselineDate: '2020-01-01', targetKind: 'fixed', target: 900, targetDate: '2030-01-01' },
    });
    expect(goal.statusCode).toBe(201);
    // Without the crosswalk BU05050100 has no figure after 2020: no_data. With it, 2022 = 840;
    // expected = 815 + 85 × 731/3653 = 832.01, so 840 is ahead: shortfall = (832.01 − 840) / 85 < 0.
    expect(goal.json()).toMatchObject({ status: 'on_track', latest: { period: 2022, value: 840 } });
    expect(goal.json().expected).toBeCloseTo(815 + 85 * (731 / 3653), 9);
    expect(goal.json().shortfall).toBeCloseTo((815 + 85 * (731 / 3653) - 840) / 85, 9);
  });
});
