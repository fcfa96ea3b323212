import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import type { ScanDetail, TriggerSummary } from '../contract.js';
import { SAMPLE_JPEG } from './sample-photos.js';

/**
 * Who sees what (docs/spatialadvice.md, "Who sees what"; access.ts), exactly, per kind of user, across the
 * list, the detail, the counts of an area and a programme (the same list, filtered), the map (the list's
 * geometry), the document and the photos; and writes outside one's areas refused without changing anything.
 *
 * Places: A, C and D lie in buurt BU05050700 (wijk Wielwijk, WK050507); B in BU05050300 (wijk WK050503).
 *  A: signed advice, scored by the police and the corporation (photo by the police, condition owned by the corporation)
 *  B: a running scan nobody has been invited to
 *  C: an open trigger; D: a running scan with the police invited
 *  P: the plan trigger of a programme that covers BU05050700 only
 * Users: the programme manager and the administrator (no scope); analysts scoped to WK050507 and to WK050503;
 * the police (participant of A and D) and the care partner (invited nowhere), both without scope.
 */

let t: TestApp;
let manager: TestSession;
let admin: TestSession;
let analyst: TestSession;
let scopedA: TestSession;
let scopedB: TestSession;
let police: TestSession;
let corporation: TestSession;
let care: TestSession;
const id: Record<'A' | 'B' | 'C' | 'D' | 'P', string> = { A: '', B: '', C: '', D: '', P: '' };
const scan: Record<'A' | 'B' | 'D', string> = { A: '', B: '', D: '' };
let photoId = '';
let conditionId = '';
let programmeId = '';

const ROOT = '/api/v1/spatial-advice';
const get = (url: string, session: TestSession) => t.app.inject({ url, headers: { cookie: session.cookie } });
const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object | undefined, session: TestSession) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const TABLES = ['spatial_triggers', 'spatial_scans', 'spatial_participants', 'spatial_scores', 'spatial_photos', 'spatial_conditions', 'audit_log'];
const counts = async () => Promise.all(TABLES.map((table) => countRows(t.database, table)));
const inDays = (days: number) => calendarDayOf(new Date(Date.now() + days * 86_400_000));

const problem = (code: string) => ({ type: `urn:wijkregie:problem:${code}` });

