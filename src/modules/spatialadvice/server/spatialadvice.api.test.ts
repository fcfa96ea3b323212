import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import type { ScanDetail, Template, TriggerSummary } from '../contract.js';
import { PHOTO_MAX_BYTES } from '../contract.js';
import { seedSpatialAdviceDemo } from './demo-spatial-advice.js';
import { jpegWithExif, pngWithMetadata, SAMPLE_JPEG, SAMPLE_PNG, SECRET_METADATA } from './sample-photos.js';

/**
 * The spatial-safety advice through the API: the demo, triggers (by hand, from a saved hot spot, for
 * programmes), checklist versions, scoring by disciplines with photos, the advice and its conditions, the
 * document, permissions, and bad input that changes nothing.
 */

let t: TestApp;
let manager: TestSession;
let analyst: TestSession;
let police: TestSession;
let corporation: TestSession;
let care: TestSession;
let finance: TestSession;
let admin: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'spatialadvice'] });
  [manager, analyst, police, corporation, care, finance, admin] = [
    await t.login('regisseur'),
    await t.login('analist'),
    await t.login('politie'),
    await t.login('corporatie'),
    await t.login('zorg'),
    await t.login('financien'),
    await t.login('beheerder'),
  ];
}, 300_000);
afterAll(() => t?.close());

const ROOT = '/api/v1/spatial-advice';
const get = (url: string, session = manager) => t.app.inject({ url, headers: { cookie: session.cookie } });
const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object | undefined, session = manager) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const TABLES = ['spatial_triggers', 'spatial_templates', 'spatial_template_items', 'spatial_scans', 'spatial_participants', 'spatial_scores', 'spatial_photos', 'spatial_conditions', 'audit_log'];
const counts = async () => Promise.all(TABLES.map((table) => countRows(t.database, table)));
const today = () => calendarDayOf(new Date());
const inDays = (days: number) => calendarDayOf(new Date(Date.now() + days * 86_400_000));

