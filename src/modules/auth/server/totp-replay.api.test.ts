import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, currentTotp } from '../../../platform/server/index.js';
import { countRows, createTestApp, sessionFrom, type TestApp, type TestSession } from '../../../../test/support/test-app.js';

/**
 * A TOTP code proves possession once (RFC 6238 §5.2): the last accepted time step is remembered per user
 * and a code of that step or an earlier one is refused, at login, at the TOTP step of a pending session
 * and at enrolment. A right password without the code is answered distinctly but counts like a failure.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_WINDOW_MINUTES: '15' });
});
afterAll(() => t.close());

const loginAs = (username: string, password: string, totp?: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress, payload: { username, password, ...(totp ? { totp } : {}) } });

/** Enrols the user's authenticator app; returns its secret and the code the confirmation used. */
async function enrol(username: string): Promise<{ secret: string; confirmedWith: string; session: TestSession }> {
  const session = await t.login(username);
  const { secret } = (await t.app.inject({ method: 'POST', url: '/api/v1/me/totp', headers: session.headers })).json();
  const code = await currentTotp(secret, t.clock.now());
  const confirmed = await t.app.inject({ method: 'POST', url: '/api/v1/me/totp/confirm', headers: session.headers, payload: { code } });
  expect(confirmed.statusCode).toBe(200);
  return { secret, confirmedWith: code, session };
}

describe('a TOTP code', () => {
  it('that confirmed the enrolment cannot open a session as well', async () => {
    const { confirmedWith } = await enrol('regisseur');
    const replay = await loginAs('regisseur', 'demo', confirmedWith);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().type).toBe('urn:wijkregie:problem:auth.invalid_totp');
  });

  it('opens one session only, and an older code is refused once a newer one was used', async () => {
    const { secret } = await enrol('analist');
    t.clock.advanceMinutes(1);
    const earlier = await currentTotp(secret, new Date(t.clock.now().getTime() - 30_000));
    const code = await currentTotp(secret, t.clock.now());
    expect((await loginAs('analist', 'demo', code)).statusCode).toBe(200);
    const again = await loginAs('analist', 'demo', code);
    expect(again.statusCode).toBe(401);
    expect(again.json().type).toBe('urn:wijkregie:problem:auth.invalid_totp');
    // Still inside the one-step tolerance for clock drift, but older than the code just used.
    if (earlier !== code) expect((await loginAs('analist', 'demo', earlier)).statusCode).toBe(401);
    t.clock.advanceMinutes(1);
    expect((await loginAs('analist', 'demo', await currentTotp(secret, t.clock.now()))).statusCode).toBe(200);
  });

  it('that was used at login cannot pass the TOTP step of another pending session', async () => {
    const { secret } = await enrol('financien');
    t.clock.advanceMinutes(1);
    const code = await currentTotp(secret, t.clock.now());
    expect((await loginAs('financien', 'demo', code)).statusCode).toBe(200);
    // A session still owing its second factor, as an OIDC login without MFA at the provider leaves it.
    const userId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'financien').executeTakeFirstOrThrow()).id;
    const pending = await createSession(t.database.db, userId, false, t.clock.now(), { idleMinutes: 30, absoluteMinutes: 720 });
    const headers = { cookie: `wr_session=${pending.token}`, 'x-csrf-token': pending.csrfToken };
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers, payload: { code } });
    expect(replay.statusCode).toBe(422);
    expect(replay.json().type).toBe('urn:wijkregie:problem:auth.invalid_totp');
    t.clock.advanceMinutes(1);
    const fresh = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers, payload: { code: await currentTotp(secret, t.clock.now()) } });
    expect(fresh.statusCode).toBe(200);
  });

  it('sent twice at once opens one session, not two', async () => {
    const { secret } = await enrol('corporatie');
    t.clock.advanceMinutes(1);
    const code = await currentTotp(secret, t.clock.now());
    const responses = await Promise.all([loginAs('corporatie', 'demo', code), loginAs('corporatie', 'demo', code), loginAs('corporatie', 'demo', code)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 401, 401]);
  });
});

describe('a right password without the code', () => {
  it('is answered with auth.totp_required, audited, and counts toward the limit like a failure', async () => {
    const { secret } = await enrol('zorg');
    const auditBefore = await countRows(t.database, 'audit_log');
    for (let i = 0; i < 5; i++) {
      const response = await loginAs('zorg', 'demo', undefined, '10.1.0.1');
      expect(response.statusCode).toBe(401);
      expect(response.json().type).toBe('urn:wijkregie:problem:auth.totp_required');
    }
    expect(await countRows(t.database, 'audit_log')).toBe(auditBefore + 5);
    // No free password oracle: the sixth try is held back, with the code as well.
    t.clock.advanceMinutes(1);
    const blocked = await loginAs('zorg', 'demo', await currentTotp(secret, t.clock.now()), '10.1.0.1');
    expect(blocked.statusCode).toBe(429);
    t.clock.advanceMinutes(16);
    const later = await loginAs('zorg', 'demo', await currentTotp(secret, t.clock.now()), '10.1.0.1');
    expect(later.statusCode).toBe(200);
    sessionFrom(later);
  });
});
