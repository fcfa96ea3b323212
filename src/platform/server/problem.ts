import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.js';
import { fieldErrorCodeOf, valueAt } from './field-error-codes.js';

/** application/problem+json (RFC 9457) as API.md fixes it: type, title, status, detail, and errors for 422. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not logged in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Invalid content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const problemType = (code: string): string => `urn:wijkregie:problem:${code}`;
export const problemTitle = (status: number): string => TITLES[status] ?? 'Error';

export function sendProblem(reply: FastifyReply, status: number, code: string, detail: string, errors?: FieldError[]): FastifyReply {
  const body: Problem = { type: problemType(code), title: problemTitle(status), status, detail };
  // Validator errors and the services' known cases carry `code` (and `params`) beside path and message
  // (issue 13, item 7); a field error without a code means `invalid`.
  if (errors) body.errors = errors;
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

// Fastify's own client errors, mapped onto the codes of API.md.
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_PARTS_LIMIT: { status: 413, code: 'payload_too_large' },
  FST_FILES_LIMIT: { status: 413, code: 'payload_too_large' },
  FST_FIELDS_LIMIT: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'bad_request' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported_media_type' },
};

export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendProblem(reply, error.status, error.code, error.message, error.errors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const input = where === 'querystring' ? request.query : where === 'params' ? request.params : where === 'headers' ? request.headers : request.body;
    const errors = error.validation.map((issue): FieldError => {
      const segments = issue.instancePath ? issue.instancePath.split('/').filter(Boolean) : [];
      const value = valueAt(input, segments);
      return {
        path: [where, ...segments].join('.'),
        message: issue.message ?? 'invalid',
        ...fieldErrorCodeOf({ code: issue.keyword, ...issue.params }, value === undefined || value === null),
      };
    });
    return sendProblem(reply, 422, 'validation', 'The request does not match the schema', errors);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: { message: error.message, issues: error.cause.issues } }, 'response did not match its schema');
    return sendProblem(reply, 500, 'internal', `Internal error (request ${request.id})`);
  }
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return sendProblem(reply, mapped.status, mapped.code, fastifyError.message);
  if (fastifyError.statusCode === 429) return sendProblem(reply, 429, 'rate_limited', 'Too many requests; try again later');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return sendProblem(reply, fastifyError.statusCode, 'bad_request', fastifyError.message);
  }
  // Unknown: a generic 500 with the request id; the details go to the log, never to the client.
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 500, 'internal', `Internal error (request ${request.id})`);
}
