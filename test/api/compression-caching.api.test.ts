import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/server/app.js';
import { COMPRESSION_THRESHOLD_BYTES } from '../../src/platform/server/compression.js';
import { createTestApp, type TestApp, type TestSession } from '../support/test-app.js';

/**
 * Compression and caching (docs/operations.md, "Compression and caching"): API JSON compressed on the fly
 * as asked and above a size, never the session answers; ETag and 304 for the aggregate figures, which a
 * browser may keep (`private, no-cache`) while every other API answer stays `no-store`; the web app's hashed
 * files cached for a year and sent precompressed. On the demo's CBS figures of Dordrecht.
 */

let t: TestApp;
let analyst: TestSession;

const FEATURES = '/api/v1/area-features?municipality=GM0505&level=buurt&year=2020';
const VALUES = '/api/v1/indicators/inhabitants/values?municipality=GM0505&level=buurt&period=2020';

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['areas', 'indicators'] });
  analyst = await t.login('analist');
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}, session: TestSession = analyst) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie, ...headers } });

function expectSecurityHeaders(response: LightMyRequestResponse): void {
  expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-frame-options']).toBe('DENY');
}

const varies = (response: LightMyRequestResponse) => String(response.headers.vary ?? '').toLowerCase().split(/\s*,\s*/).includes('accept-encoding');

async function uploadValues(csv: string) {
  const form = new FormData();
  form.append('kind', 'values-csv');
  form.append('file', new Blob([csv]), 'values.csv');
  const request = new Response(form);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...analyst.headers, 'content-type': request.headers.get('content-type') ?? '' },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

describe('compression of API answers', () => {
  it('compresses a large JSON answer with brotli or gzip, as the client asks; it decompresses to the plain answer', async () => {
    const plain = await get(FEATURES);
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(50_000);

    const brotli = await get(FEATURES, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(varies(brotli)).toBe(true);
    expect(brotliDecompressSync(brotli.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);

    const gzip = await get(FEATURES, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);

    // The client's preferences count: brotli refused, gzip preferred by weight.
    expect((await get(FEATURES, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get(FEATURES, { 'accept-encoding': 'br;q=0.5, gzip;q=1' })).headers['content-encoding']).toBe('gzip');
    expectSecurityHeaders(brotli);
    expectSecurityHeaders(gzip);
  });

  it('compresses other large API answers on the fly as well (the OpenAPI document), and keeps them no-store', async () => {
    const plain = await t.app.inject({ url: '/api/v1/openapi.json' });
    const gzip = await t.app.inject({ url: '/api/v1/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(varies(gzip)).toBe(true);
    expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(gzip.headers['cache-control']).toBe('no-store');
    expect(gzip.headers.etag).toBeUndefined();
    expectSecurityHeaders(gzip);
  });

  it('sends the answer as it is when the client does not ask for compression, or asks only for identity', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'compress' }] as Record<string, string>[]) {
      const response = await get(FEATURES, headers);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.json().type).toBe('FeatureCollection');
    }
  });

  it('does not compress small answers', async () => {
    const response = await t.app.inject({ url: '/api/v1/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json().status).toBe('ok');
  });

  it('never compresses the session answers, which carry the CSRF token (BREACH)', async () => {
    // The administrator (the longest list of permissions) with a long name and many area scopes: a session
    // answer well above the threshold.
    const longName = 'Beheerder '.repeat(19).trim();
    const rename = (name: string) => t.database.db.updateTable('users').set({ display_name: name }).where('username', '=', 'beheerder').execute();
    const admin = await t.database.db.selectFrom('users').select('id').where('username', '=', 'beheerder').executeTakeFirstOrThrow();
    const scopes = Array.from({ length: 40 }, (_, i) => ({ user_id: admin.id, area_code: `BU0505${String(i).padStart(4, '0')}` }));
    await rename(longName);
    await t.database.db.insertInto('user_area_scopes').values(scopes).execute();
    try {
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'accept-encoding': 'br, gzip' }, payload: { username: 'beheerder', password: 'demo' } });
      expect(login.statusCode).toBe(200);
      expect(login.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
      expect(login.headers['content-encoding']).toBeUndefined();
      const body = login.json<{ csrfToken: string; user: { displayName: string } }>();
      expect(body.user.displayName).toBe(longName);
      const cookie = login.cookies.find((c) => c.name === 'wr_session');
      const session = await t.app.inject({ url: '/api/v1/session', headers: { cookie: `wr_session=${cookie?.value}`, 'accept-encoding': 'br, gzip' } });
      expect(session.statusCode).toBe(200);
      expect(session.rawPayload.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
      expect(session.headers['content-encoding']).toBeUndefined();
      expect(session.json().csrfToken).toBe(body.csrfToken);
      expect(session.headers['cache-control']).toBe('no-store');
    } finally {
      await rename('Demo Beheerder');
      await t.database.db.deleteFrom('user_area_scopes').where('user_id', '=', admin.id).execute();
    }
  });
});

describe('ETag and 304 for the aggregate figures', () => {
  it('answers a matching If-None-Match with 304 and no body, with the security headers', async () => {
    const first = await get(VALUES);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(varies(first)).toBe(true);

    const again = await get(VALUES, { 'if-none-match': etag, 'accept-encoding': 'br, gzip' });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');
    expect(again.headers['content-encoding']).toBeUndefined();
    expectSecurityHeaders(again);

    // Weak comparison, lists and a strong spelling of the same tag match; another tag does not.
    expect((await get(VALUES, { 'if-none-match': `"other", ${etag.slice(2)}` })).statusCode).toBe(304);
    const other = await get(VALUES, { 'if-none-match': 'W/"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).toBe(etag);
  });

  it('gives the same ETag compressed or not, and a compressed answer its ETag too', async () => {
    const plain = await get(FEATURES);
    const compressed = await get(FEATURES, { 'accept-encoding': 'br' });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers.etag).toBe(plain.headers.etag);
    expect(compressed.headers['cache-control']).toBe('private, no-cache');
    const revalidated = await get(FEATURES, { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) });
    expect(revalidated.statusCode).toBe(304);
  });

  it('gives every figures route an ETag: catalogue, values, areas, boundaries, profile, series', async () => {
    for (const url of [
      '/api/v1/indicators',
      VALUES,
      '/api/v1/areas?municipality=GM0505&level=wijk&year=2020',
      '/api/v1/areas/GM0505',
      FEATURES,
      '/api/v1/areas/BU05050100/profile?period=2020',
      '/api/v1/areas/BU05050100/series?indicator=inhabitants',
    ]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers.etag, url).toBeDefined();
      expect(first.headers['cache-control'], url).toBe('private, no-cache');
      expect((await get(url, { 'if-none-match': String(first.headers.etag) })).statusCode, url).toBe(304);
    }
  });

  it('keeps no-store and no ETag on everything else under /api, and on failed figure reads', async () => {
    for (const url of ['/api/v1/session', '/api/v1/imports', '/api/v1/indicators/no_such_indicator/values?level=buurt&period=2020', '/api/v1/areas/BU99999999']) {
      const response = await get(url);
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.headers.etag, url).toBeUndefined();
    }
  });

  it('gives a new ETag after an import through the API changes the values, and the old one gets the new answer', async () => {
    const before = await get(VALUES);
    const etag = String(before.headers.etag);
    const imported = await uploadValues('area_code,indicator,period,value\nBU05050100,inhabitants,2020,777\n');
    expect(imported.statusCode).toBe(201);
    const after = await get(VALUES, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect((after.json().items as { areaCode: string; value: number | null }[]).find((item) => item.areaCode === 'BU05050100')?.value).toBe(777);
    expect((await get(VALUES, { 'if-none-match': String(after.headers.etag) })).statusCode).toBe(304);
  });

  it('gives the catalogue a new ETag after an indicator is added through the API', async () => {
    const before = await get('/api/v1/indicators');
    const etag = String(before.headers.etag);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: analyst.headers,
      payload: { code: 'etag_probe', name: 'ETag-proef', theme: 'Test', unit: 'aantal', polarity: 'neutral', aggregation: 'sum' },
    });
    expect(created.statusCode).toBe(201);
    const after = await get('/api/v1/indicators', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect((after.json().items as { code: string }[]).some((item) => item.code === 'etag_probe')).toBe(true);
  });
});