function upload(url: string, content: Buffer, session: TestSession, fileName = 'foto.jpg', type = 'image/jpeg') {
  const boundary = '----spatialadvice-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url, headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

async function peopleId(username: string): Promise<string> {
  const row = await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return row.id;
}

async function manualTrigger(placeName: string): Promise<TriggerSummary> {
  const response = await send('POST', `${ROOT}/triggers`, { kind: 'public_space', areaCode: 'BU05050700', placeName, point: { lat: 51.7913, lon: 4.6541 } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TriggerSummary>();
}

describe('the demo advice for the Admiraalsplein', () => {
  it('is a signed voorwaardelijk gunstig advice scored by the police and the corporation, marked as demo', async () => {
    const list = await get(`${ROOT}/triggers?area=FAdordt-west`, police);
    expect(list.statusCode).toBe(200);
    const demo = list.json<{ items: TriggerSummary[] }>().items.find((i) => i.isDemo);
    expect(demo).toMatchObject({ placeName: 'Admiraalsplein', areaName: 'Admiraalsplein', status: 'advised', outcome: 'voorwaardelijk_gunstig', kind: 'public_space' });
    expect(demo!.geometry).toMatchObject({ type: 'Polygon' });
    const scan = (await get(`${ROOT}/scans/${demo!.scanId}`, police)).json<ScanDetail>();
    expect(new Set(scan.participants.map((p) => p.discipline))).toEqual(new Set(['politie', 'corporatie']));
    expect(scan.scores).toHaveLength(2 * scan.template.items.length);
    expect(scan.disagreements.length).toBeGreaterThan(0);
    expect(scan.advice?.conditions).toHaveLength(1);
    expect(scan.can).toMatchObject({ manage: false, score: false });
  });

  it('is seeded once, however often the seed runs', async () => {
    const before = await counts();
    await seedSpatialAdviceDemo(t.database.db);
    expect(await counts()).toEqual(before);
  });
});

describe('the checklist', () => {
  it('ships version 1 with requirements and recommendations in every CPTED theme', async () => {
    const list = (await get(`${ROOT}/templates`, police)).json<{ items: { id: string; version: number }[] }>().items;
    const first = list.find((v) => v.version === 1)!;
    const template = (await get(`${ROOT}/templates/${first.id}`, police)).json<Template>();
    expect(new Set(template.items.map((i) => i.theme))).toEqual(new Set(['zichtbaarheid', 'toegang', 'territorialiteit', 'beheer', 'verlichting', 'levendigheid', 'routes']));
    for (const theme of new Set(template.items.map((i) => i.theme))) {
      expect(new Set(template.items.filter((i) => i.theme === theme).map((i) => i.kind))).toEqual(new Set(['requirement', 'recommendation']));
    }
  });

  it('publishes a new version without changing a scan that started on the old one', async () => {
    const trigger = await manualTrigger('Plein voor versietest');
    const before = (await send('POST', `${ROOT}/scans`, { triggerId: trigger.id })).json<ScanDetail>();
    const current = before.template;
    const items = current.items.map((i) => ({ theme: i.theme, kind: i.kind, text: i.text }));
    items[0] = { ...items[0]!, text: 'Aangepaste eis: het plein is vanuit minstens twee woningen te zien.' };
    const published = await send('POST', `${ROOT}/templates`, { note: 'Eerste eis scherper', items: [...items, { theme: 'verlichting', kind: 'recommendation', text: 'Verlichting op bewegingsmelders bij de fietsenstalling.' }] }, admin);
    expect(published.statusCode, published.body).toBe(201);
    const next = published.json<Template>();
    expect(next.version).toBe(current.version + 1);
    expect(next.items).toHaveLength(current.items.length + 1);
    const again = (await get(`${ROOT}/scans/${before.id}`)).json<ScanDetail>();
    expect(again.template).toEqual(current);
    const later = (await send('POST', `${ROOT}/scans`, { triggerId: (await manualTrigger('Plein na de nieuwe versie')).id })).json<ScanDetail>();
    expect(later.template.version).toBe(next.version);
    expect(await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'spatialadvice.template.publish').execute()).toHaveLength(1);
  });

  it('refuses an empty or malformed version, and the analyst, without changing anything', async () => {
    const before = await counts();
    expect((await send('POST', `${ROOT}/templates`, { items: [] }, admin)).statusCode).toBe(422);
    expect((await send('POST', `${ROOT}/templates`, { items: [{ theme: 'geluid', kind: 'requirement', text: 'x' }] }, admin)).statusCode).toBe(422);
    expect((await send('POST', `${ROOT}/templates`, { items: [{ theme: 'routes', kind: 'must', text: 'x' }] }, admin)).statusCode).toBe(422);
    expect((await send('POST', `${ROOT}/templates`, { items: [{ theme: 'routes', kind: 'requirement', text: 'x' }] }, analyst)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('triggers', () => {
  it('raises one by hand with a point, drawn as a small shape, and audits it', async () => {
    const trigger = await manualTrigger('Speelplek Van Kinsbergenstraat');
    expect(trigger).toMatchObject({ kind: 'public_space', status: 'open', areaCode: 'BU05050700', point: { lat: 51.7913, lon: 4.6541 } });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'subject_type']).where('subject_id', '=', trigger.id).execute();
    expect(audit).toEqual([{ action: 'spatialadvice.trigger.create', subject_type: 'spatial_trigger' }]);
  });

  it('raises a masterplan for a wijk without a point, with the wijk outline', async () => {
    const response = await send('POST', `${ROOT}/triggers`, { kind: 'masterplan', areaCode: 'WK050507', placeName: 'Masterplan Wielwijk' }, analyst);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<TriggerSummary>()).toMatchObject({ point: null, areaName: 'Wijk 07 Wielwijk', geometry: { type: expect.stringMatching(/Polygon/) } });
  });

  it('refuses bad input with 422 and changes nothing', async () => {
    const before = await counts();
    for (const payload of [
      { kind: 'hotspot', areaCode: 'BU05050700', placeName: 'x' },
      { kind: 'public_space', areaCode: 'BU99999999', placeName: 'x' },
      { kind: 'public_space', areaCode: 'BU05050700', placeName: '' },
      { kind: 'public_space', areaCode: 'BU05050700', placeName: 'x', point: { lat: 10, lon: 4.6 } },
      { kind: 'public_space', areaCode: 'BU05050700', placeName: 'x', extra: true },
    ]) {
      const response = await send('POST', `${ROOT}/triggers`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await send('POST', `${ROOT}/triggers`, { kind: 'public_space', areaCode: 'BU05050700', placeName: 'x' }, police)).statusCode).toBe(403);
    expect((await get(`${ROOT}/triggers/not-a-uuid`)).statusCode).toBe(422);
    expect((await get(`${ROOT}/triggers/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('raises one from a hot buurt of a saved hot-spot analysis, once, keeping no signals or people', async () => {
    const saved = await send(
      'POST',
      '/api/v1/analyses/hotspots/saved',
      { name: 'Bevolkingsdichtheid Dordrecht 2020', request: { source: { indicator: 'population_density', municipality: 'GM0505', level: 'buurt', period: '2020' }, weights: 'queen', statistic: 'gi_star' } },
      analyst,
    );
    expect(saved.statusCode, saved.body).toBe(201);
    const analysis = saved.json<{ id: string; result: { items: { id: string; name: string; bin: number }[] } }>();
    const hot = analysis.result.items.find((i) => i.bin >= 1)!;
    const cold = analysis.result.items.find((i) => i.bin <= 0)!;
    expect(hot).toBeDefined();
    const raised = await send('POST', `${ROOT}/triggers/from-hotspot`, { analysisId: analysis.id, cell: hot.id }, analyst);
    expect(raised.statusCode, raised.body).toBe(201);
    const trigger = raised.json<TriggerSummary>();
    expect(trigger).toMatchObject({ kind: 'hotspot', areaCode: hot.id, hotspot: { analysisId: analysis.id, cell: hot.id, analysisName: 'Bevolkingsdichtheid Dordrecht 2020' } });
    expect(trigger.placeName).toContain(hot.name);
    const again = await send('POST', `${ROOT}/triggers/from-hotspot`, { analysisId: analysis.id, cell: hot.id }, analyst);
    expect(again.statusCode).toBe(200);
    expect(again.json<TriggerSummary>().id).toBe(trigger.id);

    const before = await counts();
    expect((await send('POST', `${ROOT}/triggers/from-hotspot`, { analysisId: analysis.id, cell: cold.id }, analyst)).statusCode).toBe(422);
    expect((await send('POST', `${ROOT}/triggers/from-hotspot`, { analysisId: '00000000-0000-4000-8000-000000000000', cell: hot.id }, analyst)).statusCode).toBe(422);
    expect((await send('POST', `${ROOT}/triggers/from-hotspot`, { analysisId: analysis.id, cell: 'GM0505' }, analyst)).statusCode).toBe(422);
    // The failed attempts read the analysis through the hotspots module, which audits each read: only audit rows grow.
    const after = await counts();
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
  });

  it('raises one for every programme and area, once, and lists it on the programme', async () => {
    const first = await send('POST', `${ROOT}/triggers/check-plans`, undefined);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ raised: number }>().raised).toBeGreaterThan(0);
    expect((await send('POST', `${ROOT}/triggers/check-plans`, undefined)).json<{ raised: number }>().raised).toBe(0);
    const plan = (await get(`${ROOT}/triggers`)).json<{ items: TriggerSummary[] }>().items.find((i) => i.kind === 'plan')!;
    expect(plan.programme?.name).toBeTruthy();
    const ofProgramme = (await get(`${ROOT}/triggers?programme=${plan.programme!.id}`)).json<{ items: TriggerSummary[] }>().items;
    expect(ofProgramme.map((i) => i.id)).toContain(plan.id);
  });

  it('closes an open trigger without an advice, with the reason, once', async () => {
    const trigger = await manualTrigger('Plein dat niet verandert');
    expect((await send('POST', `${ROOT}/triggers/${trigger.id}/dismiss`, { reason: '' })).statusCode).toBe(422);
    const closed = await send('POST', `${ROOT}/triggers/${trigger.id}/dismiss`, { reason: 'Alleen onderhoud, geen herinrichting.' });
    expect(closed.json<TriggerSummary>()).toMatchObject({ status: 'dismissed', dismissReason: 'Alleen onderhoud, geen herinrichting.' });
    expect((await send('POST', `${ROOT}/triggers/${trigger.id}/dismiss`, { reason: 'nogmaals' })).statusCode).toBe(409);
    expect((await send('POST', `${ROOT}/scans`, { triggerId: trigger.id })).statusCode).toBe(409);
  });
});

describe('a scan scored by two disciplines, with photos, ending in a voorwaardelijk gunstig advice', () => {
  let scan: ScanDetail;
  let itemA: string;
  let itemB: string;

  beforeAll(async () => {
    const trigger = await manualTrigger('Stationsplein-test');
    const started = await send('POST', `${ROOT}/scans`, { triggerId: trigger.id }, analyst);
    expect(started.statusCode, started.body).toBe(201);
    scan = started.json<ScanDetail>();
    [itemA, itemB] = [scan.template.items[0]!.id, scan.template.items[1]!.id];
  });

  it('starts once per trigger', async () => {
    expect((await send('POST', `${ROOT}/scans`, { triggerId: scan.trigger.id })).statusCode).toBe(409);
    expect((await send('POST', `${ROOT}/scans`, { triggerId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(422);
    expect((await get(`${ROOT}/triggers/${scan.trigger.id}`)).json<TriggerSummary>().status).toBe('scanning');
  });

  it('invites people who may score, each with a discipline, once', async () => {
    const invite = (username: string, discipline: string) => peopleId(username).then((userId) => send('POST', `${ROOT}/scans/${scan.id}/participants`, { userId, discipline }));
    expect((await invite('politie', 'politie')).statusCode).toBe(200);
    const both = await invite('corporatie', 'corporatie');
    expect(both.json<ScanDetail>().participants.map((p) => p.discipline)).toEqual(['politie', 'corporatie']);
    const before = await counts();
    expect((await invite('politie', 'stedenbouw')).statusCode).toBe(409);
    expect((await invite('financien', 'overig')).statusCode).toBe(422);
    expect((await invite('politie', 'brandweer')).statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('lets each participant score for themselves and shows where the disciplines disagree', async () => {
    const scoreA = await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'voldoet', remark: 'Goed zicht vanaf de winkels' }, police);
    expect(scoreA.statusCode, scoreA.body).toBe(200);
    expect(scoreA.json<ScanDetail>().can).toMatchObject({ score: true, manage: false });
    await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'voldoet_niet', remark: 'Achter de bergingen geen zicht', evidence: 'Schouw 3 december' }, corporation);
    await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemB}/score`, { score: 'deels' }, police);
    const after = await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemB}/score`, { score: 'nvt' }, corporation);
    const detail = after.json<ScanDetail>();
    expect(detail.disagreements).toEqual([itemA]);
    expect(detail.scores).toHaveLength(4);
    // Scoring again replaces the person's own score.
    const changed = (await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'voldoet_niet' }, police)).json<ScanDetail>();
    expect(changed.disagreements).toEqual([]);
    expect(changed.scores).toHaveLength(4);
  });

  it('refuses scores from outsiders and bad scores, changing nothing', async () => {
    const before = await counts();
    // A partner not invited does not open the scan at all: 404, as for an unknown scan (access.ts).
    expect((await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'voldoet' }, care)).statusCode).toBe(404);
    expect((await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'voldoet' }, finance)).statusCode).toBe(403);
    expect((await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'goed' }, police)).statusCode).toBe(422);
    expect((await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'voldoet', remark: 'x'.repeat(2001) }, police)).statusCode).toBe(422);
    expect((await send('PUT', `${ROOT}/scans/${scan.id}/items/00000000-0000-4000-8000-000000000000/score`, { score: 'voldoet' }, police)).statusCode).toBe(404);
    expect((await send('PUT', `${ROOT}/scans/${scan.id}/items/1/score`, { score: 'voldoet' }, police)).statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('stores photos without their metadata and serves them to readers only', async () => {
    const dirty = jpegWithExif();
    const added = await upload(`${ROOT}/scans/${scan.id}/items/${itemA}/photos`, dirty, police);
    expect(added.statusCode, added.body).toBe(201);
    const photoId = added.json<ScanDetail>().scores.find((s) => s.itemId === itemA && s.photoIds.length)!.photoIds[0]!;
    const served = await get(`${ROOT}/photos/${photoId}`, corporation);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.includes(SECRET_METADATA)).toBe(false);
    expect(served.rawPayload.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
    expect(served.rawPayload.equals(SAMPLE_JPEG)).toBe(true);
    expect((await get(`${ROOT}/photos/${photoId}`, finance)).statusCode).toBe(403);

    const png = await upload(`${ROOT}/scans/${scan.id}/items/${itemA}/photos`, pngWithMetadata(), corporation, 'foto.png', 'image/png');
    expect(png.statusCode, png.body).toBe(201);
    const pngId = png.json<ScanDetail>().scores.find((s) => s.itemId === itemA && s.participantId !== added.json<ScanDetail>().can.participantId && s.photoIds.length)!.photoIds[0]!;
    const pngServed = await get(`${ROOT}/photos/${pngId}`, police);
    expect(pngServed.headers['content-type']).toBe('image/png');
    expect(pngServed.rawPayload.equals(SAMPLE_PNG)).toBe(true);
  });

  it('refuses a file that is no picture, one that is too large, and a photo without a score, storing nothing', async () => {
    const before = await counts();
    const text = await upload(`${ROOT}/scans/${scan.id}/items/${itemA}/photos`, Buffer.from('dit is geen foto'), police, 'foto.jpg');
    expect(text.statusCode).toBe(422);
    expect(text.headers['content-type']).toContain('application/problem+json');
    const large = Buffer.concat([SAMPLE_JPEG.subarray(0, SAMPLE_JPEG.length - 2), Buffer.alloc(PHOTO_MAX_BYTES), Buffer.from([0xff, 0xd9])]);
    const tooLarge = await upload(`${ROOT}/scans/${scan.id}/items/${itemA}/photos`, large, police);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    const unscored = await upload(`${ROOT}/scans/${scan.id}/items/${scan.template.items[5]!.id}/photos`, SAMPLE_JPEG, police);
    expect(unscored.statusCode).toBe(422);
    const outsider = await upload(`${ROOT}/scans/${scan.id}/items/${itemA}/photos`, SAMPLE_JPEG, care);
    expect(outsider.statusCode).toBe(404);
    const json = await send('POST', `${ROOT}/scans/${scan.id}/items/${itemA}/photos`, { file: 'x' }, police);
    expect(json.statusCode).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('refuses an advice that does not add up, changing nothing', async () => {
    const owner = await peopleId('corporatie');
    const before = await counts();
    const cases = [
      { outcome: 'voorwaardelijk_gunstig', motivation: 'Met voorwaarden', conditions: [] },
      { outcome: 'gunstig', motivation: 'Goed', conditions: [{ text: 'x', ownerUserId: owner, dueDate: inDays(10) }] },
      { outcome: 'voorwaardelijk_gunstig', motivation: 'Met voorwaarden', conditions: [{ text: 'x', ownerUserId: owner, dueDate: '2020-01-01' }] },
      { outcome: 'voorwaardelijk_gunstig', motivation: 'Met voorwaarden', conditions: [{ text: 'x', ownerUserId: await peopleId('financien'), dueDate: inDays(10) }] },
      { outcome: 'neutraal', motivation: 'x' },
      { outcome: 'gunstig', motivation: '' },
    ];
    for (const payload of cases) expect((await send('POST', `${ROOT}/scans/${scan.id}/advice`, payload)).statusCode, JSON.stringify(payload)).toBe(422);
    expect((await send('POST', `${ROOT}/scans/${scan.id}/advice`, { outcome: 'gunstig', motivation: 'x' }, police)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('signs a voorwaardelijk gunstig advice whose condition becomes an action; read-only afterwards', async () => {
    const owner = await peopleId('corporatie');
    const signed = await send('POST', `${ROOT}/scans/${scan.id}/advice`, {
      outcome: 'voorwaardelijk_gunstig',
      motivation: 'Goed plan, mits het zicht achter de bergingen wordt verbeterd.',
      conditions: [
        { text: 'Hekwerk bij de bergingen vervangen door open hekwerk', ownerUserId: owner, dueDate: inDays(30) },
        { text: 'Lamp bij de fietsenstalling vervangen', ownerUserId: owner, dueDate: inDays(5) },
      ],
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const detail = signed.json<ScanDetail>();
    expect(detail.advice).toMatchObject({ outcome: 'voorwaardelijk_gunstig', signedName: 'Demo Programmamanager', conditions: [
        { ownerName: 'Demo Wijkconsulent', status: 'open', dueDate: inDays(30), overdue: false },
        { ownerName: 'Demo Wijkconsulent', status: 'open', dueDate: inDays(5), overdue: false },
      ],
    });
    expect(detail.can.manage).toBe(false);
    expect((await get(`${ROOT}/triggers/${scan.trigger.id}`)).json<TriggerSummary>()).toMatchObject({ status: 'advised', outcome: 'voorwaardelijk_gunstig' });

    const before = await counts();
    expect((await send('POST', `${ROOT}/scans/${scan.id}/advice`, { outcome: 'gunstig', motivation: 'Toch gunstig' })).statusCode).toBe(409);
    expect((await send('PUT', `${ROOT}/scans/${scan.id}/items/${itemA}/score`, { score: 'voldoet' }, police)).statusCode).toBe(409);
    expect((await upload(`${ROOT}/scans/${scan.id}/items/${itemA}/photos`, SAMPLE_JPEG, police)).statusCode).toBe(409);
    expect((await send('POST', `${ROOT}/scans/${scan.id}/participants`, { userId: await peopleId('zorg'), discipline: 'sociaal_werk' })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);

    const conditionId = detail.advice!.conditions[0]!.id;
    expect((await send('PATCH', `${ROOT}/conditions/${conditionId}`, { status: 'done' }, care)).statusCode).toBe(404);
    // The police opens the scan (a participant) but owns no condition and manages no advices: refused.
    expect((await send('PATCH', `${ROOT}/conditions/${conditionId}`, { status: 'done' }, police)).statusCode).toBe(403);
    const done = await send('PATCH', `${ROOT}/conditions/${conditionId}`, { status: 'done' }, corporation);
    expect(done.statusCode).toBe(200);
    expect(done.json<ScanDetail>().advice!.conditions[0]!.status).toBe('done');
    expect((await send('PATCH', `${ROOT}/conditions/${conditionId}`, { status: 'klaar' }, corporation)).statusCode).toBe(422);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', conditionId).execute();
    expect(audit.map((a) => a.action)).toEqual(['spatialadvice.condition.status']);
  });

  it("puts a condition due within two weeks on its owner's worklist, and takes it off when done", async () => {
    const worklist = async (session: TestSession) => (await get('/api/v1/me/worklist', session)).json<{ items: { kind: string; title: string; href: string; section: string; dueDate: string | null }[] }>().items.filter((i) => i.kind === 'spatial_condition');
    const own = await worklist(corporation);
    // The one due in 5 days; the one due in 30 days is beyond the horizon (and done by now).
    expect(own).toEqual([expect.objectContaining({ title: 'Lamp bij de fietsenstalling vervangen', section: 'upcoming', dueDate: inDays(5), href: `/veiligheidsadvies/scans/${scan.id}` })]);
    expect(await worklist(police)).toEqual([]);
    const lamp = (await get(`${ROOT}/scans/${scan.id}`)).json<ScanDetail>().advice!.conditions.find((c) => c.dueDate === inDays(5))!;
    expect((await send('PATCH', `${ROOT}/conditions/${lamp.id}`, { status: 'done' }, corporation)).statusCode).toBe(200);
    expect(await worklist(corporation)).toEqual([]);
  });

  it('gives the advice as DOCX and PDF, to readers', async () => {
    const docx = await get(`${ROOT}/scans/${scan.id}/document?format=docx`, police);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.headers['content-disposition']).toContain(`advies-ruimtelijke-veiligheid-stationsplein-test-${today()}.docx`);
    const pdf = await get(`${ROOT}/scans/${scan.id}/document?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await get(`${ROOT}/scans/${scan.id}/document?format=odt`)).statusCode).toBe(422);
    expect((await get(`${ROOT}/scans/${scan.id}/document?format=pdf`, finance)).statusCode).toBe(403);
  }, 120_000);

  it('has no document before the advice is signed', async () => {
    const open = (await send('POST', `${ROOT}/scans`, { triggerId: (await manualTrigger('Plein zonder advies')).id })).json<ScanDetail>();
    expect((await get(`${ROOT}/scans/${open.id}/document?format=pdf`)).statusCode).toBe(409);
    expect((await send('POST', `${ROOT}/scans/${open.id}/advice`, { outcome: 'gunstig', motivation: 'Nog niemand scoorde' })).statusCode).toBe(409);
  });
});
