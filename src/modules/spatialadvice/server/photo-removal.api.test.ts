import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { ScanDetail, TriggerSummary } from '../contract.js';
import { SAMPLE_JPEG } from './sample-photos.js';

/**
 * Removing a photo (docs/spatialadvice.md, "Photos"): whoever took it while the scan is open; whoever manages
 * advices also after signing (erasure outweighs the read-only record); nobody else. Every removal keeps its
 * reason in the audit log; a refused one changes nothing.
 */

let t: TestApp;
let manager: TestSession;
let police: TestSession;
let corporation: TestSession;
let care: TestSession;
let scanId = '';
let itemId = '';

const ROOT = '/api/v1/spatial-advice';
const get = (url: string, session: TestSession) => t.app.inject({ url, headers: { cookie: session.cookie } });
const send = (method: 'POST' | 'PUT', url: string, payload: object | undefined, session: TestSession) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const remove = (photoId: string, payload: object, session: TestSession) => send('POST', `${ROOT}/photos/${photoId}/removal`, payload, session);
const problem = (code: string) => ({ type: `urn:wijkregie:problem:${code}` });
const state = async () => [await countRows(t.database, 'spatial_photos'), await countRows(t.database, 'audit_log')];

async function ok<T>(response: Awaited<ReturnType<typeof get>>, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function userId(username: string): Promise<string> {
  return (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

function upload(session: TestSession) {
  const boundary = '----photo-removal';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), SAMPLE_JPEG, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: `${ROOT}/scans/${scanId}/items/${itemId}/photos`, headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

/** Adds a photo by `session` beside its score and gives the photo's id. */
async function photoBy(session: TestSession): Promise<string> {
  const before = new Set((await ok<ScanDetail>(await get(`${ROOT}/scans/${scanId}`, manager))).scores.flatMap((s) => s.photoIds));
  const after = await ok<ScanDetail>(await upload(session), 201);
  return after.scores.flatMap((s) => s.photoIds).find((p) => !before.has(p))!;
}

const photosOf = async () => (await ok<ScanDetail>(await get(`${ROOT}/scans/${scanId}`, manager))).scores.flatMap((s) => s.photoIds);

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'spatialadvice'] });
  [manager, police, corporation, care] = [await t.login('regisseur'), await t.login('politie'), await t.login('corporatie'), await t.login('zorg')];
  const trigger = await ok<TriggerSummary>(await send('POST', `${ROOT}/triggers`, { kind: 'public_space', areaCode: 'BU05050700', placeName: 'Plein (fototest)' }, manager), 201);
  const scan = await ok<ScanDetail>(await send('POST', `${ROOT}/scans`, { triggerId: trigger.id }, manager), 201);
  scanId = scan.id;
  itemId = scan.template.items[0]!.id;
  for (const [username, discipline] of [['politie', 'politie'], ['corporatie', 'corporatie']] as const) {
    await ok(await send('POST', `${ROOT}/scans/${scanId}/participants`, { userId: await userId(username), discipline }, manager));
  }
  await ok(await send('PUT', `${ROOT}/scans/${scanId}/items/${itemId}/score`, { score: 'voldoet' }, police));
  await ok(await send('PUT', `${ROOT}/scans/${scanId}/items/${itemId}/score`, { score: 'deels' }, corporation));
}, 300_000);
afterAll(() => t?.close());

describe('removing a photo of a spatial-safety scan', () => {
  it('lets whoever took it remove it while the scan is open, the reason in the audit log; the photo is gone', async () => {
    const photo = await photoBy(police);
    const after = await ok<ScanDetail>(await remove(photo, { reason: 'Er staat een voorbijganger herkenbaar op.' }, police));
    expect(after.scores.flatMap((s) => s.photoIds)).not.toContain(photo);
    expect((await get(`${ROOT}/photos/${photo}`, police)).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'spatialadvice.photo.delete').where('subject_id', '=', scanId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ photo, reason: 'Er staat een voorbijganger herkenbaar op.', own: true, afterSigning: false });
  });

  it('refuses another participant and a partner outside the scan, and bad input, changing nothing', async () => {
    const photo = await photoBy(police);
    const before = await state();
    expect(await ok(await remove(photo, { reason: 'Niet de mijne' }, corporation), 403)).toMatchObject(problem('forbidden'));
    // The care partner is invited nowhere: the photo does not exist for them.
    expect(await ok(await remove(photo, { reason: 'Niet de mijne' }, care), 404)).toMatchObject(problem('spatialadvice.photo_not_found'));
    for (const body of [{}, { reason: '' }, { reason: 'ab' }, { reason: 'x'.repeat(501) }, { reason: 12 }, { reason: '   ' }, { reason: 'Goede reden', extra: true }]) {
      expect((await remove(photo, body, police)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await remove('geen-id', { reason: 'Goede reden' }, police)).statusCode).toBe(422);
    expect(await ok(await remove('00000000-0000-4000-8000-000000000000', { reason: 'Goede reden' }, police), 404)).toMatchObject(problem('spatialadvice.photo_not_found'));
    expect(await state()).toEqual(before);
    expect(await photosOf()).toContain(photo);
  });

  it('after signing: the taker may no longer remove it, whoever manages advices still may', async () => {
    const photo = await photoBy(police);
    await ok(await send('POST', `${ROOT}/scans/${scanId}/advice`, { outcome: 'gunstig', motivation: 'In orde.' }, manager));
    const before = await state();
    expect(await ok(await remove(photo, { reason: 'Alsnog weghalen' }, police), 409)).toMatchObject(problem('spatialadvice.scan_signed'));
    expect(await state()).toEqual(before);
    const after = await ok<ScanDetail>(await remove(photo, { reason: 'Verzoek tot verwijdering: herkenbaar gezicht.' }, manager));
    expect(after.scores.flatMap((s) => s.photoIds)).not.toContain(photo);
    const row = await t.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'spatialadvice.photo.delete').where('subject_id', '=', scanId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.detail).toMatchObject({ photo, own: false, afterSigning: true, reason: 'Verzoek tot verwijdering: herkenbaar gezicht.' });
  });
});
