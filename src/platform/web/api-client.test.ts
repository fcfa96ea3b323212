import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiProblem, getCsrfToken, onSessionEvent, parseProblem, setCsrfRecovery, setCsrfToken, setFetchForTests, toQueryString } from './api-client';

function jsonResponse(status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': contentType, ...headers } });
}

afterEach(() => {
  setCsrfToken(null);
  setCsrfRecovery(null);
  setFetchForTests((...args) => globalThis.fetch(...args));
});

describe('parseProblem', () => {
  it('reads an RFC 9457 problem with our URN type and field errors', () => {
    const problem = parseProblem(422, {
      type: 'urn:wijkregie:problem:validation',
      title: 'Invalid content',
      status: 422,
      detail: 'The request does not match the schema',
      errors: [
        { path: 'body.username', message: 'lowercase letters', code: 'invalid_format' },
        { path: 'body.roles.0', message: 'invalid role', code: 'a_code_this_app_does_not_know', params: { maximum: 3, nested: { no: 1 } } },
        { path: 'body.roles.1', message: 'second message for the same field' },
        { nonsense: true },
      ],
    });
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.code).toBe('validation');
    expect(problem.status).toBe(422);
    expect(problem.errors).toHaveLength(3);
    expect(problem.errors[0]).toEqual({ path: 'body.username', message: 'lowercase letters', code: 'invalid_format', params: {} });
    // An unknown code is read as `invalid`; only plain parameters are kept.
    expect(problem.errors[1]).toEqual({ path: 'body.roles.0', message: 'invalid role', code: 'invalid', params: { maximum: 3 } });
    expect(problem.errors[2]?.code).toBe('invalid');
    expect(ApiProblem.fieldOf('body.roles.0')).toBe('roles');
  });

  it('keeps dotted codes whole', () => {
    expect(parseProblem(401, { type: 'urn:wijkregie:problem:auth.totp_required', title: 'Not logged in', status: 401, detail: 'x' }).code).toBe('auth.totp_required');
  });

  it('survives bodies that are not problems', () => {
    const fromHtml = parseProblem(502, '<html>Bad gateway</html>');
    expect(fromHtml.code).toBe('http_502');
    expect(fromHtml.errors).toEqual([]);
    expect(parseProblem(500, { type: 'about:blank' }).code).toBe('http_500');
    expect(parseProblem(400, null).status).toBe(400);
  });

  it('reads Retry-After in seconds', () => {
    expect(parseProblem(429, {}, '42').retryAfterSeconds).toBe(42);
    expect(parseProblem(429, {}, 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfterSeconds).toBeNull();
  });
});

describe('apiRequest', () => {
  it('sends JSON with the CSRF token on changes, not on reads', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    setFetchForTests(async (url, init) => {
      calls.push({ url: String(url), init });
      return jsonResponse(200, { ok: true });
    });
    setCsrfToken('token-1');
    await api.get('/api/v1/users');
    await api.patch('/api/v1/users/1', { disabled: true });
    const [read, change] = calls;
    expect((read?.init?.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((change?.init?.headers as Record<string, string>)['x-csrf-token']).toBe('token-1');
    expect((change?.init?.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(change?.init?.body).toBe('{"disabled":true}');
  });

  it('sends no body and no content type when there is nothing to send', async () => {
    let seen: RequestInit | undefined;
    setFetchForTests(async (_url, init) => {
      seen = init;
      return jsonResponse(200, { valid: true, rows: 3 });
    });
    await expect(api.post('/api/v1/audit/verify')).resolves.toEqual({ valid: true, rows: 3 });
    expect(seen?.body).toBeUndefined();
    expect((seen?.headers as Record<string, string>)['content-type']).toBeUndefined();
  });

  it('returns undefined for 204', async () => {
    setFetchForTests(async () => new Response(null, { status: 204 }));
    await expect(api.delete('/api/v1/session')).resolves.toBeUndefined();
  });

  it('throws the problem and announces a lost session', async () => {
    setFetchForTests(async () => jsonResponse(401, { type: 'urn:wijkregie:problem:auth.required', title: 'Not logged in', status: 401, detail: 'Log in first' }, 'application/problem+json'));
    const events: string[] = [];
    const stop = onSessionEvent((event) => events.push(event));
    await expect(api.get('/api/v1/users')).rejects.toMatchObject({ code: 'auth.required', status: 401 });
    await expect(api.post('/api/v1/session', {}, { expectUnauthorized: true })).rejects.toBeInstanceOf(ApiProblem);
    stop();
    expect(events).toEqual(['unauthorized']);
  });

  it('announces that MFA enrolment comes first', async () => {
    setFetchForTests(async () => jsonResponse(403, { type: 'urn:wijkregie:problem:auth.mfa_enrolment_required', title: 'Forbidden', status: 403, detail: '' }, 'application/problem+json'));
    const listener = vi.fn();
    const stop = onSessionEvent(listener);
    await expect(api.get('/api/v1/users')).rejects.toMatchObject({ code: 'auth.mfa_enrolment_required' });
    stop();
    expect(listener).toHaveBeenCalledWith('mfa_enrolment_required');
  });

  it('announces the same when the session still owes its TOTP code (OIDC login without MFA)', async () => {
    setFetchForTests(async () => jsonResponse(403, { type: 'urn:wijkregie:problem:auth.mfa_required', title: 'Forbidden', status: 403, detail: '' }, 'application/problem+json'));
    const listener = vi.fn();
    const stop = onSessionEvent(listener);
    await expect(api.get('/api/v1/users')).rejects.toMatchObject({ code: 'auth.mfa_required' });
    stop();
    expect(listener).toHaveBeenCalledWith('mfa_enrolment_required');
  });

  it('recovers a lost CSRF token once and repeats the request', async () => {
    let attempt = 0;
    setFetchForTests(async (_url, init) => {
      attempt += 1;
      const token = (init?.headers as Record<string, string>)['x-csrf-token'];
      if (token !== 'fresh') return jsonResponse(403, { type: 'urn:wijkregie:problem:auth.csrf', title: 'Forbidden', status: 403, detail: '' }, 'application/problem+json');
      return jsonResponse(200, { saved: true });
    });
    setCsrfRecovery(async () => 'fresh');
    await expect(api.put('/api/v1/role-policies/viewer', { mfaRequired: true })).resolves.toEqual({ saved: true });
    expect(attempt).toBe(2);
    expect(getCsrfToken()).toBe('fresh');
  });

  it('uploads a form as multipart: the browser sets the content type, the CSRF token goes along', async () => {
    let seen: RequestInit | undefined;
    setFetchForTests(async (_url, init) => {
      seen = init;
      return jsonResponse(201, { id: 'x', rows: 2, status: 'applied' });
    });
    setCsrfToken('token-2');
    const form = new FormData();
    form.set('municipality', 'GM0505');
    form.set('file', new File(['a;b'], 'meldingen.csv'));
    await expect(api.upload('/api/v1/signal-imports', form)).resolves.toEqual({ id: 'x', rows: 2, status: 'applied' });
    const headers = seen?.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('token-2');
    expect(headers['content-type']).toBeUndefined();
    expect(seen?.body).toBe(form);
  });

  it('turns a network failure into a problem with code "network"', async () => {
    setFetchForTests(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/api/v1/meta')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});

describe('toQueryString', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(toQueryString({ actor: 'beheerder', subject: '', before: undefined, limit: 50, action: 'a&b' })).toBe('?actor=beheerder&limit=50&action=a%26b');
    expect(toQueryString({})).toBe('');
  });
});
