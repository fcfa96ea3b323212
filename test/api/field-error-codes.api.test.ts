import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../support/test-app.js';

/**
 * Field errors carry a stable code and their limits beside path and message (issue 13, item 7), so the web
 * can word them; the body keeps the fields API.md fixes. Bad input changes nothing.
 */

let t: TestApp;
let manager: TestSession;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings'] });
  manager = await t.login('regisseur');
}, 300_000);
afterAll(() => t?.close());

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: { path: string; message: string; code: string; params?: Record<string, unknown> }[];
}

const createMeeting = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: manager.headers, payload });
const byPath = (body: ProblemBody) => Object.fromEntries(body.errors.map(({ path, code, params }) => [path, params ? { code, params } : { code }]));

describe('field error codes in problem+json', () => {
  it('say what is missing, too long, not a date and not a choice, with the limits', async () => {
    const before = [await countRows(t.database, 'meetings'), await countRows(t.database, 'audit_log')];
    const empty = await createMeeting({ kind: 'kernteam', title: '', heldOn: '', municipality: 'GM0505' });
    expect(empty.statusCode).toBe(422);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    const emptyBody = empty.json<ProblemBody>();
    expect(emptyBody).toMatchObject({ type: 'urn:wijkregie:problem:validation', status: 422, title: 'Invalid content' });
    expect(typeof emptyBody.detail).toBe('string');
    expect(byPath(emptyBody)).toEqual({ 'body.title': { code: 'required' }, 'body.heldOn': { code: 'invalid_date' } });
    // The English message stays for API clients.
    for (const error of emptyBody.errors) expect(error.message.length).toBeGreaterThan(0);

    const bad = await createMeeting({ kind: 'feest', title: 'x'.repeat(201), heldOn: '2026-02-30', location: 'y'.repeat(201), municipality: 'Dordrecht' });
    expect(bad.statusCode).toBe(422);
    expect(byPath(bad.json<ProblemBody>())).toEqual({
      'body.kind': { code: 'invalid_choice' },
      'body.title': { code: 'too_long', params: { maximum: 200 } },
      'body.heldOn': { code: 'invalid_date' },
      'body.location': { code: 'too_long', params: { maximum: 200 } },
      'body.municipality': { code: 'invalid_format' },
    });

    const outOfRange = await createMeeting({ kind: 'kernteam', title: 'Overleg', heldOn: '1999-12-31', municipality: 'GM0505' });
    expect(byPath(outOfRange.json<ProblemBody>())).toEqual({ 'body.heldOn': { code: 'out_of_range', params: { minimum: '2000-01-01', maximum: '2100-12-31' } } });

    const missing = await createMeeting({ kind: 'kernteam' });
    expect(byPath(missing.json<ProblemBody>())).toEqual({ 'body.title': { code: 'required' }, 'body.heldOn': { code: 'required' }, 'body.municipality': { code: 'required' } });
    expect([await countRows(t.database, 'meetings'), await countRows(t.database, 'audit_log')]).toEqual(before);
  });

  it('code a wrong query value too', async () => {
    const response = await t.app.inject({ url: '/api/v1/areas?level=straat&municipality=GM0505', headers: { cookie: manager.cookie } });
    expect(response.statusCode).toBe(422);
    expect(byPath(response.json<ProblemBody>())).toEqual({ 'querystring.level': { code: 'invalid_choice' } });
  });
});
