import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuth } from './auth/plugin.js';
import { ReadCache } from './read-cache.js';
import type { AppContext } from './fastify-types.js';
import { loggerOptions } from './logger.js';
import { registerMetricsEndpoint, registerRequestMetrics } from './metrics-http.js';
import { registerReadiness } from './readiness.js';
import { handleError } from './problem.js';
import { SERVER_MODULES } from './modules.js';
import { registerRequestTextChecks } from './request-text.js';
import { registerSecurityHeaders, securityHeaders } from './security-headers.js';
import { clientErrorHandler, frameworkErrorHandler, registerDrainingAnswer } from './framework-errors.js';
import { registerWebApp } from './web-static.js';
import { registerFigureRevalidation } from './figure-revalidation.js';
import { registerCompression } from './compression.js';
import { registerCluster } from './cluster.js';
import { sharedRateLimitOption } from './shared-rate-limit.js';
import './fastify-types.js';

export interface BuildAppOptions {
  /** Where the built web app lives; tests that need no web pass a folder without one. */
  webDistDir?: string;
  logger?: boolean;
  /** Where log lines go instead of stdout (the log-hygiene test reads them). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the whole application on a database that is already open and migrated. */
export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const headers = securityHeaders(config);
  const app = Fastify({
    logger: options.logger === false ? false : { ...loggerOptions(config), ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Keep-alive sockets close at shutdown instead of holding the process open.
    forceCloseConnections: 'idle',
    // Requests arriving while the server drains get a problem+json 503 (registerDrainingAnswer).
    return503OnClosing: false,
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler(headers),
    clientErrorHandler: clientErrorHandler(headers),
  });
  app.decorate('ctx', ctx);
  // The caches, emptied together in this and every other process on the database (cluster.ts).
  await registerCluster(app, ctx, app.log);
  app.decorate('readCache', new ReadCache(config.readCacheSeconds * 1000, ctx.clock));
  app.cluster.caches.add(app.readCache);
  app.decorateRequest('db', {
    getter: () => ctx.database.db,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerRequestMetrics(app, ctx.database);
  // The API speaks JSON (and multipart for uploads); a text/plain body is a wrong content type (415), not a string.
  app.removeContentTypeParser('text/plain');
  registerRequestTextChecks(app);

  registerSecurityHeaders(app, headers);
  registerDrainingAnswer(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    // API answers may carry personal data: never stored by a browser or proxy (SECURITY.md 15).
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
  // In this order, after the hook above: ETag and 304 for aggregate figures, then compression of what is left.
  registerFigureRevalidation(app);
  await registerCompression(app);

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Wijkregie API', version: ctx.version, description: 'The Wijkregie REST API (see docs/api.md).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wr_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  registerAuth(app);
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // On PostgreSQL counted across all processes on the database (shared-rate-limit.ts).
    ...sharedRateLimitOption(app),
    // Per user when known (the auth hook ran before this one), per IP otherwise.
    keyGenerator: (request) => (request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'FST_RATE_LIMITED',
      message: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/health',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and which database the app runs on',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: ctx.database.kind, version: ctx.version }),
  );
  registerReadiness(app);
  registerMetricsEndpoint(app, config.metrics);
  typed.get(
    '/api/v1/openapi.json',
    { config: { access: 'public' }, schema: { tags: ['platform'], summary: 'This OpenAPI 3 document' } },
    async (_request, reply) => reply.type('application/json').send(app.swagger()),
  );

  for (const module of SERVER_MODULES) await app.register(module.routes);

  await registerWebApp(app, options.webDistDir);
  return app;
}
