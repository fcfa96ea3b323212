import { isFieldErrorCode, type FieldErrorCode, type FieldErrorParams } from '../shared/field-errors.js';

/**
 * A validator issue as a stable field error code with its limits (issue 13, item 7): the web words a field
 * error from `code` and `params`, never from zod's English `message`, which may change with any zod release.
 */

/** What this needs of a zod issue: its code and the properties zod adds per code. */
export interface ValidatorIssue {
  code: string;
  origin?: unknown;
  format?: unknown;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  params?: unknown;
}

export interface CodedFieldError {
  code: FieldErrorCode;
  params?: FieldErrorParams;
}

const DATE_FORMATS = new Set(['date', 'datetime', 'time', 'duration']);
const NUMBER_ORIGINS = new Set(['number', 'int', 'bigint']);
const COLLECTION_ORIGINS = new Set(['array', 'set', 'map', 'file']);

function limit(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

function withParams(code: FieldErrorCode, params: Record<string, unknown>): CodedFieldError {
  const kept: FieldErrorParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'boolean') kept[key] = value;
    else {
      const bound = limit(value);
      if (bound !== undefined) kept[key] = bound;
    }
  }
  return Object.keys(kept).length ? { code, params: kept } : { code };
}

/** A refine's own code: `.refine(check, { message, params: { code: 'invalid_date' } })`. */
function customCode(params: unknown): CodedFieldError {
  if (typeof params !== 'object' || params === null) return { code: 'invalid' };
  const { code, ...rest } = params as Record<string, unknown>;
  return isFieldErrorCode(code) ? withParams(code, rest) : { code: 'invalid' };
}

/**
 * The code of one issue. `missing` says whether the request had no value (or null) at the issue's path, so
 * that a missing field reads "required" rather than "wrong type".
 */
export function fieldErrorCodeOf(issue: ValidatorIssue, missing: boolean): CodedFieldError {
  const origin = typeof issue.origin === 'string' ? issue.origin : '';
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return { code: 'required' };
      if (issue.expected === 'int') return { code: 'not_whole_number' };
      if (issue.expected === 'number' || issue.expected === 'bigint') return { code: 'not_a_number' };
      if (issue.expected === 'date') return { code: 'invalid_date' };
      return { code: 'invalid' };
    case 'too_small':
      if (origin === 'string') return Number(issue.minimum) <= 1 ? { code: 'required' } : withParams('too_short', { minimum: issue.minimum });
      if (COLLECTION_ORIGINS.has(origin)) return Number(issue.minimum) <= 1 ? { code: 'required' } : withParams('too_few', { minimum: issue.minimum });
      if (origin === 'date') return withParams('out_of_range', { minimum: issue.minimum });
      if (NUMBER_ORIGINS.has(origin)) return withParams('too_small', { minimum: issue.minimum, inclusive: issue.inclusive !== false });
      return { code: 'invalid' };
    case 'too_big':
      if (origin === 'string') return withParams('too_long', { maximum: issue.maximum });
      if (COLLECTION_ORIGINS.has(origin)) return withParams('too_many', { maximum: issue.maximum });
      if (origin === 'date') return withParams('out_of_range', { maximum: issue.maximum });
      if (NUMBER_ORIGINS.has(origin)) return withParams('too_large', { maximum: issue.maximum, inclusive: issue.inclusive !== false });
      return { code: 'invalid' };
    case 'invalid_format':
      return typeof issue.format === 'string' && DATE_FORMATS.has(issue.format) ? { code: 'invalid_date' } : { code: 'invalid_format' };
    case 'not_multiple_of':
      return { code: 'not_whole_number' };
    case 'invalid_value':
      return missing ? { code: 'required' } : { code: 'invalid_choice' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    case 'invalid_union':
      return missing ? { code: 'required' } : { code: 'invalid' };
    case 'custom':
      return customCode(issue.params);
    default:
      return missing ? { code: 'required' } : { code: 'invalid' };
  }
}

/** The value at a dotted path in a parsed request part, or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value;
}

/** zod issues of a parse done by hand (a multipart form) as the field errors of a problem body. */
export function fieldErrorsOfIssues(
  issues: readonly (ValidatorIssue & { path: readonly PropertyKey[]; message: string })[],
  input: unknown,
  fallbackPath = 'form',
): { path: string; message: string; code: FieldErrorCode; params?: FieldErrorParams }[] {
  return issues.map((issue) => {
    const path = issue.path.map((key) => String(key));
    const value = valueAt(input, path);
    return { path: path.join('.') || fallbackPath, message: issue.message, ...fieldErrorCodeOf(issue, value === undefined || value === null) };
  });
}
