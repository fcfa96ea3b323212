import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { createSecondAdministrator } from '../../../../test/support/four-eyes.js';

/**
 * The identity barrier against one administrator: who may read who is behind a pseudonym (case_officer)
 * is decided by two administrators, nobody changes their own roles, nobody holds a token of someone else,
 * and API tokens neither read identities nor get around the MFA policy.
 */
let t: TestApp;
let admin: TestSession;
let second: TestSession;
let gemeenteId: string;
const IDENTITIES = '/api/v1/signals/00000000-0000-4000-8000-000000000000/identities';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('beheerder');
  second = await createSecondAdministrator(t);
  const organisations = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } })).json().items as { id: string; kind: string }[];
  gemeenteId = organisations.find((o) => o.kind === 'gemeente')!.id;
});
afterAll(() => t.close());

const as = (session: TestSession) => ({
  get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } }),
  post: (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: session.headers, payload }),
  patch: (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers: session.headers, payload }),
});
const bearerGet = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
/** Allowed to the route: a made-up signal id gives 404, a refusal 401 or 403. */
const mayReadIdentities = async (response: Promise<{ statusCode: number }>) => ![401, 403].includes((await response).statusCode);

async function newUser(username: string, roles: string[], by: TestSession = admin) {
  const response = await as(by).post('/api/v1/users', { username, displayName: username, password: 'fiets regen kaas molen', organisationId: gemeenteId, roles });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; roles: string[]; pendingRoleGrants: { id: string; role: string; requestedBy: { username: string } }[] };
}

describe('API tokens', () => {
  it('are only ever issued to the caller: naming another user is refused and stores nothing', async () => {
    const casus = await newUser('casus.token', ['partner']);
    const before = await countRows(t.database, 'api_tokens');
    const response = await as(admin).post('/api/v1/api-tokens', { userId: casus.id, name: 'van een ander' });
    expect(response.statusCode).toBe(422);
    expect(await countRows(t.database, 'api_tokens')).toBe(before);
    const own = await as(admin).post('/api/v1/api-tokens', { name: 'eigen koppeling' });
    expect(own.statusCode).toBe(201);
    expect(own.json().userId).toBe(admin.userId);
  });

  it('cannot make another token: a token is made from a session', async () => {
    const { token } = (await as(admin).post('/api/v1/api-tokens', { name: 'eerste' })).json();
    const chained = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'tweede' } });
    expect(chained.statusCode).toBe(403);
    expect(chained.json().type).toBe('urn:wijkregie:problem:api_token.session_required');
  });
});

