import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';
import { findMalformedText } from './malformed-text.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every JSON body, query string and path parameter is checked for text that cannot be stored, for every
 * route at once: one check where the request is parsed rather than one per field (issue 12). A body that
 * is not UTF-8 is refused too: decoding it leniently would store U+FFFD where the sender meant something else.
 */
export function registerRequestTextChecks(app: FastifyInstance): void {
  // Fastify's own parser, keeping its protection against prototype poisoning (a `__proto__` key → 400).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new AppError('validation', 422, 'The request body is not valid UTF-8 text', [{ path: 'body', message: 'Not valid UTF-8' }]), undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      const malformed = findMalformedText(parsed, 'body');
      if (malformed) return done(new AppError('validation', 422, 'The request holds text that cannot be stored', [malformed]), undefined);
      done(null, parsed);
    });
  });

  app.addHook('preValidation', (request, _reply, done) => {
    const malformed = findMalformedText(request.params, 'params') ?? findMalformedText(request.query, 'querystring');
    done(malformed ? new AppError('validation', 422, 'The request holds text that cannot be stored', [malformed]) : undefined);
  });
}
