import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlinkOidc } from '../../src/cli/commands/unlink-oidc.js';
import { buildApp } from '../../src/platform/server/app.js';
import { loadConfig } from '../../src/platform/server/config.js';
import { currentTotp, verifyAuditChain } from '../../src/platform/server/index.js';
import { freePort } from '../support/postgres-server.js';
import { countRows, createTestApp, type TestApp, type TestSession } from '../support/test-app.js';
import { startTestIdp, type NextLogin, type TestIdp } from '../support/test-idp.js';

/**
 * OIDC login (SECURITY.md 13) against a real OpenID Provider (oidc-provider) on localhost, on the
 * database TEST_DB names: linking at the first login, matching on (issuer, subject) afterwards, every
 * failure with its reason and nothing changed, MFA from the provider's amr or the user's own TOTP.
 */

const PUBLIC_URL = 'http://localhost:8080';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/session/oidc/callback`;
const HTML = { accept: 'text/html,application/xhtml+xml' };

let idp: TestIdp;
let t: TestApp;

/** A fresh administrator session: the tests move the clock past idle timeouts. */
const asAdmin = (): Promise<TestSession> => t.login('beheerder');

beforeAll(async () => {
  idp = await startTestIdp({ redirectUri: REDIRECT_URI });
  t = await createTestApp({
    PUBLIC_URL,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_LABEL: 'Inloggen met Gemeente-account',
    OIDC_MFA_AMR: 'mfa,hwk',
  });
  idp.accounts.set('sub-analist', { claims: { preferred_username: 'Analist', name: 'A. Nalist' } });
  idp.accounts.set('sub-politie', { claims: { preferred_username: 'politie' } });
  idp.accounts.set('sub-corporatie', { claims: { preferred_username: 'corporatie' } });
  idp.accounts.set('sub-zorg', { claims: { preferred_username: 'zorg' } });
  idp.accounts.set('sub-financien', { claims: { preferred_username: 'financien' } });
  idp.accounts.set('sub-regisseur', { claims: { preferred_username: 'regisseur' } });
  idp.accounts.set('sub-nobody', { claims: { preferred_username: 'niemand' } });
  idp.accounts.set('sub-no-username', { claims: { name: 'Zonder Gebruikersnaam' } });
  idp.accounts.set('sub-impostor', { claims: { preferred_username: 'analist' } });
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

interface Attempt {
  start: LightMyRequestResponse;
  authorizationUrl: URL;
  flowCookie: string;
  callbackUrl: URL;
}

/** A browser's redirect to the provider and back, without calling Wijkregie's callback yet. */
async function throughProvider(login: NextLogin, app: FastifyInstance = t.app, editAuthorizationUrl?: (url: URL) => void): Promise<Attempt> {
  const start = await app.inject({ method: 'GET', url: '/api/v1/session/oidc/start', headers: HTML });
  expect(start.statusCode, start.body).toBe(302);
  const flow = start.cookies.find((c) => c.name === 'wr_oidc_flow');
  if (!flow) throw new Error('no flow cookie');
  const authorizationUrl = new URL(String(start.headers.location));
  const requested = new URL(authorizationUrl);
  editAuthorizationUrl?.(requested);
  idp.nextLogin = login;
  const callbackUrl = await idp.authorize(requested.href);
  return { start, authorizationUrl, flowCookie: `wr_oidc_flow=${flow.value}`, callbackUrl };
}

function callback(attempt: Attempt, options: { url?: URL; cookie?: string | null; accept?: string } = {}) {
  const url = options.url ?? attempt.callbackUrl;
  const cookie = options.cookie === undefined ? attempt.flowCookie : options.cookie;
  return t.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: { accept: options.accept ?? HTML.accept, ...(cookie ? { cookie } : {}) },
  });
}

/** Logs in through the provider; returns the Wijkregie session it opened. */
async function oidcLogin(login: NextLogin): Promise<TestSession & { response: LightMyRequestResponse }> {
  const attempt = await throughProvider(login);
  const response = await callback(attempt);
  expect(response.statusCode, response.body).toBe(302);
  expect(response.headers.location).toBe('/');
  const cookie = response.cookies.find((c) => c.name === 'wr_session');
  if (!cookie) throw new Error('no session cookie');
  const sessionCookie = `wr_session=${cookie.value}`;
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: sessionCookie } });
  expect(me.statusCode, me.body).toBe(200);
  const body = me.json<{ csrfToken: string; user: { id: string } }>();
  return { cookie: sessionCookie, csrfToken: body.csrfToken, userId: body.user.id, headers: { cookie: sessionCookie, 'x-csrf-token': body.csrfToken }, response };
}

const session = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });

async function linkOf(username: string): Promise<string[]> {
  const { rows } = await sql<{ subject: string }>`
    SELECT o.subject FROM oidc_identities o JOIN users u ON u.id = o.user_id WHERE u.username = ${username} ORDER BY o.subject`.execute(t.database.db);
  return rows.map((r) => r.subject);
}

async function lastAudit(n = 1): Promise<{ action: string; actor_username: string | null; detail: Record<string, unknown> }[]> {
  const { rows } = await sql<{ action: string; actor_username: string | null; detail: Record<string, unknown> }>`
    SELECT action, actor_username, detail FROM audit_log ORDER BY id DESC LIMIT ${n}`.execute(t.database.db);
  return rows;
}

/** A failed callback: sent to the login page with the reason; no session, no link, one audit row. */
async function expectRefused(response: LightMyRequestResponse, reason: string, auditBefore: number): Promise<void> {
  expect(response.statusCode, response.body).toBe(302);
  expect(response.headers.location).toBe(`/login?oidc=${reason}`);
  expect(response.cookies.find((c) => c.name === 'wr_session')).toBeUndefined();
  const flow = response.cookies.find((c) => c.name === 'wr_oidc_flow');
  expect(flow?.value ?? '').toBe('');
  expect(await countRows(t.database, 'audit_log')).toBe(auditBefore + 1);
  const [row] = await lastAudit();
  expect(row).toMatchObject({ action: 'auth.login_failed', detail: { method: 'oidc', reason } });
}

describe('OIDC login', () => {
  it('tells the login page the button text', async () => {
    const meta = await t.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(meta.json().oidc).toEqual({ label: 'Inloggen met Gemeente-account' });
  });

  it('redirects to the provider with PKCE (S256), state and nonce, keeping the flow in a sealed httpOnly cookie', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/session/oidc/start' });
    expect(start.statusCode).toBe(302);
    const url = new URL(String(start.headers.location));
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({ client_id: idp.clientId, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid profile', code_challenge_method: 'S256' });
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = start.cookies.find((c) => c.name === 'wr_oidc_flow');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/session/oidc', maxAge: 600 });
    // Sealed: neither the state nor the nonce can be read from (or planted in) the cookie.
    expect(cookie?.value).not.toContain(params.state);
    expect(cookie?.value).not.toContain(params.nonce);
  });

  it('links an existing user at the first login by the username claim, and opens a normal session', async () => {
    expect(await linkOf('analist')).toEqual([]);
    const before = await countRows(t.database, 'audit_log');
    const user = await oidcLogin({ sub: 'sub-analist', amr: ['pwd'] });
    const me = (await session(user.cookie)).json();
    expect(me.user).toMatchObject({ username: 'analist', roles: ['analyst'], mfaEnrolmentRequired: false });
    expect(user.response.cookies.find((c) => c.name === 'wr_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await linkOf('analist')).toEqual(['sub-analist']);
    expect(await countRows(t.database, 'audit_log')).toBe(before + 2);
    expect(await lastAudit(2)).toEqual([
      { action: 'auth.login', actor_username: 'analist', detail: { method: 'oidc', mfa: false, linked: true } },
      { action: 'auth.oidc_linked', actor_username: 'analist', detail: { issuer: idp.issuer, subject: 'sub-analist' } },
    ]);
    // The session is the same kind as a password login's: CSRF-protected writes work with its token.
    const write = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: user.headers, payload: { locale: 'en' } });
    expect(write.statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: user.cookie }, payload: { locale: 'nl' } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('matches later logins on (issuer, subject), so a username renamed at the provider still finds the user', async () => {
    idp.accounts.set('sub-analist', { claims: { preferred_username: 'a.nalist.nieuw' } });
    const user = await oidcLogin({ sub: 'sub-analist' });
    expect((await session(user.cookie)).json().user.username).toBe('analist');
    expect((await lastAudit())[0]).toMatchObject({ action: 'auth.login', detail: { method: 'oidc', linked: false } });
    expect(await linkOf('analist')).toEqual(['sub-analist']);
  });

  it('refuses a second provider account that names an already linked user', async () => {
    const before = await countRows(t.database, 'audit_log');
    const response = await callback(await throughProvider({ sub: 'sub-impostor' }));
    await expectRefused(response, 'already_linked', before);
    expect(await linkOf('analist')).toEqual(['sub-analist']);
  });

  it('creates no account for an unknown username, nor for a login without the username claim', async () => {
    const users = await countRows(t.database, 'users');
    const links = await countRows(t.database, 'oidc_identities');
    let before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(await throughProvider({ sub: 'sub-nobody' })), 'unknown_user', before);
    expect((await lastAudit())[0]).toMatchObject({ actor_username: 'niemand', detail: { subject: 'sub-nobody', issuer: idp.issuer } });
    before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(await throughProvider({ sub: 'sub-no-username' })), 'unknown_user', before);
    expect(await countRows(t.database, 'users')).toBe(users);
    expect(await countRows(t.database, 'oidc_identities')).toBe(links);
  });

  it('answers a client that is not a browser with a problem instead of a redirect', async () => {
    const response = await callback(await throughProvider({ sub: 'sub-nobody' }), { accept: 'application/json' });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:auth.oidc_unknown_user', status: 403 });
  });

  it('refuses a disabled user, and disabling a user ends their OIDC session at once', async () => {
    const admin = await asAdmin();
    const user = await oidcLogin({ sub: 'sub-politie' });
    expect((await session(user.cookie)).statusCode).toBe(200);
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.userId}`, headers: admin.headers, payload: { disabled: true } });
    expect(disable.statusCode).toBe(200);
    expect((await session(user.cookie)).statusCode).toBe(401);
    const before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(await throughProvider({ sub: 'sub-politie' })), 'disabled', before);
    expect((await lastAudit())[0]).toMatchObject({ actor_username: 'politie' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.userId}`, headers: admin.headers, payload: { disabled: false } });
    expect((await session((await oidcLogin({ sub: 'sub-politie' })).cookie)).statusCode).toBe(200);
  });

  it('does not link a disabled user found by username', async () => {
    const admin = await asAdmin();
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin.cookie } })).json().items as { id: string; username: string }[];
    const corporatie = users.find((u) => u.username === 'corporatie');
    if (!corporatie) throw new Error('corporatie missing');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${corporatie.id}`, headers: admin.headers, payload: { disabled: true } });
    const before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(await throughProvider({ sub: 'sub-corporatie' })), 'disabled', before);
    expect(await linkOf('corporatie')).toEqual([]);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${corporatie.id}`, headers: admin.headers, payload: { disabled: false } });
  });

  it('refuses a callback whose state was changed, a forged flow cookie, and a callback without a flow', async () => {
    const attempt = await throughProvider({ sub: 'sub-regisseur' });
    const tampered = new URL(attempt.callbackUrl);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state') ?? ''}x`);
    let before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(attempt, { url: tampered }), 'state_mismatch', before);
    before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(attempt, { cookie: 'wr_oidc_flow=v1.AAAA.BBBB.CCCC' }), 'state_mismatch', before);
    before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(attempt, { cookie: null }), 'expired', before);
    // Another browser's flow cookie with this callback: its state is not this one.
    const other = await throughProvider({ sub: 'sub-regisseur' });
    before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(attempt, { cookie: other.flowCookie }), 'state_mismatch', before);
    expect(await linkOf('regisseur')).toEqual([]);
    const problem = await callback(attempt, { url: tampered, accept: 'application/json' });
    expect(problem.statusCode).toBe(400);
    expect(problem.json().type).toBe('urn:wijkregie:problem:auth.oidc_state_mismatch');
  });

  it('refuses an ID token with another nonce than this flow sent', async () => {
    // State and PKCE belong to this browser's flow, but the provider was asked for a different nonce:
    // only the nonce check can catch it.
    const attempt = await throughProvider({ sub: 'sub-regisseur' }, t.app, (url) => url.searchParams.set('nonce', 'a-nonce-of-someone-else-0123456789abcdefghijk'));
    const before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(attempt), 'invalid_response', before);
    expect((await lastAudit())[0]?.detail.cause).toBe('OAUTH_JWT_CLAIM_COMPARISON_FAILED');
    expect(await linkOf('regisseur')).toEqual([]);
  });

  it('refuses a flow older than 10 minutes', async () => {
    const attempt = await throughProvider({ sub: 'sub-regisseur' });
    t.clock.advanceMinutes(10);
    const before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(attempt), 'expired', before);
    expect(await linkOf('regisseur')).toEqual([]);
  });

  it('refuses a replayed callback: the code was spent', async () => {
    const attempt = await throughProvider({ sub: 'sub-regisseur' });
    expect((await callback(attempt)).statusCode).toBe(302);
    const before = await countRows(t.database, 'audit_log');
    await expectRefused(await callback(attempt), 'invalid_response', before);
    expect((await lastAudit())[0]?.detail.cause).toBe('invalid_grant (HTTP 400)');
  });

  it('passes on an error of the identity provider', async () => {
    const before = await countRows(t.database, 'audit_log');
    const attempt = await throughProvider({ sub: 'sub-financien', error: 'access_denied' });
    expect(attempt.callbackUrl.searchParams.get('error')).toBe('access_denied');
    await expectRefused(await callback(attempt), 'idp_error', before);
    expect((await lastAudit())[0]?.detail.cause).toBe('provider: access_denied');
    expect(await linkOf('financien')).toEqual([]);
  });
});