describe('roles', () => {
  it('of oneself cannot be changed, not even by an administrator', async () => {
    const response = await as(admin).patch(`/api/v1/users/${admin.userId}`, { roles: ['administrator', 'case_officer'] });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toBe('urn:wijkregie:problem:user.own_roles');
    const me = (await as(admin).get('/api/v1/session')).json();
    expect(me.user.roles).toEqual(['administrator']);
    // Saving one's own details with the same roles is no change of roles.
    expect((await as(admin).patch(`/api/v1/users/${admin.userId}`, { displayName: 'Demo Beheerder', roles: ['administrator'] })).statusCode).toBe(200);
  });

  it('case_officer granted by one administrator waits for a second, who approves it (audited)', async () => {
    const user = await newUser('casus.vier', ['partner']);
    const auditBefore = await countRows(t.database, 'audit_log');
    const granted = await as(admin).patch(`/api/v1/users/${user.id}`, { roles: ['partner', 'case_officer'] });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toEqual(['partner']);
    expect(granted.json().pendingRoleGrants).toMatchObject([{ role: 'case_officer', requestedBy: { username: 'beheerder' } }]);
    const session = await t.login('casus.vier', 'fiets regen kaas molen');
    expect(await mayReadIdentities(as(session).get(IDENTITIES))).toBe(false);

    const grantId = granted.json().pendingRoleGrants[0].id as string;
    const byRequester = await as(admin).post(`/api/v1/role-grants/${grantId}/decision`, { decision: 'approve' });
    expect(byRequester.statusCode).toBe(409);
    expect(byRequester.json().type).toBe('urn:wijkregie:problem:role_grant.same_administrator');
    const approved = await as(second).post(`/api/v1/role-grants/${grantId}/decision`, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ roles: ['case_officer', 'partner'], pendingRoleGrants: [] });
    expect(await mayReadIdentities(as(session).get(IDENTITIES))).toBe(true);
    const again = await as(second).post(`/api/v1/role-grants/${grantId}/decision`, { decision: 'reject' });
    expect(again.statusCode).toBe(409);
    const actions = await t.database.db.selectFrom('audit_log').select(['action']).where('id', '>', String(auditBefore)).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.update', 'user.role_grant_requested', 'user.role_grant_approved']));
  });

  it('case_officer given at creation through the API also waits for a second administrator, who may reject it', async () => {
    const created = await newUser('casus.nieuw', ['case_officer']);
    expect(created.roles).toEqual([]);
    expect(created.pendingRoleGrants.map((g) => g.role)).toEqual(['case_officer']);
    const rejected = await as(second).post(`/api/v1/role-grants/${created.pendingRoleGrants[0]!.id}/decision`, { decision: 'reject' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ roles: [], pendingRoleGrants: [] });
    const session = await t.login('casus.nieuw', 'fiets regen kaas molen');
    expect(await mayReadIdentities(as(session).get(IDENTITIES))).toBe(false);
  });

  it('administrator needs a second administrator too (else one could make a helper who approves)', async () => {
    const helper = await newUser('hulpje', ['viewer']);
    const granted = await as(admin).patch(`/api/v1/users/${helper.id}`, { roles: ['viewer', 'administrator'] });
    expect(granted.json()).toMatchObject({ roles: ['viewer'], pendingRoleGrants: [{ role: 'administrator' }] });
  });

  it('a grant is not approved by the user it is for', async () => {
    const target = await newUser('nog.een.beheerder', ['viewer'], second);
    const grant = (await as(second).patch(`/api/v1/users/${target.id}`, { roles: ['viewer', 'administrator'] })).json().pendingRoleGrants[0];
    // Approved by the first administrator: the target becomes an administrator and could now decide grants,
    // but never one for themselves.
    expect((await as(admin).post(`/api/v1/role-grants/${grant.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    const own = await as(second).patch(`/api/v1/users/${target.id}`, { roles: ['viewer', 'administrator', 'case_officer'] });
    const ownGrant = own.json().pendingRoleGrants[0];
    const targetSession = await t.login('nog.een.beheerder', 'fiets regen kaas molen');
    const self = await as(targetSession).post(`/api/v1/role-grants/${ownGrant.id}/decision`, { decision: 'approve' });
    expect(self.statusCode).toBe(409);
    expect(self.json().type).toBe('urn:wijkregie:problem:role_grant.own');
  });

  it('a pending grant is withdrawn when the roles are set without it', async () => {
    const user = await newUser('casus.weg', ['partner']);
    const grantId = (await as(admin).patch(`/api/v1/users/${user.id}`, { roles: ['partner', 'case_officer'] })).json().pendingRoleGrants[0].id;
    expect((await as(admin).patch(`/api/v1/users/${user.id}`, { roles: ['partner'] })).json().pendingRoleGrants).toEqual([]);
    expect((await as(second).post(`/api/v1/role-grants/${grantId}/decision`, { decision: 'approve' })).statusCode).toBe(409);
  });
});

describe('a token of a user who may read identities', () => {
  it('does not read identities (those need a person in a session), and says so in its permissions', async () => {
    const both = await newUser('beheer.casus', ['administrator', 'case_officer'], second);
    for (const grant of both.pendingRoleGrants) {
      expect((await as(admin).post(`/api/v1/role-grants/${grant.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    }
    const session = await t.login('beheer.casus', 'fiets regen kaas molen');
    expect(await mayReadIdentities(as(session).get(IDENTITIES))).toBe(true);
    const { token } = (await as(session).post('/api/v1/api-tokens', { name: 'koppeling' })).json();
    const refused = await bearerGet(token, IDENTITIES);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toBe('urn:wijkregie:problem:auth.token_not_allowed');
    const exported = await t.app.inject({ method: 'POST', url: '/api/v1/signals/subject-export', headers: { authorization: `Bearer ${token}` }, payload: {} });
    expect(exported.statusCode).toBe(403);
    const me = (await bearerGet(token, '/api/v1/session')).json();
    expect(me.user.permissions).not.toContain('signal_identities.read');
    expect(me.user.permissions).not.toContain('signals.subject_export');
  });
});

describe('a token and the MFA policy', () => {
  it('stops working while the user’s role requires MFA that the user has not set up, as a session would', async () => {
    const { token } = (await as(admin).post('/api/v1/api-tokens', { name: 'voor het beleid' })).json();
    expect((await bearerGet(token, '/api/v1/users')).statusCode).toBe(200);
    const policy = await t.app.inject({ method: 'PUT', url: '/api/v1/role-policies/administrator', headers: second.headers, payload: { mfaRequired: true } });
    expect(policy.statusCode).toBe(200);
    expect((await as(admin).get('/api/v1/users')).statusCode).toBe(403);
    const refused = await bearerGet(token, '/api/v1/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toBe('urn:wijkregie:problem:auth.token_mfa_required');
  });
});
