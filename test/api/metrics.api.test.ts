import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/server/config.js';
import { startMetricsServer } from '../../src/platform/server/metrics-http.js';
import { observeImport } from '../../src/platform/server/index.js';
import { recordJobRun } from '../../src/platform/server/metrics.js';
import { freePort } from '../support/postgres-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Prometheus metrics (docs/operations.md, "Metrics"): /metrics on the main port only with METRICS_TOKEN,
 * the listener of METRICS_PORT, and what the series may and may not carry (route patterns, never URLs).
 */

const TOKEN = 'm'.repeat(20) + '0123456789abcdef';

let withToken: TestApp;
let without: TestApp;
beforeAll(async () => {
  withToken = await createTestApp({ METRICS_TOKEN: TOKEN });
  without = await createTestApp();
});
afterAll(async () => {
  await withToken?.close();
  await without?.close();
});

const scrape = (app: TestApp['app'], authorization?: string) =>
  app.inject({ url: '/metrics', headers: authorization === undefined ? {} : { authorization } });

/** The value of one sample line, e.g. sample(text, 'wijkregie_job_runs_total{job="x"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics on the main port', () => {
  it('is not there while METRICS_TOKEN is unset, whatever the caller sends', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`, 'Bearer ']) {
      const response = await scrape(without.app, authorization);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain('wijkregie_');
    }
  });

  it('refuses a missing, wrong or malformed token with 401 and says how to authenticate', async () => {
    const admin = await withToken.login('beheerder');
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, TOKEN, `Bearer ${TOKEN} extra`]) {
      const response = await scrape(withToken.app, authorization);
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(response.json()).toMatchObject({ type: 'urn:wijkregie:problem:metrics.invalid_token', status: 401 });
    }
    // A user's session is not a metrics token.
    expect((await withToken.app.inject({ url: '/metrics', headers: { cookie: admin.cookie } })).statusCode).toBe(401);
  });

  it('serves the exposition format with the token: request latency per route pattern, never the URL asked for', async () => {
    const admin = await withToken.login('beheerder');
    await withToken.app.inject({ url: '/api/v1/areas/GM0505?year=2020&geometry=true', headers: { cookie: admin.cookie } });
    await withToken.app.inject({ method: 'PATCH', url: '/api/v1/users/00000000-0000-4000-8000-00000000abcd', headers: admin.headers, payload: {} });
    await withToken.app.inject({ url: '/api/v1/no-such-route/jansen' });
    await withToken.app.inject({ url: '/some/page/deep-link' });
    const response = await scrape(withToken.app, `bearer ${TOKEN}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.body;
    expect(text).toMatch(/wijkregie_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/areas\/:code",status_class="[24]xx"\} \d+/);
    expect(text).toMatch(/wijkregie_http_request_duration_seconds_count\{method="PATCH",route="\/api\/v1\/users\/:id",status_class="4xx"\} \d+/);
    expect(text).toMatch(/wijkregie_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/session",status_class="2xx"\} \d+/);
    expect(text).toMatch(/route="\(unmatched\)"/);
    // Ids, codes, query strings and names from the URLs above appear nowhere.
    for (const leaked of ['GM0505', 'year=', 'abcd', 'jansen', 'deep-link', 'beheerder', '?']) expect(text).not.toContain(leaked);
  });

  it('reports the database pool, job runs, import durations and the process', async () => {
    recordJobRun('metrics-test-job', 0.25, true);
    recordJobRun('metrics-test-job', 1.5, false);
    observeImport('kwb-csv', 4.2);
    observeImport('not a kind\n{evil="1"}', 1);
    const text = (await scrape(withToken.app, `Bearer ${TOKEN}`)).body;
    expect(sample(text, 'wijkregie_job_runs_total{job="metrics-test-job"}')).toBe(2);
    expect(sample(text, 'wijkregie_job_failures_total{job="metrics-test-job"}')).toBe(1);
    expect(sample(text, 'wijkregie_job_last_duration_seconds{job="metrics-test-job"}')).toBe(1.5);
    expect(sample(text, 'wijkregie_job_last_success_timestamp_seconds{job="metrics-test-job"}')).toBeGreaterThan(1.7e9);
    expect(sample(text, 'wijkregie_import_duration_seconds_count{kind="kwb-csv"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'wijkregie_import_duration_seconds_bucket{le="5",kind="kwb-csv"}')).toBeGreaterThanOrEqual(1);
    // A label value that is not a plain word is reported as "other", never as given.
    expect(text).toContain('kind="other"');
    expect(text).not.toContain('evil');
    const max = sample(text, 'wijkregie_db_pool_max_connections');
    expect(max).toBe(withToken.database.kind === 'pglite' ? 1 : 5);
    expect(sample(text, 'wijkregie_db_pool_connections')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'wijkregie_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'wijkregie_db_pool_waiting_requests')).toBe(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('times an applied import through the API per kind, and not the same file answered again', async () => {
    const analyst = await withToken.login('analist');
    const square = [[4.60, 51.80], [4.61, 51.80], [4.61, 51.81], [4.60, 51.81], [4.60, 51.80]];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'GM9901', name: 'Metriekstad', level: 'gemeente', parentCode: null }, geometry: { type: 'Polygon', coordinates: [square] } }],
    });
    const form = new FormData();
    form.append('kind', 'areas-geojson');
    form.append('year', '2021');
    form.append('file', new Blob([geojson]), 'metriekstad.geojson');
    const request = new Response(form);
    const body = Buffer.from(await request.arrayBuffer());
    const upload = () =>
      withToken.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...analyst.headers, 'content-type': request.headers.get('content-type') ?? '' }, payload: body });
    const count = async () => sample((await scrape(withToken.app, `Bearer ${TOKEN}`)).body, 'wijkregie_import_duration_seconds_count{kind="areas-geojson"}') ?? 0;
    const before = await count();
    expect((await upload()).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
    expect((await upload()).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('stays out of the OpenAPI document and the API route list', async () => {
    const doc = (await withToken.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
    expect(withToken.app.apiRoutes.map((r) => r.url)).not.toContain('/metrics');
  });
});

describe('the metrics listener on METRICS_PORT', () => {
  it('serves only GET /metrics, and asks for the token when one is set', async () => {
    const port = await freePort();
    const open = await startMetricsServer({ ...loadConfig({ METRICS_PORT: String(port) }).metrics, port });
    try {
      const base = `http://127.0.0.1:${open.port}`;
      const ok = await fetch(`${base}/metrics`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('wijkregie_http_request_duration_seconds');
      const elsewhere = await fetch(`${base}/api/v1/health`);
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.headers.get('content-type')).toBe('application/problem+json');
      await elsewhere.text();
      const post = await fetch(`${base}/metrics`, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
      await post.text();
    } finally {
      await open.close();
    }

    const tokenPort = await freePort();
    const guarded = await startMetricsServer({ ...loadConfig({ METRICS_PORT: String(tokenPort), METRICS_TOKEN: TOKEN }).metrics, port: tokenPort });
    try {
      const base = `http://127.0.0.1:${guarded.port}`;
      for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
        const refused = await fetch(`${base}/metrics`, { headers });
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
        expect(await refused.text()).not.toContain('wijkregie_http');
      }
      expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
