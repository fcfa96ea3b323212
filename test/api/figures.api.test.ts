import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../support/test-app.js';

/**
 * Areas, focus areas, values, profiles, series, exports and rankings over real CBS figures (Wijk- en
 * buurtkaart 2020, Dordrecht; Bron: CBS, Kadaster). The rows are inserted here with SQL, so the test does
 * not depend on the demo import.
 */
const CSV = readFileSync(new URL('../../src/modules/indicators/server/testdata/dordrecht_buurten_2020.csv', import.meta.url), 'utf8');
const lines = CSV.trim().split(/\r?\n/);
const split = (line: string) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1] ?? '');
const header = split(lines[0] ?? '');
const buurten = lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i] ?? '', v])) as Record<string, string>);
// An independent loop over the CBS file: every buurt with a household figure (all but the water buurt).
const HOUSEHOLDS_DORDRECHT_2020 = buurten.reduce((total, b) => total + (b.aantal_hh ? Number(b.aantal_hh) : 0), 0);
const DW = ['WK050503', 'WK050504', 'WK050507', 'WK050508'];

let t: TestApp;
let analyst: TestSession;
let partner: TestSession;

const square = (lon: number, lat: number, d = 0.001) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

async function load(): Promise<void> {
  const db = t.database.db;
  // A known, small data set: whatever the demo seed loaded goes first.
  await sql`TRUNCATE area_figures, focus_area_members, focus_areas, priority_rankings, area_versions, areas, indicators, imports CASCADE`.execute(db);
  const wijken = [...new Map(buurten.map((b) => [b.wk_code, b.wk_naam])).entries()] as [string, string][];
  await sql`INSERT INTO areas (code, level, municipality_code) VALUES ('NL00', 'land', 'NL00'), ('GM0505', 'gemeente', 'GM0505') ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO area_versions (area_code, year, name, parent_code, municipality_code, level) VALUES ('NL00', 2020, 'Nederland', NULL, 'NL00', 'land'), ('GM0505', 2020, 'Dordrecht', NULL, 'GM0505', 'gemeente') ON CONFLICT DO NOTHING`.execute(db);
  for (const [code, name] of wijken) {
    await sql`INSERT INTO areas (code, level, municipality_code) VALUES (${code}, 'wijk', 'GM0505') ON CONFLICT DO NOTHING`.execute(db);
    await sql`INSERT INTO area_versions (area_code, year, name, parent_code, municipality_code, level) VALUES (${code}, 2020, ${name || code}, 'GM0505', 'GM0505', 'wijk') ON CONFLICT DO NOTHING`.execute(db);
  }
  // Small squares stand in for the boundaries: each buurt gets its own, wijk by wijk in a row.
  for (const [i, b] of buurten.entries()) {
    const geometry = square(4.6 + (i % 20) * 0.002, 51.7 + Math.floor(i / 20) * 0.002);
    await sql`INSERT INTO areas (code, level, municipality_code) VALUES (${b.bu_code}, 'buurt', 'GM0505') ON CONFLICT DO NOTHING`.execute(db);
    await sql`INSERT INTO area_versions (area_code, year, name, parent_code, municipality_code, level, geometry, min_lon, min_lat, max_lon, max_lat)
      VALUES (${b.bu_code}, 2020, ${b.bu_naam || b.bu_code}, ${b.wk_code}, 'GM0505', 'buurt', ${JSON.stringify(geometry)}::jsonb, ${geometry.coordinates[0]?.[0]?.[0]}, ${geometry.coordinates[0]?.[0]?.[1]}, ${geometry.coordinates[0]?.[2]?.[0]}, ${geometry.coordinates[0]?.[2]?.[1]})
      ON CONFLICT DO NOTHING`.execute(db);
  }
  await sql`INSERT INTO indicators (code, name, unit, polarity, aggregation, weight_indicator, decimals) VALUES
    ('inhabitants', 'Inwoners', 'count', 'neutral', 'sum', NULL, 0),
    ('households', 'Huishoudens', 'count', 'neutral', 'sum', NULL, 0),
    ('share_age_0_14', 'Aandeel 0–14 jaar', '%', 'neutral', 'weighted_mean', 'inhabitants', 0),
    ('share_one_person_households', '=Eenpersoonshuishoudens', '%', 'lower_is_better', 'weighted_mean', 'households', 0),
    ('average_household_size', 'Gemiddelde huishoudensgrootte', 'persons', 'higher_is_better', 'none', NULL, 1)
    ON CONFLICT DO NOTHING`.execute(db);
  const columns: Record<string, string> = { inhabitants: 'aant_inw', households: 'aantal_hh', share_age_0_14: 'p_00_14_jr', share_one_person_households: 'p_eenp_hh', average_household_size: 'gem_hh_gr' };
  for (const [indicator, column] of Object.entries(columns)) {
    for (const b of buurten) await putValue(indicator, b.bu_code ?? '', 'GM0505', 'buurt', b[column] === '' ? null : Number(b[column]));
  }
  // The gemeente's own inhabitants (CBS: 119,030) and a national figure; its shares come from its buurten.
  await putValue('inhabitants', 'GM0505', 'GM0505', 'gemeente', 119030);
  await putValue('share_age_0_14', 'NL00', 'NL00', 'land', 15.7);
  await putValue('share_age_0_14', 'WK050501', 'GM0505', 'wijk', null, true);
}

