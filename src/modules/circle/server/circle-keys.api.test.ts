import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { BUNDLE_FORMAT, type Benchmark, type Bundle, type BundleItem, type Identity, type KeyRotation, type Lesson, type Member, type Overview, type SearchHit } from '../contract.js';
import { fingerprintOf, newKeyPair, signText, verifyText, type KeyPair } from '../bundle/keys.js';
import { signRotation, verifyRotation } from '../bundle/rotation.js';
import { signedText } from './exchange.service.js';

/**
 * Revocation of a member, rotation of keys (this installation's own, and a member moving to a new key through a
 * signed rotation statement), and changing and deleting lessons — through the API, on PGlite and PostgreSQL.
 * Synthetic members sign with test keys; every refusal is checked to change nothing.
 */

let t: TestApp;
let admin: TestSession;
let manager: TestSession;
let analyst: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas'] });
  [admin, manager, analyst] = [await t.login('beheerder'), await t.login('regisseur'), await t.login('analist')];
  expect((await send('PUT', '/api/v1/circle/identity', { name: 'Gemeente Dordrecht', municipalityCode: 'GM0505' }, admin)).statusCode).toBe(200);
}, 300_000);
afterAll(() => t?.close());

const get = <T>(url: string, session = manager) => t.app.inject({ url, headers: { cookie: session.cookie } }).then((r) => ({ status: r.statusCode, body: r.json<T>() }));
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, session = manager) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const TABLES = ['circle_members', 'circle_lessons', 'circle_shares', 'circle_received_items', 'circle_bundle_log', 'audit_log'];
const counts = async () => Promise.all(TABLES.map((table) => countRows(t.database, table)));
/** Everything a refusal must leave alone, including the members' keys and revocations. */
const state = async () => ({
  counts: await counts(),
  members: (await sql<{ public_key: string; revoked_at: Date | null; last_sequence: string }>`SELECT public_key, revoked_at, last_sequence FROM circle_members ORDER BY municipality_code, created_at`.execute(t.database.db)).rows,
  identity: (await sql<{ public_key: string; private_key_sealed: string }>`SELECT public_key, private_key_sealed FROM circle_identity`.execute(t.database.db)).rows,
});
const auditActions = async (action: string) => (await get<{ items: { action: string; detail: Record<string, unknown> }[] }>(`/api/v1/audit?action=${action}`, admin)).body.items ?? [];
const problemType = (response: { json: () => unknown }) => (response.json() as { type?: string }).type;

interface TestMember {
  keys: KeyPair;
  code: string;
  name: string;
  sequence: number;
}

function signBundle(member: TestMember, items: BundleItem[], options: { sequence?: number; rotation?: KeyRotation } = {}): string {
  const sequence = options.sequence ?? ++member.sequence;
  const unsigned = { format: BUNDLE_FORMAT, issuer: { name: member.name, municipalityCode: member.code, publicKey: member.keys.publicKey }, sequence, createdAt: new Date().toISOString(), items, ...(options.rotation ? { rotation: options.rotation } : {}) };
  return JSON.stringify({ ...unsigned, signature: signText(member.keys.privateKey, signedText(unsigned)) });
}

async function register(code: string, name: string, keys = newKeyPair()): Promise<TestMember> {
  const added = await send('POST', '/api/v1/circle/members', { name, municipalityCode: code, publicKey: keys.publicKey }, admin);
  expect(added.statusCode, added.body).toBe(201);
  return { keys, code, name, sequence: 0 };
}

const importBundle = (text: string) => send('POST', '/api/v1/circle/imports', { bundle: text });
const memberByCode = async (code: string) => (await get<{ items: Member[] }>('/api/v1/circle/members', admin)).body.items.filter((m) => m.municipalityCode === code);

const trendItem = (values: [number, number][]): BundleItem => ({
  kind: 'trend',
  key: 'keys_trend',
  level: 'circle',
  title: 'Testindicator',
  payload: { indicator: 'keys_trend', indicatorName: 'Testindicator', unit: '%', values: values.map(([year, value]) => ({ year, value })) },
});
const lessonItem = (key: string, title: string, text: string): BundleItem => ({ kind: 'lesson', key, level: 'circle', title, payload: { text, theme: 'Veiligheid', areaName: null, tags: [], isIllustrative: false, meeting: null } });

