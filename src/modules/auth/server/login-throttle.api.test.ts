import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';

/**
 * Login throttling under concurrency: an attempt is reserved in the database before its password is
 * checked, so a burst of simultaneous attempts gets no more guesses than the same attempts one by one.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_WINDOW_MINUTES: '15' });
});
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress, payload: { username, password } });

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe('concurrent logins', () => {
  it('evaluate at most LOGIN_MAX_FAILURES attempts for one username, however many arrive at once', async () => {
    const attempts = [...Array.from({ length: 12 }, (_, i) => `wrong-password-${i}`), 'demo'];
    const responses = await Promise.all(attempts.map((password) => login('financien', password, '10.0.0.1')));
    const counts = tally(responses.map((r) => r.statusCode));
    const evaluated = (counts[200] ?? 0) + (counts[401] ?? 0);
    expect(evaluated, JSON.stringify(counts)).toBe(5);
    expect(counts[429]).toBe(8);
    // The right password got through only if it was among the five reserved attempts.
    const right = responses[12]!;
    expect([200, 429]).toContain(right.statusCode);
  });

  it('evaluate at most 4 × LOGIN_MAX_FAILURES attempts from one address, however many arrive at once', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => login(`nobody-${i}`, 'wrong-password', '10.0.0.2')));
    const counts = tally(responses.map((r) => r.statusCode));
    expect(counts, JSON.stringify(counts)).toEqual({ 401: 20, 429: 80 });
  });
});
