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

/** Refusals of the four-eyes rule, in plain words: the message key (auth namespace) per problem code. */
const ROLE_GRANT_PROBLEMS: Record<string, string> = {
  'role_grant.same_administrator': 'users.grantProblems.sameAdministrator',
  'role_grant.own': 'users.grantProblems.own',
  'role_grant.decided': 'users.grantProblems.decided',
  'role_grant.user_disabled': 'users.grantProblems.userDisabled',
  'role_grant.not_found': 'users.grantProblems.decided',
  'user.own_roles': 'users.grantProblems.ownRoles',
};

/** The message key for a refusal of a role grant or of a change of one's own roles, or null. */
export function roleGrantProblemKey(error: unknown): string | null {
  if (!(error instanceof ApiProblem)) return null;
  return ROLE_GRANT_PROBLEMS[error.code] ?? null;
}