/** Writes one value at its indicator's slot in area_figures (arrays padded to the catalogue's size). */
async function putValue(indicator: string, area: string, municipality: string, level: string, value: number | null, suppressed = false): Promise<void> {
  const db = t.database.db;
  await sql`INSERT INTO area_figures (municipality_code, area_code, year, level, figures, status)
    SELECT ${municipality}, ${area}, 2020, ${level}, array_fill(NULL::float8, ARRAY[n]), array_fill(NULL::smallint, ARRAY[n])
    FROM (SELECT max(slot) AS n FROM indicators) AS s
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`UPDATE area_figures f SET figures[i.slot] = ${suppressed ? null : value}::float8, status[i.slot] = ${suppressed ? 1 : 0}::smallint
    FROM indicators i WHERE i.code = ${indicator} AND f.municipality_code = ${municipality} AND f.area_code = ${area} AND f.year = 2020`.execute(db);
}

beforeAll(async () => {
  t = await createTestApp();
  await load();
  const { seedDemoFocusAreas } = await import('../../src/modules/areas/server/demo-focus-areas.js');
  await seedDemoFocusAreas(t.database.db);
  await seedDemoFocusAreas(t.database.db); // idempotent
  analyst = await t.login('analist');
  partner = await t.login('politie');
}, 180_000);
afterAll(() => t.close());

const get = (url: string, who: TestSession = analyst) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

describe('areas', () => {
  it('lists the wijken of Dordrecht in the newest year', async () => {
    const response = await get('/api/v1/areas?municipality=GM0505&level=wijk');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.year).toBe(2020);
    expect(body.items).toHaveLength(14);
    expect(body.items[2]).toEqual({ code: 'WK050503', name: 'Wijk 03 Oud Krispijn', level: 'wijk', parentCode: 'GM0505' });
  });
  it('lists 130 buurten and the focus area Dordt West (seeded once)', async () => {
    expect((await get('/api/v1/areas?municipality=GM0505&level=buurt&year=2020')).json().items).toHaveLength(130);
    const focus = (await get('/api/v1/areas?municipality=GM0505&level=focus')).json();
    expect(focus).toEqual({ items: [{ code: 'FAdordt-west', name: 'Dordt West', level: 'focus', parentCode: 'GM0505' }], year: null });
  });
  it('shows a buurt with ancestors and, when asked, its geometry', async () => {
    const body = (await get('/api/v1/areas/BU05050300?geometry=true')).json();
    expect(body.ancestors.map((a: { code: string }) => a.code)).toEqual(['WK050503', 'GM0505']);
    expect(body.geometry.type).toBe('Polygon');
    expect(body.years).toEqual([2020]);
    expect((await get('/api/v1/areas/BU05050300')).json().geometry).toBeUndefined();
  });
  it('shows the focus area with its members', async () => {
    const body = (await get('/api/v1/areas/FAdordt-west?geometry=true')).json();
    expect(body.members.map((m: { code: string }) => m.code)).toEqual(DW);
    expect(body.geometry.type).toBe('MultiPolygon');
    expect(body.geometry.coordinates).toHaveLength(26);
  });
  it('gives the map features', async () => {
    const body = (await get('/api/v1/area-features?municipality=GM0505&level=buurt&year=2020')).json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(130);
  });
  it('answers 404 for an unknown area and 422 for a bad code', async () => {
    expect((await get('/api/v1/areas/BU99999999')).statusCode).toBe(404);
    expect((await get('/api/v1/areas/XX12')).statusCode).toBe(422);
    expect((await get('/api/v1/areas/BU99999999/profile')).statusCode).toBe(404);
  });
});

describe('focus areas', () => {
  it('creates one from members and from a polygon, and deletes it, with audit rows', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'focus_area.%'`.execute(t.database.db);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/focus-areas', headers: analyst.headers, payload: { name: 'Krispijn', municipality: 'GM0505', members: ['WK050503', 'WK050504'] } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().code).toBe('FAkrispijn');
    // The first three buurten lie in squares along lon 4.600–4.006, lat 51.700: a polygon over the first two.
    const polygon = { type: 'Polygon', coordinates: [[[4.5995, 51.6995], [4.6035, 51.6995], [4.6035, 51.7015], [4.5995, 51.7015], [4.5995, 51.6995]]] };
    const drawn = await t.app.inject({ method: 'POST', url: '/api/v1/focus-areas', headers: analyst.headers, payload: { name: 'Krispijn', municipality: 'GM0505', polygon, year: 2020 } });
    expect(drawn.statusCode, drawn.body).toBe(201);
    expect(drawn.json().code).toBe('FAkrispijn-2');
    expect(drawn.json().members.map((m: { code: string }) => m.code)).toEqual([buurten[0]?.bu_code, buurten[1]?.bu_code]);
    const overlap = await t.app.inject({ method: 'POST', url: '/api/v1/focus-areas', headers: analyst.headers, payload: { name: 'X', municipality: 'GM0505', members: ['WK050503', 'BU05050300'] } });
    expect(overlap.statusCode).toBe(422);
    const rd = await t.app.inject({ method: 'POST', url: '/api/v1/focus-areas', headers: analyst.headers, payload: { name: 'X', municipality: 'GM0505', polygon: square(104000, 424000, 500) } });
    expect(rd.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/focus-areas/FAkrispijn', headers: analyst.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/focus-areas/FAkrispijn', headers: analyst.headers })).statusCode).toBe(404);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'focus_area.%'`.execute(t.database.db);
    expect((after.rows[0]?.n ?? 0) - (before.rows[0]?.n ?? 0)).toBe(3);
  });
});

describe('values and profiles', () => {
  it('gives choropleth values, null where suppressed', async () => {
    const body = (await get('/api/v1/indicators/inhabitants/values?municipality=GM0505&level=buurt&period=2020')).json();
    expect(body.items).toHaveLength(130);
    expect(body.items[0]).toEqual({ areaCode: 'BU05050100', value: 815, suppressed: false });
    const wijk = (await get('/api/v1/indicators/share_age_0_14/values?level=wijk&period=2020')).json();
    expect(wijk.items).toEqual([{ areaCode: 'WK050501', value: null, suppressed: true }]);
    expect((await get('/api/v1/indicators/nope_nope/values?level=buurt&period=2020')).statusCode).toBe(404);
  });

  it('profiles Dordt West against Dordrecht with weighted aggregates (hand-computed)', async () => {
    const response = await get('/api/v1/areas/FAdordt-west/profile?period=2020', partner);
    expect(response.statusCode, response.body).toBe(200);
    const items = Object.fromEntries(response.json().items.map((i: { indicator: string }) => [i.indicator, i]));
    expect(items.inhabitants).toMatchObject({ value: 30495, municipalityValue: 119030, index: null, aggregation: 'sum', missingMembers: 0 });
    expect(items.share_age_0_14.value).toBeCloseTo(544690 / 30495, 10);
    // Dordrecht has no own share: its buurten weighted by inhabitants; the water buurt (no figure at all) is left out.
    expect(items.share_age_0_14.municipalityValue).toBeCloseTo(15.659528818, 8);
    expect(items.share_age_0_14.index).toBeCloseTo((100 * (544690 / 30495)) / 15.659528818, 6);
    expect(items.households.municipalityValue).toBe(HOUSEHOLDS_DORDRECHT_2020);
    expect(items.share_age_0_14.nationalValue).toBe(15.7);
    expect(items.share_one_person_households.value).toBeCloseTo(648420 / 14490, 10);
    expect(items.average_household_size).toMatchObject({ value: null, aggregation: 'none' });
  });

  it('profiles a buurt with index and direction', async () => {
    const body = (await get('/api/v1/areas/BU05050300/profile')).json();
    expect(body.period).toBe(2020);
    const items = Object.fromEntries(body.items.map((i: { indicator: string }) => [i.indicator, i]));
    expect(items.inhabitants).toMatchObject({ value: 245, municipalityValue: 119030, index: null, direction: 'not_applicable' });
    expect(items.share_one_person_households.value).toBe(23);
    expect(items.share_one_person_households.municipalityValue).toBeGreaterThan(23);
    expect(items.share_one_person_households.direction).not.toBe('not_applicable');
    expect(items.share_one_person_households.index).toBeCloseTo((100 * 23) / items.share_one_person_households.municipalityValue, 8);
  });

  it('gives a time series', async () => {
    const body = (await get('/api/v1/areas/GM0505/series?indicator=inhabitants')).json();
    expect(body).toEqual({ area: 'GM0505', indicator: 'inhabitants', items: [{ period: 2020, value: 119030, municipalityValue: 119030, municipalitySource: 'own', nationalValue: null }] });
  });

  it('says where the municipality value of a series comes from: own figure or buurten aggregated', async () => {
    const body = (await get('/api/v1/areas/BU05050300/series?indicator=share_age_0_14')).json();
    // Dordrecht 2020 has no own share: its buurten weighted by inhabitants (the same value as the profile's).
    expect(body.items).toEqual([{ period: 2020, value: expect.any(Number), municipalityValue: expect.closeTo(15.659528818, 8), municipalitySource: 'aggregated_from_buurten', nationalValue: 15.7 }]);
  });
});

describe('exports', () => {
  it('exports CSV escaped against formula injection, with attribution and an audit row', async () => {
    const response = await get('/api/v1/areas/BU05050300/profile/export?format=csv&period=2020');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const rows = response.body.slice(1).split('\r\n');
    expect(rows[1]).toBe('Bron: CBS, Kadaster');
    expect(rows[2]).toBe('indicator;naam;eenheid;waarde;gemeente;Nederland;index (gemeente = 100);vergeleken met gemeente;geheim;aggregatie;toelichting');
    const row = rows.find((r) => r.startsWith("share_one_person_households;'=Eenpersoonshuishoudens;%;23;"));
    expect(row, rows.join('\n')).toMatch(/^share_one_person_households;'=Eenpersoonshuishoudens;%;23;\d+,\d+;;\d+(,\d+)?;(gunstiger|ongunstiger|gelijk);nee;;$/); // aggregatie and toelichting empty: the buurt's own figure
    // The comparison in Dutch words, never its code: inhabitants has no polarity.
    expect(rows.find((r) => r.startsWith('inhabitants;'))).toMatch(/;niet van toepassing;nee;;$/);
    expect(response.body).not.toMatch(/not_applicable|better|worse|weighted_mean/);
    const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicators.export'`.execute(t.database.db);
    expect(audit.rows[0]?.n).toBe(1);
  });
  it('exports XLSX that reads back', async () => {
    const response = await get('/api/v1/areas/FAdordt-west/profile/export?format=xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A2').value).toBe('Bron: CBS, Kadaster');
    const inhabitants = sheet?.getRows(4, 10)?.find((r) => r.getCell(1).value === 'inhabitants');
    expect(inhabitants?.getCell(4).value).toBe(30495);
    // A focus area's figure says how it was made, in words.
    expect(inhabitants?.getCell(8).value).toBe('niet van toepassing');
    expect(inhabitants?.getCell(10).value).toBe('opgeteld');
  });
});