async function userId(username: string): Promise<string> {
  return (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function ok<T>(response: Awaited<ReturnType<typeof get>>, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function trigger(areaCode: string, placeName: string): Promise<string> {
  return (await ok<TriggerSummary>(await send('POST', `${ROOT}/triggers`, { kind: 'public_space', areaCode, placeName }, manager), 201)).id;
}

async function startScan(triggerId: string): Promise<ScanDetail> {
  return ok<ScanDetail>(await send('POST', `${ROOT}/scans`, { triggerId }, manager), 201);
}

async function invite(scanId: string, username: string, discipline: string) {
  return send('POST', `${ROOT}/scans/${scanId}/participants`, { userId: await userId(username), discipline }, manager);
}

function upload(url: string, content: Buffer, session: TestSession) {
  const boundary = '----spatialadvice-access';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url, headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'spatialadvice'] });
  [manager, admin, analyst, police, corporation, care] = [await t.login('regisseur'), await t.login('beheerder'), await t.login('analist'), await t.login('politie'), await t.login('corporatie'), await t.login('zorg')];
  const organisations = (await get('/api/v1/organisations', admin)).json<{ items: { id: string; kind: string }[] }>().items;
  const orgOf = (kind: string) => organisations.find((o) => o.kind === kind)!.id;
  for (const user of [
    { username: 'analist-wielwijk', roles: ['analyst'], organisationId: orgOf('gemeente'), areaScopes: ['WK050507'] },
    { username: 'analist-wijk03', roles: ['analyst'], organisationId: orgOf('gemeente'), areaScopes: ['WK050503'] },
    { username: 'politie-wijk03', roles: ['partner'], organisationId: orgOf('politie'), areaScopes: ['WK050503'] },
  ]) {
    await ok(await send('POST', '/api/v1/users', { ...user, displayName: user.username, password: 'correct horse battery' }, admin), 201);
  }
  [scopedA, scopedB] = [await t.login('analist-wielwijk', 'correct horse battery'), await t.login('analist-wijk03', 'correct horse battery')];

  id.A = await trigger('BU05050700', 'Plein A (toegangstest)');
  id.B = await trigger('BU05050300', 'Plein B (toegangstest)');
  id.C = await trigger('BU05050700', 'Plein C (toegangstest)');
  id.D = await trigger('BU05050700', 'Plein D (toegangstest)');
  const a = await startScan(id.A);
  scan.A = a.id;
  scan.B = (await startScan(id.B)).id;
  scan.D = (await startScan(id.D)).id;
  await ok(await invite(scan.A, 'politie', 'politie'));
  await ok(await invite(scan.A, 'corporatie', 'corporatie'));
  await ok(await invite(scan.D, 'politie', 'politie'));
  const item = a.template.items[0]!.id;
  await ok(await send('PUT', `${ROOT}/scans/${scan.A}/items/${item}/score`, { score: 'voldoet', remark: 'Goed zicht' }, police));
  await ok(await send('PUT', `${ROOT}/scans/${scan.A}/items/${item}/score`, { score: 'deels' }, corporation));
  const withPhoto = await ok<ScanDetail>(await upload(`${ROOT}/scans/${scan.A}/items/${item}/photos`, SAMPLE_JPEG, police), 201);
  photoId = withPhoto.scores.flatMap((s) => s.photoIds)[0]!;
  const signed = await ok<ScanDetail>(
    await send('POST', `${ROOT}/scans/${scan.A}/advice`, { outcome: 'voorwaardelijk_gunstig', motivation: 'Goed, mits verlicht.', conditions: [{ text: 'Lamp plaatsen', ownerUserId: await userId('corporatie'), dueDate: inDays(30) }] }, manager),
  );
  conditionId = signed.advice!.conditions[0]!.id;

  const programme = await ok<{ id: string }>(
    await send('POST', '/api/v1/programmes', { name: 'Toegangstest Wielwijk-buurt', municipality: 'GM0505', horizonStart: '2026-01-01', horizonEnd: '2030-12-31', areas: ['BU05050700'] }, manager),
    201,
  );
  programmeId = programme.id;
  await ok(await send('POST', `${ROOT}/triggers/check-plans`, undefined, manager));
  const plan = (await ok<{ items: TriggerSummary[] }>(await get(`${ROOT}/triggers?programme=${programmeId}`, manager))).items;
  expect(plan).toHaveLength(1);
  id.P = plan[0]!.id;
}, 300_000);
afterAll(() => t?.close());

/** Of our own triggers, which the user's list holds (the demo and other plans are left out of the comparison). */
async function listed(session: TestSession, query = ''): Promise<string[]> {
  const items = (await ok<{ items: TriggerSummary[] }>(await get(`${ROOT}/triggers${query}`, session))).items;
  const ours = new Map(Object.entries(id).map(([name, value]) => [value, name]));
  return items.flatMap((i) => (ours.has(i.id) ? [ours.get(i.id)!] : [])).sort();
}

