import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../platform/server/index.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { seedDemoCatalogue } from './demo-data.js';
import { runImport } from './import/import.service.js';
import { combFeatureCollection, combRing } from './import/testing/comb-polygon.js';

/**
 * POST/GET /api/v1/imports over HTTP with real multipart bodies: the real CBS demo files, a corpus of
 * broken files (import/fixtures/README.md says what is wrong with each), idempotency, limits, roles.
 * Every refused upload must leave every table exactly as it was (SECURITY.md 20).
 */

const demo = (file: string): Buffer => readFileSync(new URL(`../../../../data/demo/${file}`, import.meta.url));
const fixture = (file: string): Buffer => readFileSync(new URL(`./import/fixtures/${file}`, import.meta.url));

/** Upload limit of this app: above the largest test file (a 4.6 MB boundary), below the oversized upload. */
const UPLOAD_LIMIT = 6_000_000;

let t: TestApp;
let analyst: TestSession;
let manager: TestSession;
let partner: TestSession;

interface CatalogueFile {
  items: unknown[];
}

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
  // The shipped catalogue, loaded as the demo seed loads it; no figures yet.
  const catalogue = JSON.parse(demo('indicator-catalogue.json').toString('utf8')) as CatalogueFile;
  const added = await seedDemoCatalogue(t.database.db);
  expect(added).toBe(catalogue.items.length);
  analyst = await t.login('analist');
  manager = await t.login('regisseur');
  partner = await t.login('politie');
});
afterAll(() => t.close());

async function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer }): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}

async function upload(fields: Record<string, string>, file?: { name: string; bytes: Buffer }, session: TestSession = analyst) {
  const { body, contentType } = await multipart(fields, file);
  return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...session.headers, 'content-type': contentType }, payload: body });
}

