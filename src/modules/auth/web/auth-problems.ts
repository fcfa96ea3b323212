import { ApiProblem } from '../../../platform/web/api-client';

/**
 * Problems of the auth module that the pages explain at a field in their own words, instead of the
 * server's English detail: the message key (auth namespace) per field.
 */
const FIELD_PROBLEMS: Record<string, { field: string; key: string }> = {
  'user.password_weak': { field: 'password', key: 'users.passwordWeak' },
};

/** The field and message key for a known problem, or null (then the generic error summary applies). */
export function knownFieldProblem(error: unknown): { field: string; key: string } | null {
  if (!(error instanceof ApiProblem)) return null;
  return FIELD_PROBLEMS[error.code] ?? null;
}