describe('the list, the map and the counts follow the area scope', () => {
  it('lists exactly the triggers within each user’s areas', async () => {
    expect(await listed(manager)).toEqual(['A', 'B', 'C', 'D', 'P']);
    expect(await listed(admin)).toEqual(['A', 'B', 'C', 'D', 'P']);
    expect(await listed(scopedA)).toEqual(['A', 'C', 'D', 'P']);
    expect(await listed(scopedB)).toEqual(['B']);
    // Partners see every trigger of their scope (theirs is unlimited): that an advice is needed, running or given.
    expect(await listed(police)).toEqual(['A', 'B', 'C', 'D', 'P']);
    expect(await listed(care)).toEqual(['A', 'B', 'C', 'D', 'P']);
  });

  it('keeps whole lists, the map’s shapes included, within the scope', async () => {
    // Every item of a scoped user's list lies in their wijk; the map draws exactly these items.
    const all = (await ok<{ items: TriggerSummary[] }>(await get(`${ROOT}/triggers`, scopedB))).items;
    expect(all.length).toBeGreaterThan(0);
    for (const item of all) expect(item.areaCode === 'WK050503' || item.areaCode.startsWith('BU050503') || item.areaCode === 'GM0505').toBe(true);
    expect(all.some((i) => i.isDemo)).toBe(false); // the Admiraalsplein lies in Wielwijk
    const wielwijk = (await ok<{ items: TriggerSummary[] }>(await get(`${ROOT}/triggers`, scopedA))).items;
    expect(wielwijk.find((i) => i.id === id.A)?.geometry).toMatchObject({ type: 'Polygon' });
    expect(wielwijk.some((i) => i.isDemo)).toBe(true);
  });

  it('counts an area’s and a programme’s advices only within the scope (the area profile and programme page sections)', async () => {
    expect(await listed(manager, '?area=WK050507')).toEqual(['A', 'C', 'D', 'P']);
    expect(await listed(scopedA, '?area=WK050507')).toEqual(['A', 'C', 'D', 'P']);
    expect((await ok<{ items: TriggerSummary[] }>(await get(`${ROOT}/triggers?area=WK050507`, scopedB))).items).toEqual([]);
    expect((await ok<{ items: TriggerSummary[] }>(await get(`${ROOT}/triggers?area=BU05050700`, scopedB))).items).toEqual([]);
    expect(await listed(scopedB, '?area=WK050503')).toEqual(['B']);
    expect(await listed(manager, `?programme=${programmeId}`)).toEqual(['P']);
    // A programme the user may not open gives nothing, so its id does not tell which advices belong to it.
    expect(await listed(scopedA, `?programme=${programmeId}`)).toEqual([]);
  });

  it('answers the detail of a trigger outside the scope as unknown', async () => {
    expect((await get(`${ROOT}/triggers/${id.A}`, scopedA)).statusCode).toBe(200);
    for (const name of ['A', 'C', 'D', 'P'] as const) {
      const response = await get(`${ROOT}/triggers/${id[name]}`, scopedB);
      expect(response.statusCode, name).toBe(404);
      expect(response.json()).toMatchObject(problem('spatialadvice.trigger_not_found'));
    }
    expect((await get(`${ROOT}/triggers/${id.B}`, scopedA)).statusCode).toBe(404);
    expect((await get(`${ROOT}/triggers/00000000-0000-4000-8000-000000000000`, scopedA)).json()).toEqual((await get(`${ROOT}/triggers/${id.B}`, scopedA)).json());
  });
});

describe('names of programmes and hot-spot analyses', () => {
  it('names the programme only to who may open it, and gives others neither name nor id', async () => {
    const of = async (session: TestSession) => (await ok<TriggerSummary>(await get(`${ROOT}/triggers/${id.P}`, session))).programme;
    expect(await of(manager)).toEqual({ id: programmeId, name: 'Toegangstest Wielwijk-buurt' });
    expect(await of(police)).toEqual({ id: programmeId, name: 'Toegangstest Wielwijk-buurt' });
    // Scoped to the wijk, the analyst sees the buurt's trigger but not the programme (its area is the buurt).
    expect((await get(`/api/v1/programmes/${programmeId}`, scopedA)).statusCode).toBe(404);
    expect(await of(scopedA)).toEqual({ id: null, name: null });
    expect((await get(`${ROOT}/triggers/${id.P}`, scopedA)).body).not.toContain(programmeId);
  });

  it('names the hot-spot analysis only to who may open it', async () => {
    const saved = await ok<{ id: string; result: { items: { id: string; bin: number }[] } }>(
      await send('POST', '/api/v1/analyses/hotspots/saved', { name: 'Dichtheid toegangstest', request: { source: { indicator: 'population_density', municipality: 'GM0505', level: 'buurt', period: '2020' }, weights: 'queen', statistic: 'gi_star' } }, analyst),
      201,
    );
    const hot = saved.result.items.find((i) => i.bin >= 1)!;
    const raised = await ok<TriggerSummary>(await send('POST', `${ROOT}/triggers/from-hotspot`, { analysisId: saved.id, cell: hot.id }, analyst), 201);
    expect(raised.hotspot).toEqual({ analysisId: saved.id, cell: hot.id, analysisName: 'Dichtheid toegangstest' });
    // The administrator reads advices but runs no hot-spot analyses (no hotspots.run): the trigger, not the analysis.
    const seen = await ok<TriggerSummary>(await get(`${ROOT}/triggers/${raised.id}`, admin));
    expect(seen.hotspot).toEqual({ analysisId: null, cell: hot.id, analysisName: null });
    expect((await get(`${ROOT}/triggers/${raised.id}`, admin)).body).not.toContain(saved.id);
  });
});