/** Row counts of every table of the schema (partitions counted through their parent). */
/** Rows of every table, and of the indicator_values view (one row per value). */
async function snapshot(): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition ORDER BY 1`.execute(t.database.db);
  const counts: Record<string, number> = {};
  for (const { name } of rows) counts[name] = await countRows(t.database, name);
  return counts;
}

async function value(indicator: string, area: string, year: number) {
  const { rows } = await sql<{ value: number | null; suppressed: boolean }>`
    SELECT value, suppressed FROM indicator_values WHERE indicator_code = ${indicator} AND area_code = ${area} AND year = ${year}`.execute(t.database.db);
  return rows[0];
}

async function sumOf(indicator: string, level: string, municipality: string, year: number): Promise<number> {
  const { rows } = await sql<{ total: number }>`
    SELECT coalesce(sum(value), 0)::float8 AS total FROM indicator_values
    WHERE indicator_code = ${indicator} AND level = ${level} AND municipality_code = ${municipality} AND year = ${year}`.execute(t.database.db);
  return rows[0]?.total ?? NaN;
}

const ids: Record<string, string> = {};

describe('the real demo files', () => {
  it('NL gemeenten 2023 as areas-geojson: 342 area versions, the 2 self-intersecting polygons repaired and reported', async () => {
    const before = await snapshot();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['areas', 'area_versions', 'area_figures', 'indicator_values', 'indicators', 'imports', 'audit_log', 'users', 'sessions']));
    const response = await upload({ kind: 'areas-geojson', year: '2023' }, { name: 'gemeenten_2023.geojson', bytes: demo('gemeenten_2023.geojson') });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), rows: 342, status: 'applied' });
    ids.gemeenten = response.json().id;
    const after = await snapshot();
    expect(after.area_versions).toBe(before.area_versions! + 342);
    expect(after.indicator_values).toBe(before.indicator_values);
    expect(after.imports).toBe(before.imports! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM area_versions WHERE year = 2023 AND level = 'gemeente' AND geometry IS NOT NULL`.execute(t.database.db);
    expect(rows[0]?.n).toBe(342);
  });

  it('Dordrecht wijken and buurten 2020 as pdok-geojson: exact rows, 119,030 inhabitants', async () => {
    const before = await snapshot();
    const wijken = await upload({ kind: 'pdok-geojson', year: '2020' }, { name: 'dordrecht_wijken_2020.geojson', bytes: demo('dordrecht_wijken_2020.geojson') });
    expect(wijken.statusCode).toBe(201);
    // 14 wijken + 98 values (7 attributes × 14, nulls included).
    expect(wijken.json()).toEqual({ id: expect.any(String), rows: 112, status: 'applied' });
    const buurten = await upload({ kind: 'pdok-geojson', year: '2020' }, { name: 'dordrecht_buurten_2020.geojson', bytes: demo('dordrecht_buurten_2020.geojson') });
    expect(buurten.statusCode).toBe(201);
    // 130 buurten + 4,160 values (32 attributes × 130).
    expect(buurten.json()).toEqual({ id: expect.any(String), rows: 4290, status: 'applied' });
    ids.buurten = buurten.json().id;
    const after = await snapshot();
    expect(after.area_versions).toBe(before.area_versions! + 14 + 130);
    expect(after.indicator_values).toBe(before.indicator_values! + 98 + 4160);
    expect(after.audit_log).toBe(before.audit_log! + 2);
    expect(await sumOf('inhabitants', 'buurt', 'GM0505', 2020)).toBe(119_030);
    expect(await sumOf('inhabitants', 'wijk', 'GM0505', 2020)).toBe(119_030);
    expect(await value('inhabitants', 'BU05050100', 2020)).toEqual({ value: 815, suppressed: false });
    expect(await value('average_household_size', 'BU05050100', 2020)).toEqual({ value: 1.7, suppressed: false });
    const { rows: versions } = await sql<{ name: string; parent_code: string; level: string }>`
      SELECT name, parent_code, level FROM area_versions WHERE area_code = 'BU05050100' AND year = 2020`.execute(t.database.db);
    const version = versions[0];
    expect(version).toEqual({ name: 'Nieuwe Haven en omgeving', parent_code: 'WK050501', level: 'buurt' });
  });

  it('the KWB 2024 extract as kwb-csv: 3,735 areas and 29,880 values; GM0505 has 122,070 inhabitants', async () => {
    const before = await snapshot();
    const response = await upload({ kind: 'kwb-csv', year: '2024' }, { name: 'kwb2024_gemeenten_wijken_basis.csv', bytes: demo('kwb2024_gemeenten_wijken_basis.csv') });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), rows: 3735 + 29_880, status: 'applied' });
    ids.kwb = response.json().id;
    const after = await snapshot();
    expect(after.area_versions).toBe(before.area_versions! + 3735);
    expect(after.indicator_values).toBe(before.indicator_values! + 29_880);
    expect(await value('inhabitants', 'GM0505', 2024)).toEqual({ value: 122_070, suppressed: false });
    expect(await value('dwellings', 'WK050503', 2024)).toEqual({ value: 4713, suppressed: false });
    expect(await sumOf('inhabitants', 'gemeente', 'GM0505', 2024)).toBe(122_070);
    const { rows } = await sql<{ total: number }>`SELECT sum(value)::float8 AS total FROM indicator_values WHERE indicator_code = 'inhabitants' AND level = 'gemeente' AND year = 2024`.execute(t.database.db);
    expect(rows[0]?.total).toBe(17_942_942);
  });

  it('a values CSV for existing buurten: 201, the values stored', async () => {
    const csv = 'area_code,indicator,period,value\nBU05050100,dwellings,2020,512\nBU05050101,dwellings,2020,498\nWK050503,dwellings,2020,4700\n';
    const before = await snapshot();
    // The choropleth is a shared, remembered read: an import through the API must make it current at once.
    const choropleth = async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/indicators/dwellings/values?municipality=GM0505&level=buurt&period=2020', headers: { cookie: analyst.cookie } });
      return (response.json().items as { areaCode: string; value: number | null }[]).find((i) => i.areaCode === 'BU05050100')?.value;
    };
    expect(await choropleth()).toBeUndefined();
    const response = await upload({ kind: 'values-csv' }, { name: 'woningen-2020.csv', bytes: Buffer.from(csv) });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), rows: 3, status: 'applied' });
    ids.values = response.json().id;
    expect(await value('dwellings', 'BU05050100', 2020)).toEqual({ value: 512, suppressed: false });
    expect(await value('dwellings', 'WK050503', 2020)).toEqual({ value: 4700, suppressed: false });
    expect(await choropleth()).toBe(512);
    const after = await snapshot();
    expect(after.indicator_values).toBe(before.indicator_values! + 3);
  });

  it('the same bytes again: 200 with the earlier id, nothing written anywhere', async () => {
    const before = await snapshot();
    const again = [
      { fields: { kind: 'areas-geojson', year: '2023' }, file: 'gemeenten_2023.geojson', id: ids.gemeenten, rows: 342 },
      { fields: { kind: 'pdok-geojson', year: '2020' }, file: 'dordrecht_buurten_2020.geojson', id: ids.buurten, rows: 4290 },
      { fields: { kind: 'kwb-csv', year: '2024' }, file: 'kwb2024_gemeenten_wijken_basis.csv', id: ids.kwb, rows: 33_615 },
    ];
    for (const { fields, file, id, rows } of again) {
      const response = await upload(fields, { name: `renamed-${file}`, bytes: demo(file) });
      expect(response.statusCode, file).toBe(200);
      expect(response.json()).toEqual({ id, rows, status: 'already_applied' });
    }
    const csv = 'area_code,indicator,period,value\nBU05050100,dwellings,2020,512\nBU05050101,dwellings,2020,498\nWK050503,dwellings,2020,4700\n';
    const values = await upload({ kind: 'values-csv' }, { name: 'again.csv', bytes: Buffer.from(csv) });
    expect(values.statusCode).toBe(200);
    expect(values.json()).toEqual({ id: ids.values, rows: 3, status: 'already_applied' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('awkward but valid files', () => {
  it('BOM, ";" delimiter and a quoted newline: imports', async () => {
    const response = await upload({ kind: 'values-csv' }, { name: 'bom.csv', bytes: fixture('valid-bom-semicolon-quoted-newline.values.csv') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().rows).toBe(2);
    expect(await value('households', 'BU05050101', 2020)).toEqual({ value: 455, suppressed: false });
  });

  it('CBS special values −99995 and −99997 become null', async () => {
    const response = await upload({ kind: 'pdok-geojson' }, { name: 'special.geojson', bytes: fixture('cbs-special-values.pdok.geojson') });
    expect(response.statusCode, response.body).toBe(201);
    // 1 buurt + 4 values (inhabitants, dwellings, average_woz_value, households).
    expect(response.json().rows).toBe(5);
    expect(await value('dwellings', 'BU03080001', 2024)).toEqual({ value: null, suppressed: false });
    expect(await value('average_woz_value', 'BU03080001', 2024)).toEqual({ value: null, suppressed: false });
    expect(await value('inhabitants', 'BU03080001', 2024)).toEqual({ value: 2345, suppressed: false });
    const list = (await t.app.inject({ url: '/api/v1/imports', headers: { cookie: analyst.cookie } })).json().items as { id: string; report: Record<string, unknown> }[];
    expect(list.find((i) => i.id === response.json().id)?.report).toMatchObject({ cbsSpecialValuesAsNull: 2 });
  });

  it('a self-intersecting polygon is repaired (a valid MultiPolygon) and reported', async () => {
    const response = await upload({ kind: 'areas-geojson', year: '2019' }, { name: 'bowtie.geojson', bytes: fixture('self-intersecting.geojson') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().rows).toBe(1);
    const list = (await t.app.inject({ url: '/api/v1/imports', headers: { cookie: analyst.cookie } })).json().items as { id: string; report: Record<string, unknown> }[];
    expect(list.find((i) => i.id === response.json().id)?.report).toMatchObject({ repairedGeometries: ['GM0505'] });
    const { rows } = await sql<{ type: string; parts: number }>`
      SELECT geometry->>'type' AS type, jsonb_array_length(geometry->'coordinates')::int AS parts FROM area_versions WHERE area_code = 'GM0505' AND year = 2019`.execute(t.database.db);
    // The bow-tie becomes its two triangles.
    expect(rows[0]).toEqual({ type: 'MultiPolygon', parts: 2 });
  });
});

describe('the same file for another year', () => {
  it('is a new import (boundaries often stay the same from one year to the next), and again for that year is not', async () => {
    const before = await snapshot();
    const response = await upload({ kind: 'areas-geojson', year: '2018' }, { name: 'bowtie-2018.geojson', bytes: fixture('self-intersecting.geojson') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ rows: 1, status: 'applied' });
    const { rows: versions } = await sql<{ year: number }>`SELECT year FROM area_versions WHERE area_code = 'GM0505' ORDER BY year`.execute(t.database.db);
    expect(versions.map((v) => v.year)).toEqual([2018, 2019, 2023, 2024]);
    const again = await upload({ kind: 'areas-geojson', year: '2018' }, { name: 'bowtie-2018.geojson', bytes: fixture('self-intersecting.geojson') });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: response.json().id, rows: 1, status: 'already_applied' });
    const after = await snapshot();
    expect(after.area_versions).toBe(before.area_versions! + 1);
    expect(after.imports).toBe(before.imports! + 1);
  });
});

describe('small-number suppression', () => {
  it('a share whose denominator in the same file is below the threshold is stored as suppressed null', async () => {
    // BU05051012 (real data): 15 households, 29 % one-person households; the threshold is 50 households.
    expect(await value('share_one_person_households', 'BU05051012', 2020)).toEqual({ value: null, suppressed: true });
    const response = await t.app.inject({ url: '/api/v1/indicators/share_one_person_households/values?municipality=GM0505&level=buurt&period=2020', headers: { cookie: analyst.cookie } });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { areaCode: string; value: number | null; suppressed: boolean }[];
    expect(items.find((i) => i.areaCode === 'BU05051012')).toEqual({ areaCode: 'BU05051012', value: null, suppressed: true });
    expect(items.find((i) => i.areaCode === 'BU05050100')).toEqual({ areaCode: 'BU05050100', value: 51, suppressed: false });
  });

  it('a share whose stored denominator is below the threshold is suppressed; one above is kept', async () => {
    // Stored inhabitants 2020: BU05050606 10, BU05050100 815; share_age_0_14 is hidden below 50 inhabitants.
    const csv = 'area_code,indicator,period,value\nBU05050606,share_age_0_14,2020,20\nBU05050100,share_age_0_14,2020,9\n';
    const response = await upload({ kind: 'values-csv' }, { name: 'jongeren.csv', bytes: Buffer.from(csv) });
    expect(response.statusCode, response.body).toBe(201);
    expect(await value('share_age_0_14', 'BU05050606', 2020)).toEqual({ value: null, suppressed: true });
    expect(await value('share_age_0_14', 'BU05050100', 2020)).toEqual({ value: 9, suppressed: false });
    const list = (await t.app.inject({ url: '/api/v1/imports', headers: { cookie: analyst.cookie } })).json().items as { id: string; report: Record<string, unknown> }[];
    expect(list.find((i) => i.id === response.json().id)?.report).toMatchObject({ suppressed: 1, values: 2 });
  });
});

describe('broken files: a clear 4xx and zero rows anywhere', () => {
  const cases: { file: string; kind: string; year?: string; type: string; errors: { path: string; message?: RegExp; code?: string; params?: Record<string, unknown> }[] }[] = [
    { file: 'rd-new-without-crs.geojson', kind: 'areas-geojson', year: '2020', type: 'import.crs_missing', errors: [{ path: 'file', message: /RD New/ }] },
    { file: 'not-a-feature-collection.geojson', kind: 'pdok-geojson', year: '2020', type: 'import.not_feature_collection', errors: [{ path: 'file' }] },
    { file: 'latin1.values.csv', kind: 'values-csv', type: 'import.encoding', errors: [{ path: 'file', message: /UTF-8/ }] },
    { file: 'empty.values.csv', kind: 'values-csv', type: 'import.empty', errors: [{ path: 'file' }] },
    { file: 'unknown-indicator.values.csv', kind: 'values-csv', type: 'import.bad_rows', errors: [{ path: 'line 3, column indicator', message: /unknown indicator "bike_thefts_per_lantern"/, code: 'unknown_indicator', params: { code: 'bike_thefts_per_lantern' } }] },
    {
      file: 'unknown-area.values.csv',
      kind: 'values-csv',
      type: 'import.bad_rows',
      errors: [
        { path: 'line 3, column area_code', message: /unknown area BU05059999 for 2020/, code: 'unknown_area', params: { code: 'BU05059999', year: '2020' } },
        { path: 'line 4, column area_code', message: /unknown area BU05050101 for 2015/, code: 'unknown_area', params: { code: 'BU05050101', year: '2015' } },
      ],
    },
    { file: 'not-a-number.values.csv', kind: 'values-csv', type: 'import.bad_rows', errors: [{ path: 'line 4, column value', message: /"veel" is not a number/, code: 'not_a_number' }] },
    { file: 'missing-header-column.values.csv', kind: 'values-csv', type: 'import.values_header', errors: [{ path: 'file', message: /missing: value/ }] },
    { file: 'duplicate-rows.values.csv', kind: 'values-csv', type: 'import.bad_rows', errors: [{ path: 'line 3, column area_code', message: /occurs twice/, code: 'duplicate_row' }] },
  ];

  it.each(cases)('$file → 422 $type', async ({ file, kind, year, type, errors }) => {
    const before = await snapshot();
    const response = await upload({ kind, ...(year ? { year } : {}) }, { name: file, bytes: fixture(file) });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json() as { type: string; status: number; detail: string; errors: { path: string; message: string; code?: string }[] };
    expect(problem.type).toBe(`urn:wijkregie:problem:${type}`);
    expect(problem.status).toBe(422);
    expect(problem.errors).toHaveLength(errors.length);
    errors.forEach((expected, i) => {
      expect(problem.errors[i]?.path).toBe(expected.path);
      if (expected.message) expect(problem.errors[i]?.message).toMatch(expected.message);
      // A bad row carries a stable code (and the params its words name) beside the English message.
      if (expected.code) expect(problem.errors[i]).toMatchObject({ code: expected.code, ...(expected.params ? { params: expected.params } : {}) });
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a bad cell in a KWB file names its line and column; nothing of the good rows is written', async () => {
    const csv = 'code,soort_regio,gemeentecode,gemeentenaam_2023grenzen,aantal_inwoners\nGM0505,Gemeente,GM0505,Dordrecht,122070\nWK050501,Wijk,GM0505,Dordrecht,tienduizend\n';
    const before = await snapshot();
    const response = await upload({ kind: 'kwb-csv', year: '2025' }, { name: 'kwb.csv', bytes: Buffer.from(csv) });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'line 3, column aantal_inwoners', message: '"tienduizend" is not a number', code: 'not_a_number' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('an upload over UPLOAD_LIMIT_BYTES → 413, nothing written', async () => {
    const before = await snapshot();
    const big = Buffer.from(`area_code,indicator,period,value\n${'BU05050100,households,2020,480\n'.repeat(Math.ceil((UPLOAD_LIMIT * 1.5) / 31))}`);
    const response = await upload({ kind: 'values-csv' }, { name: 'big.csv', bytes: big });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 413 });
    expect(await snapshot()).toEqual(before);
  });

  it('a JSON body → 415 problem, nothing written', async () => {
    const before = await snapshot();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: analyst.headers, payload: { kind: 'values-csv', file: 'area_code,indicator,period,value' } });
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 415, type: 'urn:wijkregie:problem:unsupported_media_type' });
    expect(await snapshot()).toEqual(before);
  });

  it('a missing or unknown kind, a KWB file without year, or no file → 422, nothing written', async () => {
    const before = await snapshot();
    const csv = { name: 'x.csv', bytes: demo('kwb2024_gemeenten_wijken_basis.csv') };
    const missingKind = await upload({ year: '2024' }, csv);
    expect(missingKind.statusCode).toBe(422);
    expect(missingKind.json().errors).toContainEqual(expect.objectContaining({ path: 'kind' }));
    const unknownKind = await upload({ kind: 'shapefile', year: '2024' }, csv);
    expect(unknownKind.statusCode).toBe(422);
    expect(unknownKind.json().errors).toContainEqual(expect.objectContaining({ path: 'kind' }));
    const noYear = await upload({ kind: 'kwb-csv' }, { name: 'x.csv', bytes: Buffer.from('code,soort_regio,aantal_inwoners\nGM0505,Gemeente,1\n') });
    expect(noYear.statusCode).toBe(422);
    expect(noYear.json().type).toBe('urn:wijkregie:problem:import.year_required');
    const badYear = await upload({ kind: 'kwb-csv', year: 'twintig' }, csv);
    expect(badYear.statusCode).toBe(422);
    expect(badYear.json().errors).toContainEqual(expect.objectContaining({ path: 'year' }));
    const noFile = await upload({ kind: 'values-csv' });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().errors).toEqual([{ path: 'file', message: 'required', code: 'required' }]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may import', () => {
  it('a programme manager and a partner get 403 and write nothing', async () => {
    const before = await snapshot();
    const csv = { name: 'x.csv', bytes: Buffer.from('area_code,indicator,period,value\nBU05050100,households,2020,1\n') };
    for (const session of [manager, partner]) {
      const response = await upload({ kind: 'values-csv' }, csv, session);
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect((await t.app.inject({ url: '/api/v1/imports', headers: { cookie: session.cookie } })).statusCode).toBe(403);
    }
    expect(await value('households', 'BU05050100', 2020)).toEqual({ value: 480, suppressed: false });
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET /api/v1/imports', () => {
  it('lists every applied import, newest first, with who did it and its report', async () => {
    const response = await t.app.inject({ url: '/api/v1/imports', headers: { cookie: analyst.cookie } });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; kind: string; fileName: string; year: number | null; rows: number; createdAt: string; createdBy: string | null; report: Record<string, unknown> }[];
    expect(items).toHaveLength(await countRows(t.database, 'imports'));
    expect(items).toHaveLength(10);
    const times = items.map((i) => Date.parse(i.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items.find((i) => i.id === ids.kwb)).toMatchObject({
      kind: 'kwb-csv',
      fileName: 'kwb2024_gemeenten_wijken_basis.csv',
      year: 2024,
      rows: 33_615,
      createdBy: 'analist',
      report: { format: 'kwb-extract', areas: 3735, values: 29_880, areaVersions: 3735, suppressed: 0 },
    });
    expect(items.find((i) => i.id === ids.gemeenten)?.report).toMatchObject({ areas: 342, repairedGeometries: ['GM0852', 'GM1676'] });
    expect(items.find((i) => i.id === ids.buurten)?.report).toMatchObject({ crs: 'wgs84', areas: 130, values: 4160 });
  });
});

/** A FeatureCollection of gemeenten whose boundaries are circles of `positions` positions each, around Dordrecht. */
function circles(positions: number, count = 1, properties: (i: number) => Record<string, unknown> = (i) => ({ code: `GM${String(9000 + i)}`, name: `Rondstad ${i}`, level: 'gemeente' })): string {
  const features = Array.from({ length: count }, (_, i) => {
    const ring: number[][] = [];
    for (let k = 0; k < positions - 1; k += 1) {
      const angle = (2 * Math.PI * k) / (positions - 1);
      ring.push([Math.round((4.6 + i * 0.2 + 0.05 * Math.cos(angle)) * 1e6) / 1e6, Math.round((51.8 + 0.05 * Math.sin(angle)) * 1e6) / 1e6]);
    }
    ring.push(ring[0]!);
    return { type: 'Feature', properties: properties(i), geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('heavy files: read off the event loop, within caps (issue 12, item 4)', () => {
  it('answers /api/v1/health while a comb polygon with 4,000 teeth is being checked', async () => {
    const before = await snapshot();
    let importFinished = false;
    let onWorker: () => void = () => {};
    const workerStarted = new Promise<'worker'>((resolve) => (onWorker = () => resolve('worker')));
    process.on('worker', onWorker);
    try {
      const importing = upload({ kind: 'areas-geojson', year: '2017' }, { name: 'kam.geojson', bytes: Buffer.from(combFeatureCollection(4000)) }).finally(() => (importFinished = true));
      // Health requests sent once the file is being read (its worker thread started) must be answered before
      // the import is: the file is read and checked off the server's event loop.
      const first = await Promise.race([workerStarted, importing.then(() => 'import' as const)]);
      let answeredWhileReading = 0;
      if (first === 'worker') {
        for (let k = 0; k < 3; k += 1) {
          const health = await t.app.inject({ url: '/api/v1/health' });
          expect(health.statusCode).toBe(200);
          if (!importFinished) answeredWhileReading += 1;
        }
      }
      const response = await importing;
      expect(response.statusCode, response.body).toBe(201);
      expect(answeredWhileReading, 'health answers while the import was reading its file').toBe(3);
      const after = await snapshot();
      expect(after.area_versions).toBe(before.area_versions! + 1);
    } finally {
      process.off('worker', onWorker);
    }
  });

  it('a comb with 8,000 teeth (0.5 MB) is valid and kept as it is; one with a crossed tooth is repaired', async () => {
    const valid = await upload({ kind: 'areas-geojson', year: '2016' }, { name: 'kam-8000.geojson', bytes: Buffer.from(combFeatureCollection(8000)) });
    expect(valid.statusCode, valid.body).toBe(201);
    const crossed = await upload({ kind: 'areas-geojson', year: '2015' }, { name: 'kam-gekruist.geojson', bytes: Buffer.from(combFeatureCollection(2000, { crossedTooth: 1234 })) });
    expect(crossed.statusCode, crossed.body).toBe(201);
    const reports = (await t.app.inject({ url: '/api/v1/imports', headers: { cookie: analyst.cookie } })).json().items as { id: string; report: Record<string, unknown> }[];
    expect(reports.find((i) => i.id === valid.json().id)?.report).toMatchObject({ repairedGeometries: [] });
    expect(reports.find((i) => i.id === crossed.json().id)?.report).toMatchObject({ repairedGeometries: ['GM0505'] });
    const { rows } = await sql<{ year: number; type: string; positions: number }>`
      SELECT year, geometry->>'type' AS type, jsonb_array_length(geometry->'coordinates'->0)::int AS positions
      FROM area_versions WHERE area_code = 'GM0505' AND year IN (2015, 2016) ORDER BY year`.execute(t.database.db);
    expect(rows[1]).toEqual({ year: 2016, type: 'Polygon', positions: combRing(8000).length });
    expect(rows[0]?.type).toBe('MultiPolygon');
  });

  it('a feature with more positions than the cap (200,000) → 422 naming the feature, nothing written', async () => {
    const before = await snapshot();
    const response = await upload({ kind: 'areas-geojson', year: '2014' }, { name: 'te-fijn.geojson', bytes: Buffer.from(circles(200_001)) });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(422);
    expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:import.bad_rows' });
    expect(response.json().errors).toEqual([{ path: 'feature 1, geometry', message: expect.stringMatching(/200001 positions; a feature may have at most 200000/), code: 'too_many_positions', params: { maximum: 200_000 } }]);
    expect(await snapshot()).toEqual(before);
  });

  it('a file with more positions than the file cap → 413 before its geometry is read, nothing written', async () => {
    const before = await snapshot();
    const run = (file: string) => runImport(t.database.db, SYSTEM_ACTOR, { kind: 'areas-geojson', fileName: 'veel.geojson', content: Buffer.from(file), year: 2013, limits: { maxPositionsPerFile: 1000 } });
    // Three features of 400 positions: over the cap only together.
    await expect(run(circles(400, 3))).rejects.toMatchObject({ status: 413, code: 'import.too_many_positions' });
    // Counted exactly after parsing as well: positions written with spaces after the bracket.
    await expect(run(circles(400, 3).replaceAll('[4', '[ 4'))).rejects.toMatchObject({ status: 413, code: 'import.too_many_positions' });
    expect(await snapshot()).toEqual(before);
    const fits = await runImport(t.database.db, SYSTEM_ACTOR, { kind: 'areas-geojson', fileName: 'genoeg.geojson', content: Buffer.from(circles(400, 2)), year: 2013, limits: { maxPositionsPerFile: 1000 } });
    expect(fits).toMatchObject({ status: 'applied', rows: 2 });
  });

  it('one file is read at a time and four wait; a sixth upload meanwhile → 503 import.busy with Retry-After', async () => {
    const results = await Promise.allSettled(
      [2001, 2002, 2003, 2004, 2005, 2006].map((year) => runImport(t.database.db, SYSTEM_ACTOR, { kind: 'areas-geojson', fileName: `rij-${year}.geojson`, content: Buffer.from(circles(50, 1)), year })),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ status: 503, code: 'import.busy', headers: { 'retry-after': '60' } });
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.status === 'applied')).toHaveLength(5);
  });

  it('a file that takes longer than the time limit → 503 with Retry-After, nothing written', async () => {
    const before = await snapshot();
    const response = runImport(t.database.db, SYSTEM_ACTOR, { kind: 'areas-geojson', fileName: 'traag.geojson', content: Buffer.from(combFeatureCollection(4000)), year: 2012, limits: { timeLimitMs: 1 } });
    await expect(response).rejects.toMatchObject({ status: 503, code: 'import.timeout', headers: { 'retry-after': '60' } });
    expect(await snapshot()).toEqual(before);
  });

  it('a file that needs more memory than the limit → 413, nothing written, and the server keeps its own memory', async () => {
    const before = await snapshot();
    const response = runImport(t.database.db, SYSTEM_ACTOR, { kind: 'areas-geojson', fileName: 'groot.geojson', content: Buffer.from(circles(150_000, 4)), year: 2011, limits: { memoryLimitMb: 48 } });
    await expect(response).rejects.toMatchObject({ status: 413, code: 'import.too_large' });
    expect(await snapshot()).toEqual(before);
    // The same limit is no obstacle for a small file: it is the file that did not fit.
    const small = await runImport(t.database.db, SYSTEM_ACTOR, { kind: 'areas-geojson', fileName: 'klein.geojson', content: Buffer.from(circles(1000, 1)), year: 2011, limits: { memoryLimitMb: 48 } });
    expect(small).toMatchObject({ status: 'applied', rows: 1 });
  });
});

describe('CSV caps and text that cannot be stored (issue 12, items 5 and 6)', () => {
  const refused = async (fields: Record<string, string>, name: string, bytes: Buffer | string) => {
    const before = await snapshot();
    const response = await upload(fields, { name, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) });
    expect(await snapshot()).toEqual(before);
    return response;
  };

  it('a values CSV wider than its 4 columns plus a margin → 422 before its rows are read', async () => {
    const response = await refused({ kind: 'values-csv' }, 'breed.csv', `area_code,indicator,period,value,${Array.from({ length: 17 }, (_, i) => `extra${i}`).join(',')}\nBU05050100,dwellings,2020,1${',x'.repeat(17)}\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:import.too_many_columns', errors: [{ path: 'file', message: 'The header has 21 columns; this kind of file has at most 20' }] });
  });

  it('a KWB header of a million columns (4 MB) → a small 422 naming line 1', async () => {
    const response = await refused({ kind: 'kwb-csv', year: '2024' }, 'kwb-breed.csv', `${'x;'.repeat(1_000_000)}x\nGM0505;1\n`);
    expect(response.statusCode).toBe(422);
    expect(response.body.length).toBeLessThan(5_000);
    expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:import.record_too_long', errors: [{ path: 'file', message: expect.stringMatching(/^Line 1 holds a record longer than 65536 bytes/) }] });
  });

  it('one 5 MB cell → 422 naming its line', async () => {
    const response = await refused({ kind: 'values-csv' }, 'lang.csv', `area_code,indicator,period,value\nBU05050100,dwellings,2020,1\nBU05050101,dwellings,2020,${'9'.repeat(5_000_000)}\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:import.record_too_long', errors: [{ path: 'file', message: expect.stringMatching(/^Line 3 holds a record longer than/) }] });
  });

  it('a NUL character in a CSV cell → 422 naming line and column, never a 500', async () => {
    const values = await refused({ kind: 'values-csv' }, 'nul.csv', 'area_code,indicator,period,value\nBU05050100,dwellings,2020,1\nBU05050101,dwell\u0000ings,2020,2\n');
    expect(values.statusCode, values.body).toBe(422);
    expect(values.json().errors).toEqual([{ path: 'line 3, column indicator', message: 'contains a NUL character', code: 'invalid_characters' }]);
    const kwb = await refused({ kind: 'kwb-csv', year: '2026' }, 'nul-kwb.csv', 'WijkenEnBuurten;Codering_3;AantalInwoners_5\n"Dor\u0000drecht";GM0505;122070\n');
    expect(kwb.statusCode, kwb.body).toBe(422);
    expect(kwb.json().errors).toEqual([{ path: 'line 2, column WijkenEnBuurten', message: 'contains a NUL character', code: 'invalid_characters' }]);
  });

  it('a NUL or a lone surrogate in a GeoJSON property → 422 naming feature and property, never a 500', async () => {
    const square = { type: 'Polygon', coordinates: [[[4.6, 51.8], [4.7, 51.8], [4.7, 51.9], [4.6, 51.8]]] };
    // Written as JSON escapes, as an attacker's file would carry them.
    const file = `{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"GM0505","name":"Dord\\u0000recht","level":"gemeente"},"geometry":${JSON.stringify(square)}},
      {"type":"Feature","properties":{"code":"GM0308","name":"Baarn\\ud800","level":"gemeente"},"geometry":${JSON.stringify(square)}},
      {"type":"Feature","properties":{"code":"GM0344","name":"Utrecht","\\udc00":1,"level":"gemeente"},"geometry":${JSON.stringify(square)}}]}`;
    const response = await refused({ kind: 'pdok-geojson', year: '2026' }, 'tekens.geojson', file);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().errors).toEqual([
      { path: 'feature 1, property name', message: 'contains a NUL character', code: 'invalid_characters' },
      { path: 'feature 2, property name', message: expect.stringMatching(/lone surrogate/), code: 'invalid_characters' },
      { path: 'feature 3, property \\udc00', message: expect.stringMatching(/^the property name contains invalid text/), code: 'invalid_characters' },
    ]);
  });

  it('bad features of a boundaries file each carry a code the web words: area code, year, geometry, twice', async () => {
    const square = { type: 'Polygon', coordinates: [[[4.6, 51.8], [4.7, 51.8], [4.7, 51.9], [4.6, 51.8]]] };
    const feature = (properties: Record<string, unknown>, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ code: 'XX0505', name: 'Nergens', level: 'gemeente' }),
        feature({ name: 'Zonder code' }),
        feature({ code: 'GM0505', name: 'Dordrecht', level: 'gemeente' }, { type: 'Polygon', coordinates: [[[4.6, 51.8], [4.7, 51.8]]] }),
        feature({ code: 'GM0308', name: 'Baarn', level: 'gemeente', jaar: 2019 }),
        feature({ code: 'GM0308', name: 'Baarn', level: 'gemeente', jaar: 2019 }),
      ],
    });
    const before = await snapshot();
    const response = await refused({ kind: 'areas-geojson', year: '2019' }, 'grenzen.geojson', file);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({
      type: 'urn:wijkregie:problem:import.bad_rows',
      errors: [
        { path: 'feature 1', code: 'invalid_area_code' },
        { path: 'feature 2', code: 'required' },
        { path: 'feature 3 (GM0505), geometry', code: 'invalid_geometry' },
        { path: 'feature 5', code: 'duplicate_row' },
      ],
    });
    expect(response.json().errors).toHaveLength(4);
    expect(await snapshot()).toEqual(before);
  });

  it('more bad rows than are listed end with one entry that counts the rest, with its count as a param', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => `BU05050101,dwellings,2020,veel${i}`);
    const response = await refused({ kind: 'values-csv' }, 'veel.csv', `area_code,indicator,period,value\n${lines.join('\n')}\n`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(422);
    const errors = response.json().errors as { path: string; code: string; params?: Record<string, unknown> }[];
    expect(errors.at(-1)).toMatchObject({ path: 'file', code: 'more_not_listed', params: { count: 130 - (errors.length - 1) } });
    expect(errors.slice(0, -1).every((error) => error.code === 'not_a_number')).toBe(true);
  });

  it('a file name with a NUL character → 422, never a 500', async () => {
    const response = await refused({ kind: 'values-csv' }, 'waarden\u0000.csv', 'area_code,indicator,period,value\nBU05050100,dwellings,2020,1\n');
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:import.file_name', errors: [{ path: 'file' }] });
  });
});
