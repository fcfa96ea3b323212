import { brotliCompressSync, constants, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli or gzip for API answers, on the fly, as the client's Accept-Encoding allows (with
 * `Vary: accept-encoding`). The web app's files are compressed once at build time instead (web-static.ts),
 * and the aggregate figures once per content (figure-revalidation.ts).
 *
 * Smaller answers go out as they are: below about a kilobyte the headers weigh more than what compression
 * saves, and the CPU is better spent elsewhere.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export type AnswerEncoding = 'br' | 'gzip';
const ENCODINGS: AnswerEncoding[] = ['br', 'gzip'];

// Brotli 4 and gzip 5 compress JSON within a few per cent of their maximum at a fraction of the CPU
// (measured on the figures answers; docs/operations.md, "Compression and caching").
const BROTLI_OPTIONS: BrotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };
const GZIP_OPTIONS: ZlibOptions = { level: 5 };

/**
 * Answers that carry a credential are never compressed (BREACH): the session answers hold the CSRF token
 * (and the OIDC and TOTP steps live under /session), /me/totp hands out a TOTP secret, and a new API token
 * is shown once. An attacker who can reflect text into such an answer and watch its compressed size could
 * guess the secret a character at a time. They are small anyway.
 */
const CREDENTIAL_PATHS = ['/api/v1/session', '/api/v1/me', '/api/v1/api-tokens'];

function carriesCredential(url: string): boolean {
  return CREDENTIAL_PATHS.some((path) => url === path || url.startsWith(`${path}/`));
}

/** Whether answers of a route may be compressed on the fly: API routes, except those with credentials. */
export function compressesAnswersOf(url: string): boolean {
  return url.startsWith('/api/') && !carriesCredential(url);
}

/** The encoding an answer goes out in for this Accept-Encoding, chosen as the plugin chooses; null: as it is. */
export function negotiateAnswerEncoding(acceptEncoding: string | undefined): AnswerEncoding | null {
  if (!acceptEncoding) return null;
  // As the plugin does: "*" and the old alias x-gzip stand for gzip.
  return negotiate(acceptEncoding.toLowerCase().replace(/\*|x-gzip/g, 'gzip'), ENCODINGS);
}

/** The body compressed with the same settings as on-the-fly answers. */
export function compressAnswer(body: Buffer, encoding: AnswerEncoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, BROTLI_OPTIONS) : gzipSync(body, GZIP_OPTIONS);
}

/** Registers on-the-fly compression; call before any route is registered (it is decided per route). */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    // Runs before the plugin's own onRoute hook, which reads this: static files are compressed at build time.
    if (route.compress === undefined && !compressesAnswersOf(route.url)) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    // Request bodies stay as sent: a compressed upload is refused like any other body we cannot read,
    // rather than inflated past the body limit's intent.
    globalDecompression: false,
    encodings: ENCODINGS,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotliOptions: BROTLI_OPTIONS,
    zlibOptions: GZIP_OPTIONS,
  });
}