describe('scans, documents and photos: the scope, and partners only where they take part', () => {
  const cases: [string, () => TestSession, boolean][] = [
    ['the programme manager', () => manager, true],
    ['the administrator', () => admin, true],
    ['an analyst of Wielwijk', () => scopedA, true],
    ['an analyst of another wijk', () => scopedB, false],
    ['the police, a participant', () => police, true],
    ['the corporation, a participant and condition owner', () => corporation, true],
    ['the care partner, invited nowhere', () => care, false],
  ];

  it.each(cases)('%s: scan, photo and document of A', async (_name, session, opens) => {
    const status = opens ? 200 : 404;
    expect((await get(`${ROOT}/scans/${scan.A}`, session())).statusCode).toBe(status);
    const photo = await get(`${ROOT}/photos/${photoId}`, session());
    expect(photo.statusCode).toBe(status);
    if (!opens) expect(photo.json()).toMatchObject(problem('spatialadvice.photo_not_found'));
    expect((await get(`${ROOT}/scans/${scan.A}/document?format=docx`, session())).statusCode).toBe(status);
  }, 60_000);

  it('gives a partner the scan link only for scans they take part in', async () => {
    const scanIds = async (session: TestSession) => {
      const items = (await ok<{ items: TriggerSummary[] }>(await get(`${ROOT}/triggers`, session))).items;
      return Object.fromEntries((['A', 'B', 'D'] as const).map((name) => [name, items.find((i) => i.id === id[name])?.scanId ?? null]));
    };
    expect(await scanIds(manager)).toEqual({ A: scan.A, B: scan.B, D: scan.D });
    expect(await scanIds(police)).toEqual({ A: scan.A, B: null, D: scan.D });
    expect(await scanIds(care)).toEqual({ A: null, B: null, D: null });
    expect((await get(`${ROOT}/scans/${scan.B}`, police)).statusCode).toBe(404);
    expect((await get(`${ROOT}/scans/${scan.D}`, police)).statusCode).toBe(200);
  });

  it('audits each served document and photo, and nothing for a refused one', async () => {
    const actions = async () => (await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', scan.A).where('action', 'in', ['spatialadvice.document.read', 'spatialadvice.photo.read']).execute()).map((r) => r.action).sort();
    const before = await actions();
    expect((await get(`${ROOT}/photos/${photoId}`, police)).statusCode).toBe(200);
    expect((await get(`${ROOT}/scans/${scan.A}/document?format=docx`, police)).statusCode).toBe(200);
    expect((await get(`${ROOT}/photos/${photoId}`, care)).statusCode).toBe(404);
    expect(await actions()).toEqual([...before, 'spatialadvice.document.read', 'spatialadvice.photo.read'].sort());
  }, 60_000);
});

describe('writes outside one’s advices', () => {
  it('refuses them as if the advice did not exist, and changes nothing', async () => {
    const before = await counts();
    const itemD = (await ok<ScanDetail>(await get(`${ROOT}/scans/${scan.D}`, manager))).template.items[0]!.id;
    // An analyst of another wijk: manage and score, but not here.
    expect((await send('POST', `${ROOT}/triggers/${id.C}/dismiss`, { reason: 'Niet nodig' }, scopedB)).statusCode).toBe(404);
    const start = await send('POST', `${ROOT}/scans`, { triggerId: id.C }, scopedB);
    expect(start.statusCode).toBe(422);
    expect(start.json()).toMatchObject(problem('spatialadvice.unknown_trigger'));
    expect((await send('POST', `${ROOT}/scans/${scan.D}/participants`, { userId: await userId('zorg'), discipline: 'sociaal_werk' }, scopedB)).statusCode).toBe(404);
    expect((await send('PUT', `${ROOT}/scans/${scan.D}/items/${itemD}/score`, { score: 'voldoet' }, scopedB)).statusCode).toBe(404);
    expect((await send('POST', `${ROOT}/scans/${scan.D}/advice`, { outcome: 'gunstig', motivation: 'Goed' }, scopedB)).statusCode).toBe(404);
    expect((await send('PATCH', `${ROOT}/conditions/${conditionId}`, { status: 'done' }, scopedB)).statusCode).toBe(404);
    const raise = await send('POST', `${ROOT}/triggers`, { kind: 'masterplan', areaCode: 'BU05050700', placeName: 'Buiten mijn wijk' }, scopedB);
    expect(raise.statusCode).toBe(422);
    expect(raise.json()).toMatchObject(problem('spatialadvice.area_out_of_scope'));
    expect((await send('POST', `${ROOT}/triggers`, { kind: 'masterplan', areaCode: 'WK050507', placeName: 'Buiten mijn wijk' }, scopedB)).statusCode).toBe(422);
    // A partner invited nowhere: the scan is not theirs to score or add photos to.
    expect((await send('PUT', `${ROOT}/scans/${scan.D}/items/${itemD}/score`, { score: 'voldoet' }, care)).statusCode).toBe(404);
    expect((await upload(`${ROOT}/scans/${scan.D}/items/${itemD}/photos`, SAMPLE_JPEG, care)).statusCode).toBe(404);
    // Nobody is invited, or made owner of a condition, who could not open the advice afterwards.
    const outside = await invite(scan.D, 'politie-wijk03', 'politie');
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject(problem('spatialadvice.not_a_scorer'));
    const owner = await send('POST', `${ROOT}/scans/${scan.D}/advice`, { outcome: 'voorwaardelijk_gunstig', motivation: 'x', conditions: [{ text: 'x', ownerUserId: await userId('politie-wijk03'), dueDate: inDays(10) }] }, manager);
    expect(owner.statusCode).toBe(422);
    expect(owner.json()).toMatchObject(problem('spatialadvice.unknown_owner'));
    expect(await counts()).toEqual(before);
    expect((await ok<TriggerSummary>(await get(`${ROOT}/triggers/${id.C}`, manager))).status).toBe('open');
  });

  it('allows the same writes within the scope', async () => {
    const closed = await ok<TriggerSummary>(await send('POST', `${ROOT}/triggers/${id.C}/dismiss`, { reason: 'Alleen onderhoud' }, scopedA));
    expect(closed.status).toBe('dismissed');
    await ok(await send('POST', `${ROOT}/triggers`, { kind: 'masterplan', areaCode: 'BU05050300', placeName: 'Binnen mijn wijk' }, scopedB), 201);
  });
});

describe('the pickers offer only choices the server accepts', () => {
  const people = async (scanId: string, session: TestSession) => (await ok<{ items: { id: string; name: string }[] }>(await get(`${ROOT}/scans/${scanId}/people`, session))).items.map((p) => p.id);
  const areas = async (session: TestSession) => (await ok<{ items: { code: string; level: string }[] }>(await get(`${ROOT}/areas`, session))).items;

  it('offers for a scan only the people whose areas cover its place', async () => {
    const [scopedPolice, police0, care0] = [await userId('politie-wijk03'), await userId('politie'), await userId('zorg')];
    // D lies in Wielwijk (WK050507): the police officer scoped to WK050503 is left out, the unscoped ones are offered.
    const forD = await people(scan.D, manager);
    expect(forD).not.toContain(scopedPolice);
    expect(forD).toEqual(expect.arrayContaining([police0, care0]));
    // B lies in WK050503: there they are offered.
    expect(await people(scan.B, manager)).toContain(scopedPolice);
    // The list is exactly who the server would accept: the one left out is refused when invited anyway.
    const before = await counts();
    const refused = await send('POST', `${ROOT}/scans/${scan.D}/participants`, { userId: scopedPolice, discipline: 'politie' }, manager);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject(problem('spatialadvice.not_a_scorer'));
    expect(await counts()).toEqual(before);
  });

  it('answers the people of a scan the caller may not open as an unknown scan, and a malformed id with 422', async () => {
    expect((await get(`${ROOT}/scans/${scan.B}/people`, scopedA)).statusCode).toBe(404);
    expect((await get(`${ROOT}/scans/${scan.D}/people`, scopedA)).statusCode).toBe(200);
    expect((await get(`${ROOT}/scans/00000000-0000-4000-8000-000000000000/people`, manager)).statusCode).toBe(404);
    const malformed = await get(`${ROOT}/scans/niet-een-id/people`, manager);
    expect(malformed.statusCode).toBe(422);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    // Partners score but do not invite: the list is for managers of advices, as GET /people.
    expect((await get(`${ROOT}/scans/${scan.D}/people`, police)).statusCode).toBe(403);
  });

  it('offers a scoped user only the areas within their scope, and an unscoped one every area', async () => {
    const mine = await areas(scopedA);
    const codes = mine.map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['WK050507', 'BU05050700']));
    // Everything offered lies in Wielwijk: its wijk or its buurten, nothing of another wijk.
    expect(codes.every((code) => code === 'WK050507' || code.startsWith('BU050507'))).toBe(true);
    expect(codes).not.toContain('BU05050300');
    expect(codes).not.toContain('WK050503');
    const all = (await areas(manager)).map((a) => a.code);
    expect(all).toEqual(expect.arrayContaining(['WK050507', 'BU05050700', 'WK050503', 'BU05050300']));
    expect((await areas(manager)).some((a) => a.level === 'focus')).toBe(true);
    expect(all.length).toBeGreaterThan(codes.length);
    // The server accepts an offered area and refuses one left out.
    const offered = mine.find((a) => a.level === 'buurt')!.code;
    await ok(await send('POST', `${ROOT}/triggers`, { kind: 'masterplan', areaCode: offered, placeName: 'Binnen mijn wijk (picker)' }, scopedA), 201);
    const outside = await send('POST', `${ROOT}/triggers`, { kind: 'masterplan', areaCode: 'BU05050300', placeName: 'Buiten mijn wijk' }, scopedA);
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject(problem('spatialadvice.area_out_of_scope'));
    expect((await get(`${ROOT}/areas`, police)).statusCode).toBe(403);
  });

  it('offers no area to a user whose only area is an unknown focus area (the picker then says so)', async () => {
    const organisations = (await get('/api/v1/organisations', admin)).json<{ items: { id: string; kind: string }[] }>().items;
    const gemeente = organisations.find((o) => o.kind === 'gemeente')!.id;
    await ok(await send('POST', '/api/v1/users', { username: 'analist-elders', displayName: 'Analist Elders', roles: ['analyst'], organisationId: gemeente, areaScopes: ['FAnergens'], password: 'correct horse battery' }, admin), 201);
    const elsewhere = await t.login('analist-elders', 'correct horse battery');
    expect(await areas(elsewhere)).toEqual([]);
  });
});
