import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, countRows, type TestApp, type TestSession } from '../support/test-app.js';

/**
 * Text a database cannot store as sent (NUL, lone UTF-16 surrogates) is refused where the request is parsed,
 * with 422 naming the field, on every route — before it can reach a row, a log line or the audit chain
 * (issue 12, items 1 and 6). And whatever is accepted keeps the audit chain verifiable.
 */

let t: TestApp;
let admin: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('beheerder');
});
afterAll(() => t.close());

interface ProblemBody {
  status: number;
  errors?: { path: string; message: string }[];
}

async function verifyChain(): Promise<boolean> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: admin.headers });
  expect(response.statusCode).toBe(200);
  return response.json<{ valid: boolean }>().valid;
}

function expectFieldProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, path: string): void {
  expect(response.statusCode, response.body).toBe(422);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const problem = JSON.parse(response.body) as ProblemBody;
  expect(problem.errors?.map((e) => e.path)).toContain(path);
}

describe('malformed text in a request', () => {
  it('refuses a lone surrogate in an unauthenticated login, writes no audit row and keeps the chain valid', async () => {
    const rowsBefore = await countRows(t.database, 'audit_log');
    // The raw body of the probe: JSON.stringify would escape the surrogate the same way.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"\\ud800","password":"x"}',
    });
    expectFieldProblem(response, 'body.username');
    expect(await countRows(t.database, 'audit_log')).toBe(rowsBefore);
    expect(await verifyChain()).toBe(true);
  });

  it('refuses NUL in a body field, in a nested field and in a key, naming where it is', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'a\u0000b', password: 'x' } });
    expectFieldProblem(login, 'body.username');
    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin.headers,
      payload: { name: 'Org', kind: 'gemeente', extra: [{ deep: 'x\u0000' }] },
    });
    expectFieldProblem(nested, 'body.extra.0.deep');
    const key = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { ['na\u0000me']: 'x' } });
    expect(key.statusCode).toBe(422);
  });

  it('refuses NUL in a query parameter with 422 naming it', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit?actor=%00', headers: { cookie: admin.cookie } });
    expectFieldProblem(response, 'querystring.actor');
  });

  it('refuses NUL in a path parameter with 422', async () => {
    const response = await t.app.inject({ url: '/api/v1/areas/BU%0005', headers: { cookie: admin.cookie } });
    expect(response.statusCode).toBe(422);
  });

  it('refuses a date in year 0 or past 9999 with 422 naming the field', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit?from=0000-01-01', headers: { cookie: admin.cookie } });
    expectFieldProblem(response, 'querystring.from');
  });

  it('keeps the audit chain valid whatever text a login carries (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), async (username, password) => {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
        // Refused as malformed (422), as wrong (401) or held back by the throttle (429): never a 5xx.
        expect([401, 422, 429], response.body).toContain(response.statusCode);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
    expect(await verifyChain()).toBe(true);
  });
});
