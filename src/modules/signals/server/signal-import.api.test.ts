import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { createSignalsTestApp, get } from './testing/signals-test-app.js';

let t: TestApp;
let analist: TestSession;

beforeAll(async () => {
  t = await createSignalsTestApp();
  analist = await t.login('analist');
});
afterAll(() => t.close());

function upload(content: Buffer | string, municipality = 'GM0505') {
  const boundary = '----signalsimport';
  const file = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="municipality"\r\n\r\n${municipality}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="meldingen.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: '/api/v1/signal-imports', headers: { ...analist.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

const HEADER = 'external_id;category;occurred_at;lon;lat;address;area_code;description;confidentiality;legal_regime;purpose;retention_until';
const row = (id: string, over: Partial<Record<string, string>> = {}) => {
  const cells = { external_id: id, category: 'verloedering', occurred_at: '2026-09-01T08:00:00Z', lon: '4,6633', lat: '51,8008', address: '', area_code: '', description: 'Zwerfafval bij container', confidentiality: 'internal', legal_regime: 'municipal-task', purpose: 'Schoon en heel', retention_until: '', ...over };
  return Object.values(cells).map((v) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(';');
};

const GOOD = `\uFEFF${HEADER}\r\n${row('MOR-1')}\r\n${row('MOR-2', { description: 'Graffiti\nop twee gevels', lon: '', lat: '', area_code: 'BU05050401' })}\r\n${row('MOR-3', { category: 'verkeersonveiligheid' })}\r\n`;

// A broken corpus: each file → 422 with a line (and column where there is one), and zero rows.
// The last element is the code each row's reason carries, which the web words (field-errors.ts).
const BROKEN: [string, Buffer | string, RegExp, string][] = [
  ['wrong encoding (Latin-1)', Buffer.from(`${HEADER}\n${row('MOR-9', { description: 'Overlast bij café' })}\n`, 'latin1'), /^line 1$/, 'invalid_characters'],
  ['unclosed quote', `${HEADER}\n${row('MOR-9')}\nMOR-10;verloedering;"2026-09-01T08:00:00Z;4.66;51.8\n`, /^line 3/, 'invalid_csv'],
  ['unknown column', `${HEADER};naam\n${row('MOR-9')};Jan\n`, /^line 1, column 13$/, 'unknown_column'],
  ['missing purpose column', `${HEADER.replace(';purpose', '')}\n${row('MOR-9').split(';').filter((_, i) => i !== 10).join(';')}\n`, /^line 1$/, 'missing_column'],
  ['empty purpose', `${HEADER}\n${row('MOR-9')}\n${row('MOR-10', { purpose: '' })}\n`, /^line 3, column 11 \(purpose\)$/, 'required'],
  ['criminal-law category under the wrong regime', `${HEADER}\n${row('MOR-9', { category: 'ondermijning' })}\n`, /^line 2, column 10 \(legal_regime\)$/, 'not_allowed'],
  ['RD New instead of WGS84', `${HEADER}\n${row('MOR-9', { lon: '105000', lat: '425000' })}\n`, /^line 2, column 4 \(lon\)$/, 'too_large'],
  ['point outside any buurt', `${HEADER}\n${row('MOR-9', { lon: '5.1', lat: '52.1' })}\n`, /^line 2, column 4 \(lon\)$/, 'point_outside_areas'],
  ['duplicate external id', `${HEADER}\n${row('MOR-9')}\n${row('MOR-9')}\n`, /^line 3, column 1 \(external_id\)$/, 'duplicate_row'],
  ['bad date', `${HEADER}\n${row('MOR-9', { occurred_at: '31-12-2025' })}\n`, /^line 2, column 3 \(occurred_at\)$/, 'invalid_date'],
  ['header only', `${HEADER}\n`, /^line 2$/, 'no_rows'],
  ['empty file', '', /^line 1$/, 'no_rows'],
];

describe('signal CSV import', () => {
  it('a date in the file that does not exist says how the file writes a date (ISO 8601)', async () => {
    const response = await upload(`${HEADER}\n${row('MOR-9', { occurred_at: '31-12-2025', retention_until: '2027-02-30' })}\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'line 2, column 3 (occurred_at)', code: 'invalid_date', params: { written: 'iso' } }),
        expect.objectContaining({ path: 'line 2, column 12 (retention_until)', code: 'invalid_date', params: { written: 'iso_day' } }),
      ]),
    );
    expect(await countRows(t.database, 'signal_imports')).toBe(0);
  });

  it.each(BROKEN)('%s → 422 with line/column and a code, zero rows', async (_name, content, path, code) => {
    const before = await countRows(t.database, 'signals');
    const response = await upload(content);
    expect(response.statusCode).toBe(422);
    const errors = response.json().errors as { path: string; message: string; code?: string }[];
    expect(errors.some((e) => path.test(e.path) && e.code === code), JSON.stringify(errors)).toBe(true);
    expect(errors.every((e) => typeof e.code === 'string'), JSON.stringify(errors)).toBe(true);
    expect(await countRows(t.database, 'signals')).toBe(before);
    expect(await countRows(t.database, 'signal_imports')).toBe(0);
  });

  it('imports a good file (BOM, semicolons, decimal commas, quoted newline) once; the same file again adds nothing', async () => {
    const first = await upload(GOOD);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ rows: 3, skipped: 0, status: 'applied' });
    const list = (await get(t, analist, '/api/v1/signals?municipality=GM0505')).json();
    expect(list.total).toBe(3);
    expect(list.items.map((i: { areaCode: string }) => i.areaCode).sort()).toEqual(['BU05050305', 'BU05050305', 'BU05050401']);
    const again = await upload(GOOD);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, status: 'already_imported' });
    // Another file with the same source ids (a later export of the same system) adds only the new row.
    const later = await upload(`${HEADER}\n${row('MOR-1')}\n${row('MOR-4')}\n`);
    expect(later.json()).toMatchObject({ rows: 1, skipped: 1, status: 'applied' });
    expect(await countRows(t.database, 'signals')).toBe(4);
  });

  it('refuses the import for a partner without the permission', async () => {
    const corporatie = await t.login('corporatie');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/signal-imports', headers: corporatie.headers });
    expect(response.statusCode).toBe(403);
  });
});

describe('signal CSV import caps and text that cannot be stored (issue 12, items 5 and 6)', () => {
  const expectNothingStored = async () => {
    expect(await countRows(t.database, 'signals')).toBe(storedBefore);
    expect(await countRows(t.database, 'signal_imports')).toBe(importsBefore);
  };
  let storedBefore = 0;
  let importsBefore = 0;
  beforeAll(async () => {
    storedBefore = await countRows(t.database, 'signals');
    importsBefore = await countRows(t.database, 'signal_imports');
  });

  it('a header of a million columns (4 MB) → a small 422 naming line 1, read no further', async () => {
    // Only the header, as in the probe (each unknown column was one error in a 211 MB answer).
    const response = await upload(`${'x;'.repeat(1_000_000)}x\n`);
    expect(response.statusCode).toBe(422);
    expect(response.body.length).toBeLessThan(20_000);
    expect(response.json().errors).toEqual([{ path: 'line 1', message: expect.stringMatching(/header line is longer than 65536 bytes/), code: 'invalid_csv' }]);
    await expectNothingStored();
  });

  it('a header wider than the contract plus a margin (5,000 columns in 10 KB) → 422 saying how wide', async () => {
    const response = await upload(`${HEADER};${'x;'.repeat(4987)}x\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'line 1', message: '5000 columns; a signals CSV has 12 (at most 20 are read)', code: 'too_many', params: { maximum: 20 } }]);
    await expectNothingStored();
  });

  it('one 20 MB cell → 422 at its line as soon as the record passes 64 KiB', async () => {
    const response = await upload(`${HEADER}\n${row('MOR-20', { description: 'a'.repeat(20_000_000) })}\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'line 2', message: expect.stringMatching(/a record is longer than 65536 bytes/), code: 'invalid_csv' }]);
    await expectNothingStored();
  });

  it('every bad row counted, the first 100 listed and the rest summed up', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => row(`MOR-B${i}`, { category: 'onbekend' }));
    const response = await upload(`${HEADER}\n${rows.join('\n')}\n`);
    expect(response.statusCode).toBe(422);
    const problem = response.json() as { detail: string; errors: { path: string; message: string }[] };
    expect(problem.detail).toBe('The file has 250 problem(s); nothing was imported');
    expect(problem.errors).toHaveLength(101);
    expect(problem.errors[0]?.path).toBe('line 2, column 2 (category)');
    expect(problem.errors[100]).toEqual({ path: 'file', message: '150 more problems not listed', code: 'more_not_listed', params: { count: 150 } });
    await expectNothingStored();
  });

  it('a NUL character in a cell → 422 naming line and column, never a 500', async () => {
    const response = await upload(`${HEADER}\n${row('MOR-20')}\n${row('MOR-21', { description: 'Zwerf\u0000afval' })}\n`);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'line 3, column 8 (description)', message: 'contains a NUL character', code: 'invalid_characters' }]);
    await expectNothingStored();
  });

  it('a file name with a NUL character → 422, never a 500', async () => {
    const boundary = '----signalsimport';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="municipality"\r\n\r\nGM0505\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="melding\u0000en.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(`${HEADER}\n${row('MOR-20')}\n`),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/signal-imports', headers: { ...analist.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().errors).toEqual([{ path: 'file', message: expect.stringMatching(/file name/) }]);
    await expectNothingStored();
  });
});
