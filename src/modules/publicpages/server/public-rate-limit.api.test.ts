import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { startOfRateLimitWindow } from '../../../../test/support/rate-limit-window.js';

/**
 * The public API has its own per-IP limit (PUBLIC_RATE_LIMIT_PER_MINUTE per address of the public API), counted
 * apart from the limit of the rest of the API: a flood of page views is cut off with a 429, and the same address's logged-in traffic and
 * login are not touched by it (docs/publicpages.md, "Rate limits").
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '20' });
});
afterAll(() => t.close());

describe('the public API rate limit', () => {
  it('answers 429 after the public limit per IP, while the same address still logs in and reads the rest of the API', async () => {
    await startOfRateLimitWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await t.app.inject({ url: '/api/v1/public/areas' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Each public address counts on its own (a visit reads the list and one page); unknown and malformed codes count too.
    const page: number[] = [];
    for (const code of ['FAdordt-west', 'GM9999', 'x', 'FAdordt-west']) page.push((await t.app.inject({ url: `/api/v1/public/areas/${code}` })).statusCode);
    expect(page).toEqual([404, 404, 422, 429]);
    const refused = await t.app.inject({ url: '/api/v1/public/areas' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // The public views did not count against the address's allowance for the rest of the API.
    const session = await t.login('analist');
    expect((await t.app.inject({ url: '/api/v1/indicators', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
