/**
 * Checks on the user form, run in the browser so people get Dutch messages at once. They mirror the zod
 * schemas in contract.ts (which the server applies regardless); keep the two in step.
 */

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;
export const AREA_CODE_PATTERN = /^(GM\d{4}|WK\d{6}|BU\d{8}|FA[A-Za-z0-9_-]{1,40})$/;
export const MIN_PASSWORD_LENGTH = 12;
// Deliberately loose: the server validates properly; this only catches obvious typos.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Splits "GM0505, wk050503  BU05050301" into codes; CBS prefixes are upper case, so we fix the case. */
export function parseAreaCodes(text: string): { codes: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/^(gm|wk|bu|fa)/i.test(part) ? part.slice(0, 2).toUpperCase() + part.slice(2) : part));
  const codes = [...new Set(parts)];
  return { codes: codes.filter((code) => AREA_CODE_PATTERN.test(code)), invalid: codes.filter((code) => !AREA_CODE_PATTERN.test(code)) };
}

export interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  password: string;
  organisationId: string;
  roles: string[];
  areaScopes: string;
}

export type UserFormField = keyof UserFormValues;

/** A message key (in the auth namespace) per field that is wrong; `mode` says which fields apply. */
export function validateUserForm(values: UserFormValues, mode: 'create' | 'edit'): Partial<Record<UserFormField, { key: string; codes?: string }>> {
  const errors: Partial<Record<UserFormField, { key: string; codes?: string }>> = {};
  if (mode === 'create') {
    if (!values.username.trim()) errors.username = { key: 'users.required' };
    else if (!USERNAME_PATTERN.test(values.username.trim())) errors.username = { key: 'users.usernameFormat' };
    if (!values.password) errors.password = { key: 'users.required' };
    else if (values.password.length < MIN_PASSWORD_LENGTH) errors.password = { key: 'users.passwordLength' };
  }
  if (!values.displayName.trim()) errors.displayName = { key: 'users.required' };
  if (values.email.trim() && !EMAIL_PATTERN.test(values.email.trim())) errors.email = { key: 'users.emailFormat' };
  if (!values.organisationId) errors.organisationId = { key: 'users.required' };
  if (values.roles.length === 0) errors.roles = { key: 'users.rolesRequired' };
  const { invalid } = parseAreaCodes(values.areaScopes);
  if (invalid.length > 0) errors.areaScopes = { key: 'users.areaFormat', codes: invalid.join(', ') };
  return errors;
}
