import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from './config.js';

/**
 * Security headers on every response (SECURITY.md 15), from helmet. The middleware is built once here and
 * applied per request: the Fastify wrapper rebuilt it (and re-parsed the CSP) on every request, which cost
 * about an eighth of a cached read's time.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Pick<AppConfig, 'mapTileUrl' | 'secureCookies'>): void {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Map tiles, when configured, are the only images from elsewhere.
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.mapTileUrl ? [new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
