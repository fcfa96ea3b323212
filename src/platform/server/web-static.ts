import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectPath } from './paths.js';
import { sendProblem } from './problem.js';

export const WEB_DIST_DIR = projectPath('dist', 'web');

/**
 * Serves the built web app and answers every other non-API GET with its index.html, so deep links work.
 * Unknown API paths get a problem+json 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string = WEB_DIST_DIR): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  const hasWeb = existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  const indexHtml = hasWeb ? readFileSync(indexFile, 'utf8') : null;
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !indexHtml) {
      return sendProblem(reply, 404, 'not_found', 'No such route');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}
