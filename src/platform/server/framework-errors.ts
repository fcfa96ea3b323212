import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { problemTitle, problemType, sendProblem, type Problem } from './problem.js';

/**
 * The answers Fastify and Node write before any route or hook runs — a URL that does not decode (400), a
 * path parameter past its length (414), oversized headers (431), a request that is not HTTP (400), a client
 * too slow (408) — in the same shape as every other error: application/problem+json, the security headers,
 * `Cache-Control: no-store` (issue 12, item 15). Without this they were bare JSON without any of them.
 */

const FRAMEWORK_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', detail: 'The address is not a valid URL' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', detail: 'A part of the address is too long' },
};

export function frameworkErrorHandler(headers: Readonly<Record<string, string>>) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    const known = FRAMEWORK_CODES[error.code];
    reply.headers(headers).header('cache-control', 'no-store');
    if (known) sendProblem(reply, known.status, known.code, known.detail);
    else sendProblem(reply, 400, 'bad_request', 'The request could not be routed');
  };
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', detail: 'The request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', detail: 'The request took too long to arrive' },
  HPE_URI_TOO_LONG: { status: 414, code: 'uri_too_long', detail: 'The address is too long' },
};

/** Node's clientError: the request never became one, so the answer is written to the socket by hand. */
export function clientErrorHandler(headers: Readonly<Record<string, string>>) {
  const headerLines = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    // A reset connection has nobody left to answer (Node's own rule).
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const known = (error.code && CLIENT_ERRORS[error.code]) || { status: 400, code: 'bad_request', detail: 'The request is not valid HTTP' };
    const problem: Problem = { type: problemType(known.code), title: problemTitle(known.status), status: known.status, detail: known.detail };
    const body = JSON.stringify(problem);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${known.status} ${problemTitle(known.status)}\r\n` +
          `content-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
          `cache-control: no-store\r\nconnection: close\r\n${headerLines}\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

/**
 * While the server drains on shutdown, requests that still arrive (on a keep-alive connection) get a
 * problem+json 503 with the usual headers and the connection closed. Fastify's own answer for this
 * (return503OnClosing) is bare JSON written before any hook, so it is switched off in app.ts. The shutdown
 * in main.ts starts draining at once; close() reaches its preClose hooks only a step later.
 */
export function registerDrainingAnswer(app: FastifyInstance): void {
  let closing = false;
  app.decorate('startDraining', () => {
    closing = true;
  });
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply.header('connection', 'close');
    done(new AppError('shutting_down', 503, 'The server is shutting down; try again in a moment', undefined, { 'retry-after': '5' }));
  });
}