describe('OIDC login and MFA', () => {
  let zorgSecret = '';

  it('holds a TOTP user without MFA at the provider until they enter their code', async () => {
    // zorg sets up an authenticator app with a password session first.
    const password = await t.login('zorg');
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/me/totp', headers: password.headers });
    zorgSecret = setup.json().secret;
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/v1/me/totp/confirm', headers: password.headers, payload: { code: await currentTotp(zorgSecret, t.clock.now()) } });
    expect(confirmed.statusCode).toBe(200);

    const user = await oidcLogin({ sub: 'sub-zorg', amr: ['pwd'] });
    expect((await lastAudit())[0]).toMatchObject({ action: 'auth.login', detail: { method: 'oidc', mfa: false } });
    const me = (await session(user.cookie)).json();
    expect(me.user).toMatchObject({ username: 'zorg', totpEnabled: true, mfaEnrolmentRequired: true });
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: user.cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().type).toBe('urn:wijkregie:problem:auth.mfa_required');

    t.clock.advanceMinutes(1); // the code that confirmed the enrolment is spent: use the next one
    const now = t.clock.now();
    const current = await currentTotp(zorgSecret, now);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: user.headers, payload: { code: current === '123456' ? '654321' : '123456' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().type).toBe('urn:wijkregie:problem:auth.invalid_totp');
    expect((await lastAudit())[0]).toMatchObject({ action: 'auth.login_failed', actor_username: 'zorg', detail: { reason: 'totp', step: 'mfa' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: user.cookie } })).statusCode).toBe(403);
    // Enrolment is no way around the (throttled) code step: the app is set up already.
    const viaEnrolment = await t.app.inject({ method: 'POST', url: '/api/v1/me/totp/confirm', headers: user.headers, payload: { code: current } });
    expect(viaEnrolment.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: user.cookie } })).statusCode).toBe(403);
    const restart = await t.app.inject({ method: 'POST', url: '/api/v1/me/totp', headers: user.headers });
    expect(restart.statusCode).toBe(409);

    const right = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: user.headers, payload: { code: current } });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().user.mfaEnrolmentRequired).toBe(false);
    expect((await lastAudit())[0]).toMatchObject({ action: 'auth.mfa_verified', actor_username: 'zorg' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: user.cookie } })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: user.headers, payload: { code: current } });
    expect(again.statusCode).toBe(409);
  });

  it('throttles wrong codes on the pending session like password logins', async () => {
    t.clock.advanceMinutes(16); // clear of the earlier failure's window
    const user = await oidcLogin({ sub: 'sub-zorg', amr: ['pwd'] });
    const current = await currentTotp(zorgSecret, t.clock.now());
    const wrong = current === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: user.headers, payload: { code: wrong } })).statusCode).toBe(422);
    }
    const held = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: user.headers, payload: { code: current } });
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advanceMinutes(16);
  });

  it('lets the provider\'s MFA (an OIDC_MFA_AMR value in amr) stand in for the TOTP code', async () => {
    const user = await oidcLogin({ sub: 'sub-zorg', amr: ['pwd', 'mfa'] });
    expect((await session(user.cookie)).json().user.mfaEnrolmentRequired).toBe(false);
    expect((await lastAudit())[0]).toMatchObject({ action: 'auth.login', detail: { method: 'oidc', mfa: true } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: user.cookie } })).statusCode).toBe(200);
    const notPending = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: user.headers, payload: { code: await currentTotp(zorgSecret, t.clock.now()) } });
    expect(notPending.statusCode).toBe(409);
  });

  it('sends a user whose role requires MFA to enrolment, unless the provider did MFA', async () => {
    const admin = await asAdmin();
    const policy = await t.app.inject({ method: 'PUT', url: '/api/v1/role-policies/finance', headers: admin.headers, payload: { mfaRequired: true } });
    expect(policy.statusCode).toBe(200);
    try {
      const without = await oidcLogin({ sub: 'sub-financien', amr: ['pwd'] });
      expect((await session(without.cookie)).json().user).toMatchObject({ totpEnabled: false, mfaEnrolmentRequired: true });
      const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: without.cookie } });
      expect(blocked.json().type).toBe('urn:wijkregie:problem:auth.mfa_enrolment_required');
      const noCode = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: without.headers, payload: { code: '123456' } });
      expect(noCode.statusCode).toBe(409);
      expect(noCode.json().type).toBe('urn:wijkregie:problem:auth.totp_not_enabled');
      const withMfa = await oidcLogin({ sub: 'sub-financien', amr: ['hwk'] });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie: withMfa.cookie } })).statusCode).toBe(200);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/v1/role-policies/finance', headers: admin.headers, payload: { mfaRequired: false } });
    }
  });

  it('leaves the password login with TOTP as it was: the code at login, no pending step', async () => {
    t.clock.advanceMinutes(1);
    const withoutCode = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'zorg', password: 'demo' } });
    expect(withoutCode.json().type).toBe('urn:wijkregie:problem:auth.totp_required');
    const withCode = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'zorg', password: 'demo', totp: await currentTotp(zorgSecret, t.clock.now()) } });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().user.mfaEnrolmentRequired).toBe(false);
  });
});

