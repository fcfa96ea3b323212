import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { BUNDLE_FORMAT, type Benchmark, type BenchmarkList, type Bundle, type BundleItem, type Identity, type Lesson, type Meeting, type Member, type Overview, type ReceivedDetail, type SearchHit, type ShareableItem } from '../contract.js';
import { newKeyPair, signText, verifyText, type KeyPair } from '../bundle/keys.js';
import { signedText } from './exchange.service.js';

/**
 * The learning circle through the API on one installation: lessons and meetings, share levels, export, and
 * imports of bundles signed by synthetic members' test keys (replay, a changed byte, withdrawal, the
 * 5-member threshold), permissions, audit rows and bad input that changes nothing.
 */

let t: TestApp;
let admin: TestSession;
let manager: TestSession;
let analyst: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'learning'] });
  [admin, manager, analyst] = [await t.login('beheerder'), await t.login('regisseur'), await t.login('analist')];
}, 300_000);
afterAll(() => t?.close());

const get = <T>(url: string, session = manager) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>(), raw: r }));
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, session = manager) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const TABLES = ['circle_members', 'circle_lessons', 'circle_meetings', 'circle_shares', 'circle_received_items', 'circle_bundle_log', 'audit_log'];
const counts = async () => Promise.all(TABLES.map((table) => countRows(t.database, table)));
const auditActions = async (action: string) => (await get<{ items: { action: string; detail: Record<string, unknown> }[] }>(`/api/v1/audit?action=${action}`, admin)).body.items ?? [];

interface TestMember {
  keys: KeyPair;
  code: string;
  name: string;
  sequence: number;
}

function signBundle(member: TestMember, items: BundleItem[], sequence = ++member.sequence): string {
  const unsigned = { format: BUNDLE_FORMAT, issuer: { name: member.name, municipalityCode: member.code, publicKey: member.keys.publicKey }, sequence, createdAt: new Date().toISOString(), items };
  return JSON.stringify({ ...unsigned, signature: signText(member.keys.privateKey, signedText(unsigned)) });
}

async function register(code: string, name: string): Promise<TestMember> {
  const member = { keys: newKeyPair(), code, name, sequence: 0 };
  const added = await send('POST', '/api/v1/circle/members', { name, municipalityCode: code, publicKey: member.keys.publicKey }, admin);
  expect(added.statusCode, added.body).toBe(201);
  return member;
}

const trendItem = (values: [number, number][]): BundleItem => ({
  kind: 'trend',
  key: 'test_trend',
  level: 'circle',
  title: 'Testindicator',
  payload: { indicator: 'test_trend', indicatorName: 'Testindicator', unit: '%', values: values.map(([year, value]) => ({ year, value })) },
});
const lessonItem = (key: string, title: string, text: string): BundleItem => ({
  kind: 'lesson',
  key,
  level: 'circle',
  title,
  payload: { text, theme: 'Samenwerking', areaName: null, tags: ['corporatie'], isIllustrative: false, meeting: null },
});

