import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDbKind, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform', () => {
  it('reports health and which database it runs on', async () => {
    const response = await t.app.inject({ url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: testDbKind(), version: 'test' });
  });

  it('describes every API route in its OpenAPI 3 document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = t.app.apiRoutes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).sort();
    expect(documented).toEqual(served);
  });

  it('sends the security headers of SECURITY.md 15 on API responses and pages', async () => {
    for (const url of ['/api/v1/health', '/api/v1/session', '/']) {
      const response = await t.app.inject({ url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      if (url.startsWith('/api/')) expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers unknown API routes and methods with a problem+json 404', async () => {
    for (const [method, url] of [['GET', '/api/v1/nope'], ['POST', '/api/v1/health'], ['GET', '/api/v2/health']] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:not_found', title: 'Not found', status: 404 });
    }
  });

  it('tells the login page whether this is a demo', async () => {
    const response = await t.app.inject({ url: '/api/v1/meta' });
    expect(response.json()).toEqual({ demoMode: true, version: 'test', database: testDbKind(), mapTiles: null, addressSearch: false, oidc: null });
  });

  it('rate-limits per client and says when to retry', async () => {
    const limited = await (await import('../support/test-app.js')).createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.app.inject({ url: '/api/v1/meta' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const response = await limited.app.inject({ url: '/api/v1/meta' });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