describe('unlinking (CLI unlink-oidc)', () => {
  it('removes the link and ends the user\'s sessions, audited; the next login links again', async () => {
    const user = await oidcLogin({ sub: 'sub-analist' });
    expect(await linkOf('analist')).toEqual(['sub-analist']);
    const before = await countRows(t.database, 'audit_log');
    const result = await unlinkOidc(t.database, 'analist');
    expect(result).toMatchObject({ username: 'analist', removed: [{ issuer: idp.issuer, subject: 'sub-analist' }] });
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await countRows(t.database, 'audit_log')).toBe(before + 1);
    expect((await lastAudit())[0]).toMatchObject({ action: 'auth.oidc_unlinked', actor_username: 'system' });
    expect(await linkOf('analist')).toEqual([]);
    // The CLI is another process: the server sees the ended session within AUTH_CACHE_SECONDS (5 s).
    t.clock.advanceMinutes(5 / 60);
    expect((await session(user.cookie)).statusCode).toBe(401);
    // Nothing left to remove: nothing written.
    expect((await unlinkOidc(t.database, 'analist')).removed).toEqual([]);
    expect(await countRows(t.database, 'audit_log')).toBe(before + 1);
    // The impostor account names analist too: after the unlink it is the one that links.
    await oidcLogin({ sub: 'sub-impostor' });
    expect(await linkOf('analist')).toEqual(['sub-impostor']);
  });

  it('refuses an unknown username as bad input', async () => {
    await expect(unlinkOidc(t.database, 'bestaat-niet')).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('No user "bestaat-niet"') });
  });
});