describe('this installation’s identity and the trust list', () => {
  it('makes a key pair at first use and keeps it; the administrator sets name and gemeentecode', async () => {
    const first = await get<Identity>('/api/v1/circle/identity', admin);
    expect(first.status).toBe(200);
    expect(first.body.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect((await get<Identity>('/api/v1/circle/identity', admin)).body.publicKey).toBe(first.body.publicKey);
    const set = await send('PUT', '/api/v1/circle/identity', { name: 'Gemeente Dordrecht', municipalityCode: 'GM0505' }, admin);
    expect(set.statusCode).toBe(200);
    expect(set.json<Identity>()).toMatchObject({ name: 'Gemeente Dordrecht', municipalityCode: 'GM0505', publicKey: first.body.publicKey });
    expect((await auditActions('circle.identity.create')).length).toBe(1);
  });

  it('refuses a member with a key that is not Ed25519, a second member with the same code, and anyone but the administrator', async () => {
    const before = await counts();
    const badKey = await send('POST', '/api/v1/circle/members', { name: 'Gemeente X', municipalityCode: 'GM0999', publicKey: 'A'.repeat(60) }, admin);
    expect(badKey.statusCode).toBe(422);
    expect(badKey.headers['content-type']).toContain('application/problem+json');
    expect(badKey.json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.invalid_public_key' });
    const badCode = await send('POST', '/api/v1/circle/members', { name: 'Gemeente X', municipalityCode: '0999', publicKey: newKeyPair().publicKey }, admin);
    expect(badCode.statusCode).toBe(422);
    expect((await send('POST', '/api/v1/circle/members', { name: 'Gemeente X', municipalityCode: 'GM0999', publicKey: newKeyPair().publicKey }, manager)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    await register('GM0998', 'Gemeente Dubbel');
    const again = await send('POST', '/api/v1/circle/members', { name: 'Nog eens', municipalityCode: 'GM0998', publicKey: newKeyPair().publicKey }, admin);
    expect(again.statusCode).toBe(409);
    const own = (await get<Identity>('/api/v1/circle/identity', admin)).body;
    expect((await send('POST', '/api/v1/circle/members', { name: 'Ikzelf', municipalityCode: 'GM0997', publicKey: own.publicKey }, admin)).statusCode).toBe(409);
  });
});

describe('lessons, meetings and share levels', () => {
  let meeting: Meeting;
  let lesson: Lesson;

  it('records a meeting in four parts and a lesson from its peer consultation', async () => {
    const created = await send('POST', '/api/v1/circle/meetings', { heldOn: '2026-11-26', hostMunicipality: 'Gemeente Zwolle', place: 'Stadhuis', notes: { nieuws: 'Rondje nieuws', intervisie: 'Casus over de corporatie' } });
    expect(created.statusCode, created.body).toBe(201);
    meeting = created.json<Meeting>();
    expect(meeting.parts.map((p) => p.part)).toEqual(['nieuws', 'intervisie', 'thema', 'projectbezoek']);
    expect(meeting.parts.find((p) => p.part === 'intervisie')?.notes).toBe('Casus over de corporatie');
    const notes = await send('PUT', `/api/v1/circle/meetings/${meeting.id}/parts/thema`, { notes: 'Achter-voordeurbezoeken' });
    expect(notes.json<Meeting>().parts.find((p) => p.part === 'thema')?.notes).toBe('Achter-voordeurbezoeken');
    const made = await send('POST', '/api/v1/circle/lessons', { title: 'Bewoners vooraf betrekken', text: 'De bewoners wilden eerder meepraten over de herinrichting van hun straten.', theme: 'Participatie', tags: ['bewoners', 'herinrichting'], meetingId: meeting.id, meetingPart: 'intervisie' });
    expect(made.statusCode, made.body).toBe(201);
    lesson = made.json<Lesson>();
    expect(lesson).toMatchObject({ shareLevel: 'internal', meetingId: meeting.id, meetingPart: 'intervisie' });
    expect((await get<Meeting>(`/api/v1/circle/meetings/${meeting.id}`, analyst)).body.lessons.map((l) => l.id)).toEqual([lesson.id]);
  });

  it('refuses bad lessons and meetings with 422 and changes nothing; the analyst may only read', async () => {
    const before = await counts();
    for (const body of [
      { title: '', text: 'x', theme: 'y' },
      { title: 'x', text: 'x', theme: 'y', meetingPart: 'thema' },
      { title: 'x', text: 'x', theme: 'y', meetingId: '00000000-0000-4000-8000-000000000000', meetingPart: 'thema' },
      { title: 'x', text: 'x', theme: 'y', meetingId: meeting.id, meetingPart: 'borrel' },
      { title: 'x', text: 'x', theme: 'y', extra: 1 },
    ]) {
      const response = await send('POST', '/api/v1/circle/lessons', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await send('POST', '/api/v1/circle/meetings', { heldOn: '2026-02-30', hostMunicipality: 'X', place: 'Y' })).statusCode).toBe(422);
    expect((await send('PUT', `/api/v1/circle/meetings/${meeting.id}/parts/borrel`, { notes: 'x' })).statusCode).toBe(422);
    expect((await send('PUT', '/api/v1/circle/meetings/not-a-uuid/parts/thema', { notes: 'x' })).statusCode).toBe(422);
    expect((await send('PUT', '/api/v1/circle/shares', { kind: 'lesson', key: 'not-a-lesson', level: 'circle' })).statusCode).toBe(422);
    expect((await send('PUT', '/api/v1/circle/shares', { kind: 'evaluation', key: lesson.id, level: 'circle' })).statusCode).toBe(422);
    expect((await send('PUT', '/api/v1/circle/shares', { kind: 'lesson', key: lesson.id, level: 'circle' }, analyst)).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/circle/lessons', { title: 'x', text: 'x', theme: 'y' }, analyst)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('sets share levels, audited with the previous level', async () => {
    const shared = await send('PUT', '/api/v1/circle/shares', { kind: 'lesson', key: lesson.id, level: 'circle' });
    expect(shared.statusCode, shared.body).toBe(200);
    const list = (await get<{ items: ShareableItem[] }>('/api/v1/circle/shares')).body.items;
    expect(list.find((i) => i.key === lesson.id)?.level).toBe('circle');
    const mkba = list.find((i) => i.kind === 'mkba');
    expect(mkba?.level).toBe('internal');
    expect((await send('PUT', '/api/v1/circle/shares', { kind: 'mkba', key: mkba!.key, level: 'public' })).statusCode).toBe(200);
    const audit = await auditActions('circle.share.set');
    expect(audit.map((a) => a.detail)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'lesson', level: 'circle', previousLevel: 'internal' })]));
  });

  it('exports a signed bundle of what is shared, with a rising sequence', async () => {
    const internal = (await send('POST', '/api/v1/circle/lessons', { title: 'Alleen voor ons', text: 'Intern', theme: 'Intern' })).json<Lesson>();
    const first = await send('POST', '/api/v1/circle/exports');
    expect(first.statusCode, first.body).toBe(200);
    const bundle = first.json<Bundle>();
    const identity = (await get<Identity>('/api/v1/circle/identity', admin)).body;
    const { signature, ...unsigned } = bundle;
    expect(verifyText(identity.publicKey, signedText(unsigned), signature)).toBe(true);
    expect(bundle.issuer).toEqual({ name: 'Gemeente Dordrecht', municipalityCode: 'GM0505', publicKey: identity.publicKey });
    expect(bundle.items.map((i) => i.kind).sort()).toEqual(['lesson', 'mkba']);
    expect(bundle.items.some((i) => i.key === internal.id)).toBe(false);
    const mkba = bundle.items.find((i) => i.kind === 'mkba')!;
    expect(mkba.payload).toMatchObject({ areaName: 'Dordt West', baseYear: 2026, discountRate: 2.25 });
    expect((mkba.payload as { alternatives: unknown[] }).alternatives.length).toBeGreaterThan(0);
    expect((await send('POST', '/api/v1/circle/exports')).json<Bundle>().sequence).toBe(bundle.sequence + 1);
    expect((await auditActions('circle.bundle.export')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('importing members’ bundles', () => {
  let zwolle: TestMember;

  beforeAll(async () => {
    zwolle = await register('GM0193', 'Gemeente Zwolle');
  });

  it('imports a signed bundle; the items show; opening one is audited', async () => {
    const response = await send('POST', '/api/v1/circle/imports', { bundle: signBundle(zwolle, [lessonItem('l1', 'Corporatie aan tafel', 'Met de corporatie samen de portiekflats aanpakken werkte.'), lessonItem('l2', 'Tweede les', 'Nog een les.')]) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ memberName: 'Gemeente Zwolle', sequence: 1, items: 2, withdrawn: 0 });
    const overview = (await get<Overview>('/api/v1/circle', analyst)).body;
    const item = overview.received.find((r) => r.title === 'Corporatie aan tafel')!;
    expect(item).toMatchObject({ kind: 'lesson', memberName: 'Gemeente Zwolle' });
    const detail = await get<ReceivedDetail>(`/api/v1/circle/received/${item.id}`, analyst);
    expect(detail.body.lesson?.text).toContain('portiekflats');
    expect((await auditActions('circle.item.view')).some((a) => a.detail.title === 'Corporatie aan tafel')).toBe(true);
    expect((await auditActions('circle.bundle.import')).length).toBeGreaterThanOrEqual(1);
  });

  it('never puts a member’s lesson on this municipality’s public page, even one its writer shared as public', async () => {
    const response = await send('POST', '/api/v1/circle/imports', { bundle: signBundle(zwolle, [{ ...lessonItem('l1', 'Corporatie aan tafel', 'Met de corporatie samen de portiekflats aanpakken werkte.'), level: 'public' }, lessonItem('l2', 'Tweede les', 'Nog een les.')]) });
    expect(response.statusCode, response.body).toBe(200);
    expect((await get<Overview>('/api/v1/circle', analyst)).body.received.find((r) => r.title === 'Corporatie aan tafel')?.level).toBe('public');
    const published = await t.app.inject({ url: '/api/v1/public/lessons' });
    expect(published.statusCode).toBe(200);
    expect(published.json<{ items: { title: string }[] }>().items.map((l) => l.title)).not.toContain('Corporatie aan tafel');
  });

  it('refuses a signed bundle whose items hold text no database can store (NUL, a lone surrogate), with nothing changed', async () => {
    const before = await counts();
    for (const bad of ['Tekst met \u0000 erin', 'Half \ud800 teken']) {
      const refused = await send('POST', '/api/v1/circle/imports', { bundle: signBundle(zwolle, [lessonItem('l9', 'Kapotte tekst', bad)]) });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.bundle_unreadable' });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a bundle with a changed byte, a replayed one, an unknown issuer and a wrong key with nothing changed', async () => {
    const good = signBundle(zwolle, [lessonItem('l1', 'Corporatie aan tafel', 'Gewijzigd')]);
    const before = await counts();
    const at = good.indexOf('Gewijzigd');
    const flipped = good.slice(0, at) + 'H' + good.slice(at + 1);
    const refused = await send('POST', '/api/v1/circle/imports', { bundle: flipped });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.bad_signature' });
    expect((await send('POST', '/api/v1/circle/imports', { bundle: good.replace('{', '[') })).json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.bundle_unreadable' });
    expect((await send('POST', '/api/v1/circle/imports', { bundle: 'geen json' })).statusCode).toBe(422);
    const stranger = { keys: newKeyPair(), code: 'GM0014', name: 'Gemeente Groningen', sequence: 0 };
    expect((await send('POST', '/api/v1/circle/imports', { bundle: signBundle(stranger, []) })).json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.unknown_member' });
    const impostor = { ...zwolle, keys: newKeyPair() };
    expect((await send('POST', '/api/v1/circle/imports', { bundle: signBundle(impostor, [], 99) })).json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.key_mismatch' });
    const replay = signBundle(zwolle, [], 1);
    const replayed = await send('POST', '/api/v1/circle/imports', { bundle: replay });
    expect(replayed.statusCode).toBe(409);
    expect(replayed.json()).toMatchObject({ type: 'urn:wijkregie:problem:circle.bundle_replayed' });
    expect((await send('POST', '/api/v1/circle/imports', { bundle: good }, analyst)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('drops what the member no longer shares: the bundle is the full current set', async () => {
    const response = await send('POST', '/api/v1/circle/imports', { bundle: signBundle(zwolle, [lessonItem('l1', 'Corporatie aan tafel', 'Met de corporatie samen de portiekflats aanpakken werkte.')]) });
    expect(response.json()).toMatchObject({ items: 1, withdrawn: 1 });
    const titles = (await get<Overview>('/api/v1/circle')).body.received.map((r) => r.title);
    expect(titles).toContain('Corporatie aan tafel');
    expect(titles).not.toContain('Tweede les');
  });

  it('finds own and received lessons by full text with Dutch stemming', async () => {
    const hits = (await get<{ items: SearchHit[] }>(`/api/v1/circle/lesson-search?q=${encodeURIComponent('bewoner')}`)).body.items;
    expect(hits.map((h) => h.title)).toContain('Bewoners vooraf betrekken');
    const received = (await get<{ items: SearchHit[] }>(`/api/v1/circle/lesson-search?q=${encodeURIComponent('portiekflat corporatie')}`, analyst)).body.items;
    expect(received).toEqual([expect.objectContaining({ source: 'member', title: 'Corporatie aan tafel', memberName: 'Gemeente Zwolle' })]);
    expect((await get<{ items: SearchHit[] }>('/api/v1/circle/lesson-search?q=onvindbaarwoord')).body.items).toEqual([]);
    expect((await get('/api/v1/circle/lesson-search?q=')).status).toBe(422);
  });
});

describe('trend against the circle median', () => {
  // Distinctive values, so the test can see that none of them is ever answered.
  const MEMBER_VALUES: [number, number][][] = [
    [[2023, 11.11], [2024, 21.11]],
    [[2023, 12.22], [2024, 22.22]],
    [[2023, 13.33], [2024, 23.33]],
    [[2023, 14.44], [2024, 24.44]],
    [[2024, 25.55]],
  ];
  const members: TestMember[] = [];

  beforeAll(async () => {
    for (const [i, code] of ['GM0301', 'GM0302', 'GM0303', 'GM0304', 'GM0305'].entries()) members.push(await register(code, `Testgemeente ${i + 1}`));
  });

  it('with 4 members sharing: says so and answers no figures', async () => {
    for (const [i, member] of members.slice(0, 4).entries()) expect((await send('POST', '/api/v1/circle/imports', { bundle: signBundle(member, [trendItem(MEMBER_VALUES[i]!)]) })).statusCode).toBe(200);
    const list = (await get<BenchmarkList>('/api/v1/circle/benchmarks', analyst)).body;
    expect(list.items.find((i) => i.indicator === 'test_trend')).toEqual({ indicator: 'test_trend', indicatorName: 'Testindicator', membersSharing: 4, enough: false });
    const benchmark = await get<Benchmark>('/api/v1/circle/benchmarks/test_trend', analyst);
    expect(benchmark.body).toMatchObject({ membersSharing: 4, enough: false, threshold: 5, years: [] });
  });

  it('with 5: the median per year, a year with 4 values suppressed, and no member’s value in any answer', async () => {
    expect((await send('POST', '/api/v1/circle/imports', { bundle: signBundle(members[4]!, [trendItem(MEMBER_VALUES[4]!)]) })).statusCode).toBe(200);
    const benchmark = await get<Benchmark>('/api/v1/circle/benchmarks/test_trend', analyst);
    // 2024: 21.11 22.22 23.33 24.44 25.55 → 23.33; 2023: only four members have a value → suppressed.
    expect(benchmark.body).toMatchObject({ membersSharing: 5, enough: true, years: [{ year: 2023, own: null, median: null }, { year: 2024, own: null, median: 23.33 }] });
    const overview = await get<Overview>('/api/v1/circle', analyst);
    const trend = overview.body.received.find((r) => r.kind === 'trend')!;
    const detail = await get<ReceivedDetail>(`/api/v1/circle/received/${trend.id}`, analyst);
    expect(detail.body.trend).toEqual({ indicator: 'test_trend', indicatorName: 'Testindicator', unit: '%', years: [2023, 2024] });
    for (const answer of [benchmark.raw.body, overview.raw.body, detail.raw.body, (await get('/api/v1/circle/benchmarks')).raw.body]) {
      for (const value of MEMBER_VALUES.flat().map(([, v]) => v).filter((v) => v !== 23.33)) expect(answer).not.toContain(String(value));
    }
  });

  it('refuses a malformed indicator code with 422 and an unknown one with 404', async () => {
    expect((await get('/api/v1/circle/benchmarks/NOT-A-CODE')).status).toBe(422);
    expect((await get('/api/v1/circle/benchmarks/nobody_shares_this')).status).toBe(404);
  });
});

describe('removing a member', () => {
  it('removes what was received from it, audited', async () => {
    const list = (await get<{ items: Member[] }>('/api/v1/circle/members', admin)).body.items;
    const zwolle = list.find((m) => m.municipalityCode === 'GM0193')!;
    expect(zwolle.itemCount).toBe(1);
    expect((await send('DELETE', `/api/v1/circle/members/${zwolle.id}`, undefined, admin)).statusCode).toBe(204);
    expect((await get<Overview>('/api/v1/circle')).body.received.some((r) => r.memberName === 'Gemeente Zwolle')).toBe(false);
    expect((await auditActions('circle.member.remove')).length).toBe(1);
    expect((await send('DELETE', `/api/v1/circle/members/${zwolle.id}`, undefined, admin)).statusCode).toBe(404);
  });
});
