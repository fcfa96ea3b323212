import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Answers written before any route runs — by Fastify's router (a URL that does not decode, a path parameter
 * too long) or by Node's HTTP parser (headers too large, a request that is not HTTP) — carry the same problem
 * body and headers as every other answer (issue 12, item 15). Sent over a real socket: inject() bypasses
 * Node's parser.
 */

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are and reads the answer until the server closes the connection. */
function sendRaw(text: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

const request = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: localhost\r\n${extra}Connection: close\r\n\r\n`;

describe('answers written before a route runs', () => {
  it.each([
    ['a URL that does not decode', 400, request('/api/v1/health%zz')],
    ['a path parameter past its length', 414, request(`/api/v1/areas/${'B'.repeat(500)}`)],
    ['headers past the size limit', 431, request('/api/v1/health', `X-Filler: ${'a'.repeat(20_000)}\r\n`)],
    ['a request line that is not HTTP', 400, 'NOT HTTP AT ALL\r\n\r\n'],
  ])('%s → %i as problem+json with the security headers', async (_what, status, raw) => {
    const response = await sendRaw(raw);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    const problem = JSON.parse(response.body) as { status: number; type: string; title: string; detail: string };
    expect(problem.status).toBe(status);
    expect(problem.type).toMatch(/^urn:wijkregie:problem:/);
    // The path the client sent is not echoed back (it may be long or hold anything).
    expect(response.body).not.toContain('BBBB');
  });

  it('answers a request that arrives while the server shuts down with a problem+json 503 and the headers', async () => {
    const other = await createTestApp();
    try {
      // As the shutdown in main.ts does it: draining first, then close.
      other.app.startDraining();
      const closing = other.app.close();
      const response = await other.app.inject({ url: '/api/v1/health' });
      expect(response.statusCode).toBe(503);
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.connection).toBe('close');
      await closing;
    } finally {
      await other.database.close();
    }
  });

  it('still answers normal requests with the same headers', async () => {
    const response = await sendRaw(request('/api/v1/health'));
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