describe('configuration', () => {
  async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000', ...env });
    const app = await buildApp({ config, database: t.database, clock: t.clock.now, version: 'test' }, { logger: false, webDistDir: '/nonexistent' });
    await app.ready();
    return app;
  }

  it('answers 404 on both routes when OIDC is not configured, and tells the login page there is no button', async () => {
    const app = await appWith({});
    try {
      for (const url of ['/api/v1/session/oidc/start', '/api/v1/session/oidc/callback?code=x&state=y']) {
        const response = await app.inject({ method: 'GET', url, headers: HTML });
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.cookies).toEqual([]);
      }
      expect((await app.inject({ method: 'GET', url: '/api/v1/meta' })).json().oidc).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('sends the browser back to the login page when the provider cannot be reached', async () => {
    const port = await freePort();
    const app = await appWith({ PUBLIC_URL, OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' });
    try {
      const browser = await app.inject({ method: 'GET', url: '/api/v1/session/oidc/start', headers: HTML });
      expect(browser.statusCode).toBe(302);
      expect(browser.headers.location).toBe('/login?oidc=unavailable');
      expect(browser.cookies.find((c) => c.name === 'wr_oidc_flow')?.value ?? '').toBe('');
      const client = await app.inject({ method: 'GET', url: '/api/v1/session/oidc/start' });
      expect(client.statusCode).toBe(503);
      expect(client.json().type).toBe('urn:wijkregie:problem:auth.oidc_unavailable');
      // Meta does not contact the provider: the button shows (the login page then explains the failure).
      expect((await app.inject({ method: 'GET', url: '/api/v1/meta' })).json().oidc).toEqual({ label: null });
    } finally {
      await app.close();
    }
  });
});

describe('afterwards', () => {
  it('left a valid audit chain', async () => {
    expect((await verifyAuditChain(t.database.db)).valid).toBe(true);
  });
});
