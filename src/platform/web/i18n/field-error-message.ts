import type { TFunction } from 'i18next';
import { ApiProblem, type FieldProblem } from '../api-client';
import type { FieldErrorLink } from '../components/ErrorSummary';
import { formatDate, formatNumber } from './format';

/**
 * The one mapping from a field error's code to words on screen (issue 13, item 7). The server gives each
 * field error a stable code with its limits (src/platform/shared/field-errors.ts); here code and limits
 * become a Dutch or English sentence from common:fieldErrors. The server's English message is never shown.
 */

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** A limit as a person reads it: a date as a date, a number in the locale's style. */
function limitText(value: string | number | boolean | undefined, locale: string): string {
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'string' && DATE.test(value)) return formatDate(value.slice(0, 10), locale);
  return value === undefined ? '' : String(value);
}

/** The params the words of these codes name; without them the code reads in its `_plain` words (never `{{code}}`). */
const NAMED_PARAMS: Partial<Record<FieldProblem['code'], readonly string[]>> = {
  unknown_area: ['code', 'year'],
  area_redivided: ['code', 'year'],
  unknown_indicator: ['code'],
  shares_not_whole: ['total'],
  crosswalk_conflict: ['code'],
  unknown_column: ['name'],
  missing_column: ['name'],
  more_not_listed: ['count'],
};

/** The message key of a code: some codes read differently with or without a limit. */
function messageKey(problem: Pick<FieldProblem, 'code' | 'params'>): string {
  const { code, params } = problem;
  if (code === 'out_of_range') {
    if (params.minimum !== undefined && params.maximum !== undefined) return 'out_of_range_between';
    return params.minimum !== undefined ? 'out_of_range_from' : params.maximum !== undefined ? 'out_of_range_until' : 'out_of_range';
  }
  if (code === 'too_small') return params.inclusive === false ? 'too_small_exclusive' : 'too_small';
  if (code === 'too_large') return params.inclusive === false ? 'too_large_exclusive' : 'too_large';
  if (code === 'date_before_start' && params.start !== undefined) return 'date_before_start_at';
  // A date in an imported file (params.written): ISO 8601 as the file needs it, not a form's 31-12-2026.
  if (code === 'invalid_date' && (params.written === 'iso' || params.written === 'iso_day')) return `invalid_date_${params.written}`;
  if (NAMED_PARAMS[code]?.some((name) => params[name] === undefined)) return `${code}_plain`;
  return code;
}

/** Words for one field error, in the current language. */
export function fieldErrorMessage(problem: Pick<FieldProblem, 'code' | 'params'>, t: TFunction, locale: string): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(problem.params)) values[key] = limitText(value, locale);
  return t(`common:fieldErrors.${messageKey(problem)}`, { ...values, defaultValue: t('common:fieldErrors.invalid') });
}

/** The words per form field (the first error of each), keyed by field name: `body.roles.0` → `roles`. */
export function fieldMessages(error: unknown, t: TFunction, locale: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiProblem)) return result;
  for (const problem of error.errors) {
    const field = ApiProblem.fieldOf(problem.path);
    if (field && !(field in result)) result[field] = fieldErrorMessage(problem, t, locale);
  }
  return result;
}

/**
 * The server's field errors as links for the ErrorSummary, for the fields the form shows: `locate` gives a
 * field name's control id and label, or null for a field the form does not show (left to the heading).
 */
export function serverFieldLinksWith(error: unknown, t: TFunction, locale: string, locate: (field: string) => { id: string; label: string } | null): FieldErrorLink[] {
  return Object.entries(fieldMessages(error, t, locale)).flatMap(([name, message]) => {
    const field = locate(name);
    return field ? [{ fieldId: field.id, label: field.label, message }] : [];
  });
}

/** serverFieldLinksWith for a fixed list: field name → the control's id and its label. */
export function serverFieldLinks(error: unknown, t: TFunction, locale: string, fields: Readonly<Record<string, { id: string; label: string }>>): FieldErrorLink[] {
  return serverFieldLinksWith(error, t, locale, (name) => fields[name] ?? null);
}