describe('revoking a member', () => {
  const members: TestMember[] = [];

  beforeAll(async () => {
    for (const [i, code] of ['GM0401', 'GM0402', 'GM0403', 'GM0404', 'GM0405'].entries()) members.push(await register(code, `Kringgemeente ${i + 1}`));
    for (const [i, member] of members.entries()) {
      const items = [trendItem([[2024, 10 + i]]), ...(i === 0 ? [lessonItem('k1', 'Cameratoezicht evalueren', 'Het cameratoezicht in de binnenstad werd elk half jaar geëvalueerd.')] : [])];
      expect((await importBundle(signBundle(member, items))).statusCode).toBe(200);
    }
    expect((await get<Benchmark>('/api/v1/circle/benchmarks/keys_trend', analyst)).body).toMatchObject({ membersSharing: 5, enough: true });
  });

  it('refuses a revocation without a reason, with unknown fields, for a malformed or unknown id, and by anyone but the administrator, with nothing changed', async () => {
    const target = (await memberByCode('GM0401'))[0]!;
    const before = await state();
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(1001) }, { reason: 'lek', extra: true }]) {
      const response = await send('POST', `/api/v1/circle/members/${target.id}/revocation`, body, admin);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await send('POST', '/api/v1/circle/members/not-a-uuid/revocation', { reason: 'lek' }, admin)).statusCode).toBe(422);
    const unknown = await send('POST', '/api/v1/circle/members/00000000-0000-4000-8000-000000000000/revocation', { reason: 'lek' }, admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await send('POST', `/api/v1/circle/members/${target.id}/revocation`, { reason: 'lek' }, manager)).statusCode).toBe(403);
    expect((await send('POST', `/api/v1/circle/members/${target.id}/revocation`, { reason: 'lek' }, analyst)).statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('keeps the member with date and reason, removes what it shared (the median falls under five and stops showing) and audits it', async () => {
    const target = (await memberByCode('GM0401'))[0]!;
    const revoked = await send('POST', `/api/v1/circle/members/${target.id}/revocation`, { reason: 'Laptop met de sleutel gestolen' }, admin);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<Member>()).toMatchObject({ id: target.id, revokedReason: 'Laptop met de sleutel gestolen', itemCount: 0 });
    expect(revoked.json<Member>().revokedAt).toEqual(expect.any(String));
    expect((await memberByCode('GM0401')).map((m) => m.revokedReason)).toEqual(['Laptop met de sleutel gestolen']);
    const overview = (await get<Overview>('/api/v1/circle', analyst)).body;
    expect(overview.members.some((m) => m.municipalityCode === 'GM0401')).toBe(false);
    expect(overview.received.some((r) => r.memberName === 'Kringgemeente 1')).toBe(false);
    expect((await get<{ items: SearchHit[] }>(`/api/v1/circle/lesson-search?q=${encodeURIComponent('cameratoezicht')}`)).body.items).toEqual([]);
    expect((await get<Benchmark>('/api/v1/circle/benchmarks/keys_trend', analyst)).body).toMatchObject({ membersSharing: 4, enough: false, years: [] });
    const audit = (await auditActions('circle.member.revoke')).find((a) => a.detail.municipalityCode === 'GM0401');
    expect(audit?.detail).toMatchObject({ reason: 'Laptop met de sleutel gestolen', itemsRemoved: 2, fingerprint: target.fingerprint });
  });

  it('refuses the revoked member’s bundles with circle.key_revoked and changes nothing; it cannot be revoked twice or removed', async () => {
    const target = (await memberByCode('GM0401'))[0]!;
    const before = await state();
    const refused = await importBundle(signBundle(members[0]!, [trendItem([[2024, 10]])]));
    expect(refused.statusCode).toBe(422);
    expect(problemType(refused)).toBe('urn:wijkregie:problem:circle.key_revoked');
    // Nor can it hand over to a new key with a statement signed by the revoked one.
    const fresh = newKeyPair();
    const handover = signBundle({ ...members[0]!, keys: fresh }, [], { rotation: signRotation(members[0]!.keys, fresh.publicKey, new Date().toISOString()) });
    expect(problemType(await importBundle(handover))).toBe('urn:wijkregie:problem:circle.key_revoked');
    expect((await send('POST', `/api/v1/circle/members/${target.id}/revocation`, { reason: 'nog eens' }, admin)).statusCode).toBe(409);
    const remove = await send('DELETE', `/api/v1/circle/members/${target.id}`, undefined, admin);
    expect(remove.statusCode).toBe(409);
    expect(problemType(remove)).toBe('urn:wijkregie:problem:circle.member_revoked');
    expect(await state()).toEqual(before);
  });

  it('registers the municipality again only with another key; the revoked key stays refused', async () => {
    const before = await state();
    const same = await send('POST', '/api/v1/circle/members', { name: 'Kringgemeente 1', municipalityCode: 'GM0401', publicKey: members[0]!.keys.publicKey }, admin);
    expect(same.statusCode).toBe(409);
    expect(problemType(same)).toBe('urn:wijkregie:problem:circle.key_was_revoked');
    // Not under another code either.
    expect(problemType(await send('POST', '/api/v1/circle/members', { name: 'Vermomd', municipalityCode: 'GM0499', publicKey: members[0]!.keys.publicKey }, admin))).toBe('urn:wijkregie:problem:circle.key_was_revoked');
    expect(await state()).toEqual(before);
    const again = await register('GM0401', 'Kringgemeente 1');
    expect((await memberByCode('GM0401')).map((m) => m.revokedAt === null).sort()).toEqual([false, true]);
    expect((await importBundle(signBundle(again, [trendItem([[2024, 10]])]))).statusCode).toBe(200);
    expect((await get<Benchmark>('/api/v1/circle/benchmarks/keys_trend', analyst)).body).toMatchObject({ membersSharing: 5, enough: true });
    expect(problemType(await importBundle(signBundle(members[0]!, [], { sequence: 50 })))).toBe('urn:wijkregie:problem:circle.key_revoked');
  });
});

