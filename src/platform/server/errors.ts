
/**
 * The one error type of the application. Services throw it; the error handler turns it into
 * application/problem+json (RFC 9457) as API.md describes. `code` is stable and becomes the problem `type`.
 */
import type { FieldErrorCode, FieldErrorParams } from '../shared/field-errors.js';

export interface FieldError {
  path: string;
  /** English, for API clients and logs; the web words the error from `code` and `params`. */
  message: string;
  /** Stable (src/platform/shared/field-errors.ts); a field error without one is answered as `invalid`. */
  code?: FieldErrorCode;
  /** Limits and the like that the words need: minimum, maximum. */
  params?: FieldErrorParams;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, code = 'not_found'): AppError => new AppError(code, 404, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this'): AppError =>
  new AppError('forbidden', 403, message);
export const conflict = (code: string, message: string): AppError => new AppError(code, 409, message);
export const invalid = (code: string, message: string, errors?: FieldError[]): AppError =>
  new AppError(code, 422, message, errors);
