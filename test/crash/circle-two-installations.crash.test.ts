import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Identity, ImportResult, Lesson, Member, Overview, ReceivedDetail, SearchHit, ShareableItem } from '../../src/modules/circle/contract.js';
import { canonicalJson } from '../../src/modules/circle/bundle/canonical.js';
import { newKeyPair, signText } from '../../src/modules/circle/bundle/keys.js';
import { signRotation } from '../../src/modules/circle/bundle/rotation.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server.js';
import { killLeftoverServers, login, serverEnv, sessionHeaders, startServer, type ServerProcess, type Session } from './server-process.js';

/**
 * The learning circle between two separately running installations (docs/circle.md, ADR 0009): two server
 * processes from the built server, each with its own database (A on PGlite, B on PostgreSQL) and so its own
 * key pair. Everything goes through the HTTP API, as two municipalities would: the administrators register
 * each other's public key, A shares, exports and B imports; a changed byte and a replayed bundle are refused
 * and change nothing; what A withdraws is gone at B after the next bundle. Then A rotates its key and changes a
 * lesson: B refuses a forged rotation statement, takes A's new key over from A's next bundle (with the changed
 * lesson), and refuses A's bundles signed with the old key from then on.
 * It lives beside the crash tests because this suite is where real server processes are started.
 */

let work: string;
let postgres: TestPostgres;
let a: ServerProcess;
let b: ServerProcess;
const sessions = new Map<string, Session>();

async function session(server: ServerProcess, username: string): Promise<Session> {
  const key = `${server.baseUrl}|${username}`;
  if (!sessions.has(key)) sessions.set(key, await login(server.baseUrl, username));
  return sessions.get(key)!;
}

async function call<T>(server: ServerProcess, username: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: T; type: string }> {
  const s = await session(server, username);
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    // Without a body there is no content type, as the web app sends it (an empty JSON body is a 400).
    headers: body === undefined ? { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrfToken }) } : sessionHeaders(s),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, type: response.headers.get('content-type') ?? '' };
}

const ADMIN = 'beheerder';
const MANAGER = 'regisseur';

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'wijkregie-circle-'));
  mkdirSync(path.join(work, 'tmp-a'));
  mkdirSync(path.join(work, 'tmp-b'));
  postgres = await startTestPostgres();
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE installation_b');
  await admin.end();
  [a, b] = await Promise.all([
    startServer(serverEnv({ dataDir: path.join(work, 'data-a') }, path.join(work, 'tmp-a'))),
    startServer(serverEnv({ databaseUrl: postgres.urlFor('installation_b') }, path.join(work, 'tmp-b'))),
  ]);
});

