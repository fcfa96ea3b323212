import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CompressedAnswers } from './compressed-answers.js';
import { COMPRESSION_THRESHOLD_BYTES, compressAnswer, negotiateAnswerEncoding } from './compression.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer holds aggregate public statistics or the areas they belong to (no personal data; every
     * role may read them), so a browser may keep it and ask again with If-None-Match: it gets an ETag and
     * `Cache-Control: private, no-cache` instead of `no-store`, and a 304 without a body when nothing
     * changed. Only for GET routes whose answer, for any caller allowed to see it, is the same figures.
     */
    aggregateFigures?: boolean;
  }
}

/**
 * A weak ETag over an answer's bytes. Derived from the content, not from a version counter, so every
 * change that alters an answer (an import, a catalogue change, new boundaries) gives a new ETag without
 * bookkeeping, and processes serving the same data give the same ETag. Weak because the same answer goes
 * out compressed or not (the ETag is taken before compression).
 */
export function weakEtagOf(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match against our ETag, with the weak comparison RFC 9110 (13.1.2) prescribes for it. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === ours);
}

function varyOnAcceptEncoding(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const value = Array.isArray(current) ? current.join(', ') : current === undefined ? '' : String(current);
  const tokens = value.split(',').map((token) => token.trim().toLowerCase());
  if (tokens.includes('accept-encoding') || tokens.includes('*')) return;
  reply.header('vary', value ? `${value}, accept-encoding` : 'accept-encoding');
}

function revalidates(request: FastifyRequest, reply: FastifyReply): boolean {
  return reply.routeOptions.config.aggregateFigures === true && reply.statusCode === 200 && (request.method === 'GET' || request.method === 'HEAD');
}

/**
 * The answers of routes marked `aggregateFigures`: an ETag and a 304 when the browser's copy is current,
 * and otherwise the answer compressed once per content and encoding (compressed-answers.ts) rather than by
 * the on-the-fly compression, which these routes skip. Register after the hook that sets `no-store` on every
 * API answer (this one replaces it for these answers) and before the on-the-fly compression. Every other
 * /api answer keeps `no-store` (SECURITY.md 15).
 */
export function registerFigureRevalidation(app: FastifyInstance): void {
  const compressed = new CompressedAnswers();
  app.addHook('onRoute', (route) => {
    if (route.config?.aggregateFigures === true) route.compress = false;
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!revalidates(request, reply) || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      done(null, payload);
      return;
    }
    const etag = weakEtagOf(payload);
    reply.header('etag', etag);
    reply.header('cache-control', 'private, no-cache');
    // Whether the body is compressed depends on Accept-Encoding, also when this one happens not to be.
    varyOnAcceptEncoding(reply);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      done(null, null);
      return;
    }
    const encoding = Buffer.byteLength(payload) >= COMPRESSION_THRESHOLD_BYTES ? negotiateAnswerEncoding(request.headers['accept-encoding']) : null;
    if (!encoding) {
      done(null, payload);
      return;
    }
    reply.header('content-encoding', encoding);
    done(null, compressed.get(etag, encoding, () => compressAnswer(Buffer.isBuffer(payload) ? payload : Buffer.from(payload), encoding)));
  });
}
