import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';

/**
 * How the auth hook treats the credential a request carries: a session that is in use never idles out,
 * and a public route answers whatever (broken) credential comes with it.
 */
let t: TestApp;
beforeAll(async () => {
  // The shortest idle timeout there is, so the interval at which last activity is written matters.
  t = await createTestApp({ SESSION_IDLE_MINUTES: '1', SESSION_ABSOLUTE_MINUTES: '720' });
});
afterAll(() => t.close());

const getSession = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });

describe('idle timeout', () => {
  it('never ends a session that is used every 20 seconds (SESSION_IDLE_MINUTES=1)', async () => {
    const session = await t.login('regisseur');
    const statuses: number[] = [];
    for (let step = 0; step < 12; step++) {
      t.clock.advanceMinutes(1 / 3);
      statuses.push((await getSession(session.cookie)).statusCode);
    }
    expect(statuses).toEqual(Array(12).fill(200));
  });

  it('still ends a session that is not used for longer than the timeout', async () => {
    const session = await t.login('analist');
    t.clock.advanceMinutes(1 / 3);
    expect((await getSession(session.cookie)).statusCode).toBe(200);
    // The last request is written down at most every tenth of the timeout: past timeout + that, it is over.
    t.clock.advanceMinutes(1.1);
    expect((await getSession(session.cookie)).statusCode).toBe(401);
  });
});

describe('public routes', () => {
  const broken = ['Bearer', 'Bearer ', 'Bearer wr_unknown-token', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'x'.repeat(300)];

  it.each(broken)('answer with a malformed or unknown credential (%s)', async (authorization) => {
    for (const url of ['/api/v1/health', '/api/v1/meta']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { authorization } });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { authorization }, payload: { username: 'financien', password: 'demo' } });
    expect(login.statusCode).toBe(200);
  });

  it('an unknown path still answers 404, not 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route', headers: { authorization: 'Bearer wr_unknown' } });
    expect(response.statusCode).toBe(404);
  });

  it('a protected route still refuses a malformed or unknown credential with 401', async () => {
    for (const authorization of broken) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { authorization } });
      expect(response.statusCode).toBe(401);
      expect(response.json().type).toBe('urn:wijkregie:problem:auth.invalid_token');
    }
  });
});