describe('rankings', () => {
  const request = {
    municipality: 'GM0505',
    level: 'wijk' as const,
    period: 2020,
    criteria: [{ indicator: 'share_age_0_14', weight: 1, direction: 'higher_is_worse' as const }],
  };
  it('previews: wijken without the figure are excluded', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/rankings/preview', headers: partner.headers, payload: request });
    expect(response.statusCode, response.body).toBe(200);
    // Only WK050501 has a wijk figure, and it is suppressed.
    expect(response.json().items).toEqual([]);
    expect(response.json().excluded).toHaveLength(14);
  });
  it('ranks buurten, saves, lists and reopens', async () => {
    const buurtRequest = { ...request, level: 'buurt' as const, criteria: [{ indicator: 'share_one_person_households', weight: 1 }] };
    const preview = (await t.app.inject({ method: 'POST', url: '/api/v1/rankings/preview', headers: analyst.headers, payload: buurtRequest })).json();
    // lower_is_better → higher is worse: the highest share first (BU05051004, 95 %), z by an independent loop.
    const xs = buurten.filter((b) => b.p_eenp_hh !== '').map((b) => Number(b.p_eenp_hh));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    expect(preview.items).toHaveLength(xs.length);
    expect(preview.items[0]).toMatchObject({ rank: 1, areaCode: 'BU05051004', values: { share_one_person_households: 95 } });
    expect(preview.items[0].score).toBeCloseTo((95 - mean) / sd, 10);
    expect(preview.excluded).toHaveLength(130 - xs.length);
    const saved = await t.app.inject({ method: 'POST', url: '/api/v1/rankings', headers: analyst.headers, payload: { ...buurtRequest, name: 'Eenpersoons', note: 'test' } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ createdBy: 'analist', criteria: [{ indicator: 'share_one_person_households', weight: 1, direction: 'higher_is_worse' }] });
    const id = saved.json().id as string;
    expect((await get(`/api/v1/rankings/${id}`, partner)).json().result.items[0].areaCode).toBe('BU05051004');
    expect((await get('/api/v1/rankings?municipality=GM0505')).json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await get('/api/v1/rankings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const neutral = await t.app.inject({ method: 'POST', url: '/api/v1/rankings/preview', headers: analyst.headers, payload: { ...request, criteria: [{ indicator: 'inhabitants', weight: 1 }] } });
    expect(neutral.statusCode).toBe(422);
  });
});