describe('the web app files', () => {
  const HASHED = 'index-AbC_d-12.js';
  const script = `console.log(${JSON.stringify('wijkregie '.repeat(300))});\n`;
  let distDir: string;
  let web: FastifyInstance;

  beforeAll(async () => {
    // A tiny stand-in for dist/web: index.html, one hashed script with its precompressed copies, a favicon.
    distDir = mkdtempSync(path.join(tmpdir(), 'wijkregie-web-'));
    mkdirSync(path.join(distDir, 'assets'));
    writeFileSync(path.join(distDir, 'index.html'), `<!doctype html><html lang="nl"><head><script type="module" src="/assets/${HASHED}"></script></head><body></body></html>`);
    writeFileSync(path.join(distDir, 'assets', HASHED), script);
    writeFileSync(path.join(distDir, 'assets', `${HASHED}.br`), brotliCompressSync(script));
    writeFileSync(path.join(distDir, 'assets', `${HASHED}.gz`), gzipSync(script));
    writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    web = await buildApp({ config: t.config, database: t.database, clock: t.clock.now, version: 'test' }, { logger: false, webDistDir: distDir });
    await web.ready();
  });
  afterAll(async () => {
    await web?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('sends a hashed asset precompressed as accepted, cached for a year as immutable', async () => {
    const brotli = await web.inject({ url: `/assets/${HASHED}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(String(brotli.headers['content-type'])).toMatch(/javascript/);
    expect(brotliDecompressSync(brotli.rawPayload).toString('utf8')).toBe(script);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(varies(brotli)).toBe(true);
    expectSecurityHeaders(brotli);

    const gzip = await web.inject({ url: `/assets/${HASHED}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(script);
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await web.inject({ url: `/assets/${HASHED}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('asks again for index.html and files without a hash; security headers on every page', async () => {
    for (const url of ['/', '/kaart', '/index.html', '/favicon.svg']) {
      const response = await web.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expectSecurityHeaders(response);
    }
    expect((await web.inject({ url: '/kaart' })).body).toContain(`/assets/${HASHED}`);
  });

  it('answers a repeated visit to a page with 304 while the build is the same', async () => {
    const first = await web.inject({ url: '/kaart' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await web.inject({ url: '/gebieden', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(again);
    expect((await web.inject({ url: '/kaart', headers: { 'if-none-match': 'W/"older-build"' } })).statusCode).toBe(200);
  });

  it('does not serve the precompressed copies under their own names', async () => {
    const response = await web.inject({ url: `/assets/${HASHED}.br` });
    expect(response.headers['content-encoding']).toBeUndefined();
    // An unknown path gets the app's index.html (deep links), never the compressed bytes.
    expect(response.body).toContain('<!doctype html>');
  });
});