describe('a member moves to a new key with a rotation statement', () => {
  let zwolle: TestMember;
  let oldKeys: KeyPair;
  let newKeys: KeyPair;
  let rotationBundle: string;
  let oldBundle: string;

  beforeAll(async () => {
    zwolle = await register('GM0193', 'Gemeente Zwolle');
    oldKeys = zwolle.keys;
    oldBundle = signBundle(zwolle, [lessonItem('z1', 'Buurtpreventie', 'Appgroepen werkten het best met een vaste contactpersoon.')]);
    expect((await importBundle(oldBundle)).statusCode).toBe(200);
    newKeys = newKeyPair();
  });

  it('refuses a bundle under a new key without a statement, with a forged statement, or with a changed byte, and changes nothing', async () => {
    const before = await state();
    const moved = { ...zwolle, keys: newKeys };
    const plain = await importBundle(signBundle(moved, [], { sequence: 10 }));
    expect(problemType(plain)).toBe('urn:wijkregie:problem:circle.key_mismatch');
    const forgedStatement = signRotation({ publicKey: oldKeys.publicKey, privateKey: newKeyPair().privateKey }, newKeys.publicKey, new Date().toISOString());
    const forged = await importBundle(signBundle(moved, [], { sequence: 10, rotation: forgedStatement }));
    expect(forged.statusCode).toBe(422);
    expect(problemType(forged)).toBe('urn:wijkregie:problem:circle.bad_rotation');
    // A statement for another new key does not carry over to this one.
    const otherStatement = signRotation(oldKeys, newKeyPair().publicKey, new Date().toISOString());
    expect(problemType(await importBundle(signBundle(moved, [], { sequence: 10, rotation: otherStatement })))).toBe('urn:wijkregie:problem:circle.bad_rotation');
    // A genuine statement in a bundle whose content was changed after signing.
    const genuine = signBundle(moved, [lessonItem('z1', 'Buurtpreventie', 'Origineel')], { sequence: 10, rotation: signRotation(oldKeys, newKeys.publicKey, new Date().toISOString()) });
    const changed = genuine.replace('Origineel', 'Gewijzigd');
    expect(problemType(await importBundle(changed))).toBe('urn:wijkregie:problem:circle.bad_signature');
    expect(await state()).toEqual(before);
  });

  it('accepts a bundle whose statement is signed by the registered key, replaces the key and audits both fingerprints', async () => {
    const member = (await memberByCode('GM0193'))[0]!;
    expect(member.fingerprint).toBe(fingerprintOf(oldKeys.publicKey));
    zwolle = { ...zwolle, keys: newKeys };
    rotationBundle = signBundle(zwolle, [lessonItem('z1', 'Buurtpreventie', 'Appgroepen werkten het best met een vaste contactpersoon en een wijkagent.')], { rotation: signRotation(oldKeys, newKeys.publicKey, new Date().toISOString()) });
    const response = await importBundle(rotationBundle);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ items: 1, keyRotated: { previousFingerprint: fingerprintOf(oldKeys.publicKey), fingerprint: fingerprintOf(newKeys.publicKey) } });
    expect((await memberByCode('GM0193'))[0]).toMatchObject({ id: member.id, fingerprint: fingerprintOf(newKeys.publicKey), revokedAt: null });
    const audit = (await auditActions('circle.member.key_rotate')).find((a) => a.detail.municipalityCode === 'GM0193');
    expect(audit?.detail).toMatchObject({ previousFingerprint: fingerprintOf(oldKeys.publicKey), fingerprint: fingerprintOf(newKeys.publicKey) });
  });

  it('refuses replays after the rotation: the old key’s bundles and the rotation bundle itself', async () => {
    const before = await state();
    const old = await importBundle(oldBundle);
    expect(problemType(old)).toBe('urn:wijkregie:problem:circle.key_mismatch');
    expect(problemType(await importBundle(signBundle({ ...zwolle, keys: oldKeys }, [], { sequence: 99 })))).toBe('urn:wijkregie:problem:circle.key_mismatch');
    const replayed = await importBundle(rotationBundle);
    expect(replayed.statusCode).toBe(409);
    expect(problemType(replayed)).toBe('urn:wijkregie:problem:circle.bundle_replayed');
    expect(await state()).toEqual(before);
  });

  it('keeps accepting later bundles under the new key, with or without the statement', async () => {
    const later = await importBundle(signBundle(zwolle, [], { rotation: signRotation(oldKeys, newKeys.publicKey, new Date().toISOString()) }));
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json()).toMatchObject({ withdrawn: 1, keyRotated: null });
    expect((await importBundle(signBundle(zwolle, []))).statusCode).toBe(200);
  });
});