afterAll(async () => {
  await killLeftoverServers();
  postgres?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('two installations exchange signed bundles', () => {
  let identityA: Identity;
  let shared: Lesson;
  let internal: Lesson;
  let mkba: ShareableItem;
  let first: Bundle;

  it('each installation has its own key; the administrators register each other', async () => {
    // Both start as the demo (Dordrecht); B becomes another municipality, as a second installation would be.
    const setB = await call<Identity>(b, ADMIN, 'PUT', '/api/v1/circle/identity', { name: 'Gemeente Zwolle', municipalityCode: 'GM0193' });
    expect(setB.status).toBe(200);
    identityA = (await call<Identity>(a, ADMIN, 'GET', '/api/v1/circle/identity')).body;
    const identityB = setB.body;
    expect(identityA.municipalityCode).toBe('GM0505');
    expect(identityA.publicKey).not.toBe(identityB.publicKey);
    expect(identityA.fingerprint).not.toBe(identityB.fingerprint);

    const atB = await call<{ fingerprint: string }>(b, ADMIN, 'POST', '/api/v1/circle/members', { name: identityA.name, municipalityCode: identityA.municipalityCode, publicKey: identityA.publicKey });
    expect(atB.status).toBe(201);
    // The fingerprint B's administrator reads out is the one A shows: the out-of-band check can succeed.
    expect(atB.body.fingerprint).toBe(identityA.fingerprint);
    const atA = await call(a, ADMIN, 'POST', '/api/v1/circle/members', { name: identityB.name, municipalityCode: identityB.municipalityCode, publicKey: identityB.publicKey });
    expect(atA.status).toBe(201);
  });

  it('A shares a lesson and an MKBA with the circle, keeps one lesson internal, and exports a signed bundle', async () => {
    const lesson = (title: string, text: string) => call<Lesson>(a, MANAGER, 'POST', '/api/v1/circle/lessons', { title, text, theme: 'Veiligheid', tags: ['portiek'] });
    const made = await lesson('Portiekgesprekken werken', 'Met bewoners per portiek in gesprek gaan bracht meer meldingen en minder overlast.');
    const kept = await lesson('Interne notitie over de begroting', 'Alleen voor ons eigen team.');
    expect([made.status, kept.status]).toEqual([201, 201]);
    [shared, internal] = [made.body, kept.body];

    const shares = await call<{ items: ShareableItem[] }>(a, MANAGER, 'GET', '/api/v1/circle/shares');
    mkba = shares.body.items.find((item) => item.kind === 'mkba')!;
    expect(mkba, 'the demo has an MKBA to share').toBeDefined();
    for (const [kind, key] of [['lesson', shared.id], ['mkba', mkba.key]] as const) {
      expect((await call(a, MANAGER, 'PUT', '/api/v1/circle/shares', { kind, key, level: 'circle' })).status).toBe(200);
    }

    const exported = await call<Bundle>(a, MANAGER, 'POST', '/api/v1/circle/exports');
    expect(exported.status).toBe(200);
    first = exported.body;
    expect(first.issuer).toMatchObject({ municipalityCode: 'GM0505', publicKey: identityA.publicKey });
    const keys = first.items.map((item) => item.key);
    expect(keys).toContain(shared.id);
    expect(keys).toContain(mkba.key);
    expect(keys).not.toContain(internal.id);
  });

  it('B refuses the bundle with one changed byte and keeps nothing of it', async () => {
    const text = JSON.stringify(first);
    const at = text.indexOf('Portiekgesprekken');
    const tampered = `${text.slice(0, at)}p${text.slice(at + 1)}`;
    expect(tampered).not.toBe(text);
    const refused = await call<{ type: string }>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: tampered });
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.type).toBe('urn:wijkregie:problem:circle.bad_signature');
    const overview = await call<Overview>(b, MANAGER, 'GET', '/api/v1/circle');
    expect(overview.body.received.filter((item) => item.municipalityCode === 'GM0505')).toEqual([]);
  });

  it('B imports the bundle: A’s circle items are there, the internal lesson is not', async () => {
    const imported = await call<ImportResult>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: JSON.stringify(first) });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ municipalityCode: 'GM0505', sequence: first.sequence, items: first.items.length, withdrawn: 0 });

    const received = (await call<Overview>(b, MANAGER, 'GET', '/api/v1/circle')).body.received.filter((item) => item.municipalityCode === 'GM0505');
    expect(received.map((item) => item.title)).toContain('Portiekgesprekken werken');
    expect(received.some((item) => item.kind === 'mkba')).toBe(true);
    expect(received.map((item) => item.title)).not.toContain('Interne notitie over de begroting');

    const mkbaItem = received.find((item) => item.kind === 'mkba')!;
    const detail = await call<ReceivedDetail>(b, MANAGER, 'GET', `/api/v1/circle/received/${mkbaItem.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.mkba?.alternatives.length).toBeGreaterThan(0);

    const hits = await call<{ items: SearchHit[] }>(b, MANAGER, 'GET', `/api/v1/circle/lesson-search?q=${encodeURIComponent('portiek')}`);
    expect(hits.body.items.some((hit) => hit.source === 'member' && hit.title === 'Portiekgesprekken werken')).toBe(true);
    expect((await call<{ items: SearchHit[] }>(b, MANAGER, 'GET', `/api/v1/circle/lesson-search?q=begroting`)).body.items).toEqual([]);
  });

  it('A withdraws the lesson; after the next bundle it is gone at B, and the older bundle cannot bring it back', async () => {
    expect((await call(a, MANAGER, 'PUT', '/api/v1/circle/shares', { kind: 'lesson', key: shared.id, level: 'internal' })).status).toBe(200);
    const second = (await call<Bundle>(a, MANAGER, 'POST', '/api/v1/circle/exports')).body;
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(second.items.map((item) => item.key)).not.toContain(shared.id);

    const imported = await call<ImportResult>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: JSON.stringify(second) });
    expect(imported.status).toBe(200);
    expect(imported.body.withdrawn).toBe(1);
    const titles = async () => (await call<Overview>(b, MANAGER, 'GET', '/api/v1/circle')).body.received.filter((item) => item.municipalityCode === 'GM0505').map((item) => item.title).sort();
    const after = await titles();
    expect(after).not.toContain('Portiekgesprekken werken');
    expect(after.length).toBe(second.items.length);

    for (const replay of [first, second]) {
      const refused = await call<{ type: string }>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: JSON.stringify(replay) });
      expect(refused.status).toBe(409);
      expect(refused.body.type).toBe('urn:wijkregie:problem:circle.bundle_replayed');
    }
    expect(await titles()).toEqual(after);
  });

  it('A rotates its key and changes a lesson; B refuses a forged statement, then takes the new key over from A’s next bundle', async () => {
    const before = (await call<{ items: Member[] }>(b, ADMIN, 'GET', '/api/v1/circle/members')).body.items.find((m) => m.municipalityCode === 'GM0505')!;
    expect(before.fingerprint).toBe(identityA.fingerprint);
    const olderBundle = (await call<Bundle>(a, MANAGER, 'POST', '/api/v1/circle/exports')).body;

    expect((await call(a, MANAGER, 'PUT', '/api/v1/circle/shares', { kind: 'lesson', key: shared.id, level: 'circle' })).status).toBe(200);
    const changed = await call<Lesson>(a, MANAGER, 'PUT', `/api/v1/circle/lessons/${shared.id}`, { title: 'Portiekgesprekken werken, ook in de zomer', text: shared.text, theme: shared.theme, tags: shared.tags });
    expect(changed.status).toBe(200);
    const rotated = await call<Identity>(a, ADMIN, 'POST', '/api/v1/circle/identity/rotation');
    expect(rotated.status).toBe(200);
    expect(rotated.body.fingerprint).not.toBe(identityA.fingerprint);
    expect(rotated.body.rotation?.previousFingerprint).toBe(identityA.fingerprint);
    const third = (await call<Bundle>(a, MANAGER, 'POST', '/api/v1/circle/exports')).body;
    expect(third.issuer.publicKey).toBe(rotated.body.publicKey);

    // Someone else claims to be A's new key: the statement is not signed by the key B registered.
    const forger = newKeyPair();
    const forgedUnsigned = { ...third, signature: undefined, issuer: { ...third.issuer, publicKey: forger.publicKey }, sequence: third.sequence + 1, rotation: signRotation({ publicKey: identityA.publicKey, privateKey: forger.privateKey }, forger.publicKey, new Date().toISOString()) };
    delete forgedUnsigned.signature;
    const forged = JSON.stringify({ ...forgedUnsigned, signature: signText(forger.privateKey, canonicalJson(forgedUnsigned)) });
    const refused = await call<{ type: string }>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: forged });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:wijkregie:problem:circle.bad_rotation');
    expect((await call<{ items: Member[] }>(b, ADMIN, 'GET', '/api/v1/circle/members')).body.items.find((m) => m.municipalityCode === 'GM0505')).toEqual(before);

    const imported = await call<ImportResult>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: JSON.stringify(third) });
    expect(imported.status).toBe(200);
    expect(imported.body.keyRotated).toEqual({ previousFingerprint: identityA.fingerprint, fingerprint: rotated.body.fingerprint });
    expect((await call<{ items: Member[] }>(b, ADMIN, 'GET', '/api/v1/circle/members')).body.items.find((m) => m.municipalityCode === 'GM0505')?.fingerprint).toBe(rotated.body.fingerprint);
    const titles = (await call<Overview>(b, MANAGER, 'GET', '/api/v1/circle')).body.received.filter((item) => item.municipalityCode === 'GM0505').map((item) => item.title);
    expect(titles).toContain('Portiekgesprekken werken, ook in de zomer');

    // A bundle A signed with the old key before the rotation is refused now, and so is the rotation bundle again.
    const old = await call<{ type: string }>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: JSON.stringify(olderBundle) });
    expect(old.body.type).toBe('urn:wijkregie:problem:circle.key_mismatch');
    const again = await call<{ type: string }>(b, MANAGER, 'POST', '/api/v1/circle/imports', { bundle: JSON.stringify(third) });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:wijkregie:problem:circle.bundle_replayed');
    // B's audit log has the move with both fingerprints.
    const audit = await call<{ items: { detail: Record<string, unknown> }[] }>(b, ADMIN, 'GET', '/api/v1/audit?action=circle.member.key_rotate');
    expect(audit.body.items.map((row) => row.detail)).toEqual([expect.objectContaining({ previousFingerprint: identityA.fingerprint, fingerprint: rotated.body.fingerprint })]);
  });

  it('each installation’s audit chain still verifies after the exchange', async () => {
    for (const server of [a, b]) {
      const verified = await call<{ valid: boolean }>(server, ADMIN, 'POST', '/api/v1/audit/verify');
      expect(verified.status).toBe(200);
      expect(verified.body.valid).toBe(true);
    }
  });
});
