import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { weakEtagOf, matchesIfNoneMatch } from './figure-revalidation.js';
import { projectPath } from './paths.js';
import { sendProblem } from './problem.js';

export const WEB_DIST_DIR = projectPath('dist', 'web');

/** A file the build named after its content (`assets/<name>-<8-character hash>.<ext>`): it never changes. */
const HASHED_ASSET = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;
const PRECOMPRESSED_SUFFIX = /\.(br|gz)$/;

/** Cache-Control for a file of the web app: hashed assets for a year, the rest asked again every time. */
export function cacheControlForWebFile(filePath: string): string {
  return HASHED_ASSET.test(filePath.replace(PRECOMPRESSED_SUFFIX, '')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built web app and answers every other non-API GET with its index.html, so deep links work.
 * Unknown API paths get a problem+json 404.
 *
 * The build writes a brotli (.br) and a gzip (.gz) copy beside each compressible file
 * (scripts/precompress-web.ts); the one the browser accepts is sent, so no CPU is spent per request.
 * index.html names the hashed assets of the current build, so it is never kept without asking again.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string = WEB_DIST_DIR): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const hasWeb = existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      // The precompressed copies are found through the original's route, not served under their own names.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', cacheControlForWebFile(filePath));
      },
    });
  }
  const indexHtml = hasWeb ? readFileSync(indexFile, 'utf8') : null;
  // Asked again at every visit: the ETag lets an unchanged build answer 304 without the page.
  const indexEtag = indexHtml === null ? '' : weakEtagOf(indexHtml);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !indexHtml) {
      return sendProblem(reply, 404, 'not_found', 'No such route');
    }
    reply.header('cache-control', 'no-cache').header('etag', indexEtag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], indexEtag)) return reply.code(304).send();
    return reply.type('text/html; charset=utf-8').send(indexHtml);
  });
}
