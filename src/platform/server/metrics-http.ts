import http from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MetricsConfig } from './config.js';
import type { DatabaseHandle } from './db.js';
import { constantTimeEqual, sha256Hex } from './auth/secrets.js';
import { observeRequest, renderMetrics, startProcessMetrics, watchDatabasePool } from './metrics.js';
import { sendProblem } from './problem.js';

/**
 * Serving the metrics of metrics.ts: the request histogram's hook, GET /metrics on the main port behind
 * METRICS_TOKEN, and the listener of its own on METRICS_PORT. The metrics never pass through the auth
 * hook's callers: a scrape is a machine with the metrics token, not a user.
 */

/**
 * The label of a request's route: the pattern it matched, never the URL that was asked for. Pages and
 * static files are one label (hashed asset names change with every build); a request no route matched is
 * another.
 */
function routeLabel(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern === undefined) return '(unmatched)';
  return pattern.startsWith('/api/') || pattern === METRICS_PATH ? pattern : '(web)';
}

const METRICS_PATH = '/metrics';

/** Times every answer of the app and reports its database pool. Register first, before any route. */
export function registerRequestMetrics(app: FastifyInstance, database: DatabaseHandle): void {
  app.addHook('onResponse', (request, reply, done) => {
    observeRequest(request.method, routeLabel(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  if (database.poolStats) {
    const unwatch = watchDatabasePool(database.poolStats);
    app.addHook('onClose', (_instance, done) => {
      unwatch();
      done();
    });
  }
}

/** Whether an Authorization header carries the metrics token; both sides hashed first, so no length leaks. */
export function isMetricsTokenValid(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer[ ]+(\S+)$/i.exec(authorization ?? '')?.[1];
  return sent !== undefined && constantTimeEqual(sha256Hex(sent), sha256Hex(token));
}

const TOKEN_HINT = 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>';

/** GET /metrics on the main port: 404 while METRICS_TOKEN is unset, 401 without that token. */
export function registerMetricsEndpoint(app: FastifyInstance, config: MetricsConfig): void {
  if (config.token) startProcessMetrics();
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    // Answered like any unknown path while off, so nothing tells a visitor that metrics exist.
    if (!config.token) return sendProblem(reply, 404, 'not_found', 'No such route');
    if (!isMetricsTokenValid(request.headers.authorization, config.token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, 401, 'metrics.invalid_token', TOKEN_HINT);
    }
    const { contentType, body } = await renderMetrics();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The listener on METRICS_PORT (loopback by default): only GET /metrics, with the token when one is set.
 * Plain node:http: it must keep answering while the app is busy, and has nothing to share with it.
 */
export async function startMetricsServer(config: MetricsConfig & { port: number }): Promise<MetricsServer> {
  startProcessMetrics();
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const answer = (status: number, type: string, body: string, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const problem = (status: number, code: string, title: string, detail: string, headers: Record<string, string> = {}): void =>
      answer(status, 'application/problem+json', JSON.stringify({ type: `urn:wijkregie:problem:${code}`, title, status, detail }), headers);
    if (path !== METRICS_PATH) return problem(404, 'not_found', 'Not found', 'Only /metrics is served here');
    if (request.method !== 'GET' && request.method !== 'HEAD') return problem(405, 'method_not_allowed', 'Method not allowed', 'Use GET', { allow: 'GET, HEAD' });
    if (config.token && !isMetricsTokenValid(request.headers.authorization, config.token)) {
      return problem(401, 'metrics.invalid_token', 'Not logged in', TOKEN_HINT, { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    renderMetrics().then(
      ({ contentType, body }) => answer(200, contentType, body),
      () => problem(500, 'internal', 'Internal server error', 'The metrics could not be collected'),
    );
  });
  // A scrape is a short request; a slow or idle client must not hold a socket.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : config.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
