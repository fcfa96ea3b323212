import type { TFunction } from 'i18next';
import type { FieldErrorLink } from '../components/ErrorSummary';
import { fieldErrorMessage, fieldMessages } from './field-error-message';

/**
 * For the small forms of one text (a decision, a reason, a note): the browser's check in the words of the
 * one mapping (common:fieldErrors), so a message reads the same whether the browser or the server found it.
 */
export function textCheck(value: string, minimum: number, t: TFunction, locale: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return fieldErrorMessage({ code: 'required', params: {} }, t, locale);
  if (trimmed.length < minimum) return fieldErrorMessage({ code: 'too_short', params: { minimum } }, t, locale);
  return undefined;
}

/**
 * The one field's message (the browser's check first, else the server's field error for `name`) and the
 * summary's link to it; `serverError` is then left out of the summary's own list so nothing shows twice.
 */
export function oneFieldError(
  checked: string | undefined,
  serverError: unknown,
  field: { name: string; id: string; label: string },
  t: TFunction,
  locale: string,
): { message: string | undefined; links: FieldErrorLink[] } {
  const message = checked ?? fieldMessages(serverError, t, locale)[field.name];
  return { message, links: message ? [{ fieldId: field.id, label: field.label, message }] : [] };
}
