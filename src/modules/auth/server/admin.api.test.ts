import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';

let t: TestApp;
let admin: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('beheerder');
});
afterAll(() => t.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
const patch = (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: admin.headers, payload });

describe('organisations', () => {
  it('are created, renamed and disabled, each change audited', async () => {
    const auditBefore = await countRows(t.database, 'audit_log');
    const created = await post('/api/v1/organisations', { name: 'Stichting Buurtwerk West', kind: 'welzijn_zorg' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Stichting Buurtwerk West', kind: 'welzijn_zorg', disabled: false, userCount: 0 });
    const id = created.json().id as string;
    const duplicate = await post('/api/v1/organisations', { name: 'stichting buurtwerk west', kind: 'overig' });
    expect(duplicate.statusCode).toBe(409);
    const renamed = await patch(`/api/v1/organisations/${id}`, { name: 'Buurtwerk Dordt West', disabled: true });
    expect(renamed.json()).toMatchObject({ name: 'Buurtwerk Dordt West', disabled: true });
    expect(await countRows(t.database, 'audit_log')).toBe(auditBefore + 2);
    const missing = await patch('/api/v1/organisations/00000000-0000-4000-8000-000000000000', { name: 'X' });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses to disable the administrator’s own organisation', async () => {
    const list = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } })).json().items as { id: string; kind: string }[];
    const own = list.find((o) => o.kind === 'gemeente');
    const response = await patch(`/api/v1/organisations/${own?.id}`, { disabled: true });
    expect(response.statusCode).toBe(409);
  });

  it('lock out the members of a disabled organisation at once', async () => {
    const organisation = (await post('/api/v1/organisations', { name: 'Tijdelijke partner', kind: 'overig' })).json();
    await post('/api/v1/users', { username: 'tijdelijk', displayName: 'Tijdelijk', password: 'a long enough secret', organisationId: organisation.id, roles: ['partner'] });
    const member = await t.login('tijdelijk', 'a long enough secret');
    expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie: member.cookie } })).statusCode).toBe(200);
    await patch(`/api/v1/organisations/${organisation.id}`, { disabled: true });
    expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie: member.cookie } })).statusCode).toBe(401);
  });
});

describe('users', () => {
  it('are created with roles and area scopes; the password is stored as an argon2id hash only', async () => {
    const organisations = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } })).json().items as { id: string; kind: string }[];
    const politie = organisations.find((o) => o.kind === 'politie');
    const response = await post('/api/v1/users', {
      username: 'wijkagent.west',
      displayName: 'Wijkagent West',
      email: 'wijkagent@example.org',
      password: 'een lang wachtwoord',
      organisationId: politie?.id,
      roles: ['partner'],
      areaScopes: ['WK050503', 'WK050504'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ username: 'wijkagent.west', roles: ['partner'], areaScopes: ['WK050503', 'WK050504'], disabled: false, totpEnabled: false });
    const stored = await t.database.db.selectFrom('users').select('password_hash').where('username', '=', 'wijkagent.west').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const session = await t.login('wijkagent.west', 'een lang wachtwoord');
    const me = (await t.app.inject({ url: '/api/v1/session', headers: { cookie: session.cookie } })).json();
    expect(me.user.areaScopes).toEqual(['WK050503', 'WK050504']);
  });

  it('refuse a taken username (409), an unknown organisation (422) and a short password (422)', async () => {
    const organisationId = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } })).json().items[0].id;
    const base = { displayName: 'X', password: 'long enough password', organisationId, roles: ['viewer'] };
    expect((await post('/api/v1/users', { ...base, username: 'analist' })).statusCode).toBe(409);
    expect((await post('/api/v1/users', { ...base, username: 'nieuw1', organisationId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(422);
    expect((await post('/api/v1/users', { ...base, username: 'nieuw2', password: 'kort' })).statusCode).toBe(422);
    expect((await post('/api/v1/users', { ...base, username: 'Nieuw Met Spaties' })).statusCode).toBe(422);
  });

  it('keep at least one active administrator', async () => {
    const response = await patch(`/api/v1/users/${admin.userId}`, { disabled: true });
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toBe('urn:wijkregie:problem:user.last_administrator');
    // Giving up one's own roles is refused before that: another administrator changes them.
    expect((await patch(`/api/v1/users/${admin.userId}`, { roles: ['viewer'] })).statusCode).toBe(403);
  });

  it('lose their sessions when an administrator sets a new password; the audit row does not hold it', async () => {
    const session = await t.login('corporatie');
    const response = await patch(`/api/v1/users/${session.userId}`, { password: 'nieuw en heel geheim' });
    expect(response.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/session', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    await t.login('corporatie', 'nieuw en heel geheim');
    const audit = await t.app.inject({ url: `/api/v1/audit?subject=user:${session.userId}&action=user.update`, headers: { cookie: admin.cookie } });
    expect(audit.json().items).toHaveLength(1);
    expect(JSON.stringify(audit.json())).not.toContain('nieuw en heel geheim');
  });
});