describe('rotating this installation’s own key', () => {
  it('is for the administrator only', async () => {
    const before = await state();
    expect((await send('POST', '/api/v1/circle/identity/rotation', undefined, manager)).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/circle/identity/rotation', undefined, analyst)).statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('makes a new key pair, discards the old private key, and signs the new key with the old one in every later bundle', async () => {
    const old = (await get<Identity>('/api/v1/circle/identity', admin)).body;
    expect(old.rotation).toBeNull();
    const oldSealed = (await state()).identity[0]!.private_key_sealed;
    const rotated = await send('POST', '/api/v1/circle/identity/rotation', undefined, admin);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const identity = rotated.json<Identity>();
    expect(identity.publicKey).not.toBe(old.publicKey);
    expect(identity.rotation).toEqual({ previousFingerprint: old.fingerprint, rotatedAt: expect.any(String) });
    const sealed = (await state()).identity[0]!.private_key_sealed;
    expect(sealed).not.toBe(oldSealed);
    const audit = await auditActions('circle.identity.rotate');
    expect(audit.map((a) => a.detail)).toEqual([{ previousFingerprint: old.fingerprint, fingerprint: identity.fingerprint }]);

    for (let i = 0; i < 2; i++) {
      const bundle = (await send('POST', '/api/v1/circle/exports')).json<Bundle>();
      expect(bundle.issuer.publicKey).toBe(identity.publicKey);
      const { signature, ...unsigned } = bundle;
      expect(verifyText(identity.publicKey, signedText(unsigned), signature)).toBe(true);
      expect(bundle.rotation?.previousFingerprint).toBe(old.fingerprint);
      expect(verifyRotation(bundle.rotation!, old.publicKey, identity.publicKey)).toBe(true);
    }
  });
});

describe('changing and deleting own lessons', () => {
  let lesson: Lesson;
  const publicTitles = async () => (await t.app.inject({ url: '/api/v1/public/lessons' })).json<{ items: { title: string; text: string }[] }>().items;
  const exported = async () => (await send('POST', '/api/v1/circle/exports')).json<Bundle>().items.filter((i) => i.kind === 'lesson');

  beforeAll(async () => {
    lesson = (await send('POST', '/api/v1/circle/lessons', { title: 'Schouw met bewoners', text: 'Een avondschouw liet donkere plekken zien.', theme: 'Verlichting', tags: ['schouw'] })).json<Lesson>();
    expect((await send('PUT', '/api/v1/circle/shares', { kind: 'lesson', key: lesson.id, level: 'public' })).statusCode).toBe(200);
  });

  it('refuses bad changes and deletions with 422/404, and the analyst, with nothing changed', async () => {
    const before = await state();
    for (const body of [{ title: '', text: 'x', theme: 'y' }, { title: 'x', text: 'x' }, { title: 'x', text: 'x', theme: 'y', meetingId: null }, { title: 'x', text: 'x', theme: 'y', tags: ['a'.repeat(51)] }]) {
      const response = await send('PUT', `/api/v1/circle/lessons/${lesson.id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await send('PUT', '/api/v1/circle/lessons/not-a-uuid', { title: 'x', text: 'x', theme: 'y' })).statusCode).toBe(422);
    expect((await send('DELETE', '/api/v1/circle/lessons/not-a-uuid')).statusCode).toBe(422);
    expect((await send('PUT', '/api/v1/circle/lessons/00000000-0000-4000-8000-000000000000', { title: 'x', text: 'x', theme: 'y' })).statusCode).toBe(404);
    expect((await send('PUT', `/api/v1/circle/lessons/${lesson.id}`, { title: 'x', text: 'x', theme: 'y' }, analyst)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/v1/circle/lessons/${lesson.id}`, undefined, analyst)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/v1/circle/lessons/${lesson.id}`, undefined, admin)).statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('a change shows on the public page, in the next bundle and in the search; audited with what changed', async () => {
    expect((await publicTitles()).map((l) => l.title)).toContain('Schouw met bewoners');
    const changed = await send('PUT', `/api/v1/circle/lessons/${lesson.id}`, { title: 'Avondschouw met bewoners', text: 'Een avondschouw liet donkere plekken en kapotte lantaarns zien.', theme: 'Verlichting', tags: ['schouw'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Lesson>()).toMatchObject({ id: lesson.id, title: 'Avondschouw met bewoners', shareLevel: 'public' });
    expect((await publicTitles()).map((l) => l.title)).toEqual(expect.arrayContaining(['Avondschouw met bewoners']));
    expect((await publicTitles()).map((l) => l.title)).not.toContain('Schouw met bewoners');
    const items = await exported();
    expect(items.find((i) => i.key === lesson.id)).toMatchObject({ title: 'Avondschouw met bewoners', payload: expect.objectContaining({ text: expect.stringContaining('lantaarns') }) });
    expect((await get<{ items: SearchHit[] }>(`/api/v1/circle/lesson-search?q=${encodeURIComponent('lantaarn')}`)).body.items.map((h) => h.id)).toEqual([lesson.id]);
    const audit = (await auditActions('circle.lesson.update')).find((a) => a.detail.title === 'Avondschouw met bewoners');
    expect(audit?.detail).toMatchObject({ previousTitle: 'Schouw met bewoners', changed: ['title', 'body'] });
  });

  it('a deleted lesson leaves the public page, the next bundle and the share list; audited', async () => {
    const deleted = await send('DELETE', `/api/v1/circle/lessons/${lesson.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await publicTitles()).map((l) => l.title)).not.toContain('Avondschouw met bewoners');
    expect((await exported()).some((i) => i.key === lesson.id)).toBe(false);
    expect(await countRows(t.database, 'circle_shares')).toBe(0);
    expect((await get<{ items: Lesson[] }>('/api/v1/circle/lessons')).body.items.some((l) => l.id === lesson.id)).toBe(false);
    const audit = (await auditActions('circle.lesson.delete')).find((a) => a.detail.title === 'Avondschouw met bewoners');
    expect(audit?.detail).toMatchObject({ shareLevel: 'public' });
    expect((await send('DELETE', `/api/v1/circle/lessons/${lesson.id}`)).statusCode).toBe(404);
  });
});
