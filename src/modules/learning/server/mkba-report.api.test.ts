import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { MkbaDetail, MkbaResult } from '../contract.js';

/**
 * The MKBA report as Word and PDF (GET /api/v1/mkbas/:id/report.docx|pdf): the file opens, holds the starting
 * points and the figures Dutch formatted, and every download is audited as an export. A hand-made MKBA at 4 %
 * gives figures worked out by hand; the demo MKBA of Dordt West shows the illustrative label and the linked
 * benefit with its goal.
 */

let t: TestApp;
let analyst: TestSession;
let dir = '';
let mkbaId = '';
let demoId = '';

const send = (method: 'POST' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url, headers: analyst.headers, payload });
const download = (id: string, format: 'docx' | 'pdf', session = analyst) => t.app.inject({ url: `/api/v1/mkbas/${id}/report.${format}`, headers: { cookie: session.cookie } });
/** Text of a file (in Word a space after each paragraph and cell), whitespace (also the non-breaking space in "€ 1.234,56") made one plain space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function docxText(body: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return flat(execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<\/w:(p|tc)>/g, ' ').replace(/<[^>]+>/g, ''));
}
function pdfText(body: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
}
const exports = async (id: string) => (await sql<{ format: string }>`SELECT detail->>'format' AS format FROM audit_log WHERE action = 'mkba.export' AND subject_id = ${id} ORDER BY id`.execute(t.database.db)).rows.map((r) => r.format);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mkba-report-'));
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'learning'] });
  analyst = await t.login('analist');
  const created = await send('POST', '/api/v1/mkbas', {
    areaCode: 'FAdordt-west',
    name: 'Rapporttest',
    nullAlternative: 'Het beheer gaat door zoals nu.',
    baseYear: 2026,
    horizonYears: 5,
    discountRate: 4,
    rateJustification: 'Voorgeschreven door de provincie voor deze regeling',
  });
  expect(created.statusCode, created.body).toBe(201);
  mkbaId = created.json<MkbaDetail>().id;
  const alternativeId = (await send('POST', `/api/v1/mkbas/${mkbaId}/alternatives`, { name: 'Buurtbeheer' })).json<MkbaDetail>().alternatives[0]!.id;
  // € 10.000 costs now, € 20.800 benefits a year later: at 4 % the benefits are worth € 20.000 now.
  for (const line of [
    { kind: 'cost', actor: 'gemeente', year: 2026, amountCents: 1_000_000 },
    { kind: 'benefit', actor: 'corporatie', year: 2027, amountCents: 2_080_000 },
    { kind: 'benefit', actor: 'bewoners', year: 2028, amountCents: null, description: 'Meer vertrouwen in de buurt' },
  ]) {
    const added = await send('POST', `/api/v1/mkba-alternatives/${alternativeId}/lines`, line);
    expect(added.statusCode, added.body).toBe(201);
  }
  const list = await t.app.inject({ url: '/api/v1/mkbas?area=FAdordt-west', headers: { cookie: analyst.cookie } });
  demoId = list.json<{ items: { id: string; isDemo: boolean }[] }>().items.find((m) => m.isDemo)!.id;
}, 300_000);
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the MKBA report', () => {
  it('as Word: opens and holds the starting points and the figures worked out by hand', async () => {
    const response = await download(mkbaId, 'docx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mkba-rapporttest-\d{4}-\d{2}-\d{2}\.docx"$/);
    const text = docxText(response.rawPayload, 'report.docx');
    for (const expected of [
      'Dordt West',
      'Rapporttest',
      '2026 tot en met 2031',
      '4 % (reëel)',
      'Voorgeschreven door de provincie voor deze regeling',
      'Werkgroep discontovoet 2020',
      'Het beheer gaat door zoals nu.',
      'Alternatief: Buurtbeheer',
      // PV costs € 10.000, PV benefits 2.080.000 / 1,04 = € 20.000, NCW € 10.000, B/C 2,00, IRR 20.800/10.000 − 1 = 108 %.
      'Contante waarde kosten € 10.000,00',
      'Contante waarde baten € 20.000,00',
      'Netto contante waarde (NCW) € 10.000,00',
      'Baten/kosten-verhouding 2,00',
      'Intern rendement 108 %',
      'Woningcorporatie € 0,00 € 20.000,00 € 20.000,00',
      'Bewoners, 2028: Meer vertrouwen in de buurt',
      'Gevoeligheid',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Illustratief');
  });

  it('as PDF: a PDF whose text holds the NCW', async () => {
    const response = await download(mkbaId, 'pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(response.rawPayload, 'report.pdf');
    expect(text).toContain('€ 10.000,00');
    expect(text).toContain('Rapporttest');
  });

  it('is audited as an export with its format, for who may only read too', async () => {
    const finance = await t.login('financien');
    expect((await download(mkbaId, 'pdf', finance)).statusCode).toBe(200);
    expect(await exports(mkbaId)).toEqual(['docx', 'pdf', 'pdf']);
  });

  it('of the demo: labelled illustrative, with the linked benefit, its goal and its figures', async () => {
    const result = (await t.app.inject({ url: `/api/v1/mkbas/${demoId}/result`, headers: { cookie: analyst.cookie } })).json<MkbaResult>();
    const linked = result.alternatives[0]!.linkedBenefits[0]!;
    const text = docxText((await download(demoId, 'docx')).rawPayload, 'demo.docx');
    expect(text).toContain('Illustratief');
    expect(text).toContain('(illustratief)');
    expect(text).toContain('Gekoppelde baten');
    expect(text).toContain(linked.goal!.name);
    expect(text).toContain(`nulmeting ${new Intl.NumberFormat('nl-NL').format(linked.goal!.baseline)} (1 januari 2020), doel 33.000 op 1 januari 2030`);
    const pdf = pdfText((await download(demoId, 'pdf')).rawPayload, 'demo.pdf');
    expect(pdf).toContain('Illustratief');
  });

  it('is 404 for an unknown MKBA and 422 for an id that is no id, and audits nothing then', async () => {
    const before = await exports('00000000-0000-4000-8000-000000000000');
    const unknown = await download('00000000-0000-4000-8000-000000000000', 'docx');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const malformed = await download('not-an-id', 'pdf');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(await exports('00000000-0000-4000-8000-000000000000')).toEqual(before);
  });
});
