import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../../platform/web/api-client';
import type { FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { fieldErrorMessage } from '../../../../platform/web/i18n/field-error-message';

/**
 * The run form's fields by the last part of a field error's path: the request nests them
 * (`body.source.signals.to`, `body.source.period`), so the common "first part" rule would give every one
 * of them to `source`. Values are the control ids of the form.
 */
export const RUN_FIELD_IDS: Readonly<Record<string, string>> = {
  municipality: 'hotspot-municipality',
  indicator: 'hotspot-indicator',
  level: 'hotspot-level',
  period: 'hotspot-year',
  from: 'hotspot-from',
  to: 'hotspot-to',
  cell: 'hotspot-resolution',
  weights: 'hotspot-weights',
  statistic: 'hotspot-statistic',
};

/** Words per control id (the first error of each), for the errors the server tied to a field of the form. */
export function runFieldMessages(error: unknown, t: TFunction, locale: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiProblem)) return result;
  for (const problem of error.errors) {
    const id = RUN_FIELD_IDS[problem.path.split('.').pop() ?? ''];
    if (id && !(id in result)) result[id] = fieldErrorMessage(problem, t, locale);
  }
  return result;
}

/** Checks in the browser before a run on signals: both days filled in, the period not backwards. */
export function checkSignalPeriod(from: string, to: string, t: TFunction, locale: string): Record<string, string> {
  const result: Record<string, string> = {};
  const required = fieldErrorMessage({ code: 'required', params: {} }, t, locale);
  if (!from) result['hotspot-from'] = required;
  if (!to) result['hotspot-to'] = required;
  if (from && to && to < from) result['hotspot-to'] = fieldErrorMessage({ code: 'date_before_start', params: { start: from } }, t, locale);
  return result;
}

/** The messages as links for the ErrorSummary, in the order of the form. */
export function runFieldLinks(messages: Record<string, string>, labelOf: (id: string) => string): FieldErrorLink[] {
  return Object.values(RUN_FIELD_IDS).flatMap((id) => (messages[id] ? [{ fieldId: id, label: labelOf(id), message: messages[id] }] : []));
}
