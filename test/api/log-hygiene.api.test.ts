import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * SECURITY.md 9 and 2: log lines hold no personal data and cannot be forged. Hostile names (newlines, ANSI
 * escapes, JSON fragments) go in as usernames, body values, query strings and headers; afterwards every
 * line is one JSON object, and none holds a submitted value, a query string, a cookie or a token.
 */
let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  const stream = new PassThrough();
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: stream });
});
afterAll(() => t.close());

const hostile = fc
  .tuple(
    fc.constantFrom('\n{"level":60,"msg":"forged"}\n', '\u001b[31mred\u001b[0m', '\r\nSet-Cookie: x=y', 'Jan\u0000de Vries', '"},{"'),
    fc.string({ minLength: 3, maxLength: 20 }),
  )
  .map(([evil, name]) => `Marker${name.replace(/[^a-z]/gi, '')}${evil}`);

describe('logs', () => {
  it('stay one JSON object per line and never carry submitted values', async () => {
    const submitted: string[] = [];
    const admin = await t.login('beheerder');
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        submitted.push(value);
        await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: value, password: value } });
        await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name: value, kind: 'overig' } });
        await t.app.inject({ method: 'GET', url: `/api/v1/audit?actor=${encodeURIComponent(value)}`, headers: { cookie: admin.cookie } });
        await t.app.inject({ method: 'GET', url: `/api/v1/nope?bsn=${encodeURIComponent(value)}`, headers: { 'user-agent': value.replace(/[\r\n]/g, ' ').split(String.fromCharCode(0)).join(' ') } });
      }),
      { numRuns: 15 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.length).toBeGreaterThan(60);
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(typeof parsed.level).toBe('number');
    }
    const all = lines.join('\n');
    expect(all).not.toContain('Marker');
    expect(all).not.toContain('bsn=');
    expect(all).not.toContain(admin.cookie.split('=')[1]);
    expect(all).not.toContain(admin.csrfToken);
    expect(all).not.toContain('forged');
  });
});
