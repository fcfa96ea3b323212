import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The public API's answers are made once per content and sent as they are: a body, its strong ETag (a hash
 * of the bytes, so every change of the underlying data gives a new one, and processes serving the same data
 * give the same one) and a Last-Modified date (when this process first made this content for this address).
 * Conditional requests: If-None-Match decides when present (RFC 9110 13.2.2), else If-Modified-Since.
 */
export interface PublicAnswer {
  body: string;
  contentType: string;
  etag: string;
  lastModified: Date;
}

/** How long a browser or proxy may reuse an answer without asking: short, so a change shows within a minute. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/** Per address, the content last seen and since when; a few thousand addresses at most (one per public area and file). */
export class FirstSeen {
  private readonly seen = new Map<string, { etag: string; since: Date }>();
  constructor(private readonly maxEntries = 5000) {}

  since(key: string, etag: string, now: Date): Date {
    const current = this.seen.get(key);
    if (current?.etag === etag) return current.since;
    // HTTP dates have whole seconds: keep the date comparable with what the browser sends back.
    const since = new Date(Math.floor(now.getTime() / 1000) * 1000);
    if (this.seen.size >= this.maxEntries) this.seen.clear();
    this.seen.set(key, { etag, since });
    return since;
  }
}

export function makeAnswer(key: string, body: string, contentType: string, seen: FirstSeen, now: Date): PublicAnswer {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  return { body, contentType, etag, lastModified: seen.since(key, etag, now) };
}

function notModified(request: FastifyRequest, answer: PublicAnswer): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const ours = answer.etag.replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === ours);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && answer.lastModified.getTime() <= since;
}

/** Sends the answer, or a 304 without a body when the caller's copy is current. */
export function sendPublicAnswer(request: FastifyRequest, reply: FastifyReply, answer: PublicAnswer): FastifyReply {
  reply.header('etag', answer.etag);
  reply.header('last-modified', answer.lastModified.toUTCString());
  if (notModified(request, answer)) return reply.code(304).send();
  return reply.type(answer.contentType).send(answer.body);
}

/**
 * A route-level onSend hook: runs after the app's hook that marks every /api answer `no-store`, and replaces
 * that for these answers only. Public, anonymous, the same for everyone, so shared caches may keep them.
 */
export function publicCacheHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload: unknown) => void): void {
  if (reply.statusCode === 200 || reply.statusCode === 304) {
    reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    reply.header('vary', 'accept-encoding');
  }
  done(null, payload);
}
