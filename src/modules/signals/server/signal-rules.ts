import type { FieldError } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import type { CreateSignal } from '../contract.js';
import type { CategoryRow, RegimeRow } from './taxonomy.queries.js';

/**
 * The rules a new signal must meet beyond its shape: the category's regimes and allowed fields (data
 * minimisation), criminal-law data only under a regime that allows it (SECURITY.md 6), the registering
 * organisation must take part in the regime, and retention within the category's term. Pure, so the
 * table-driven test can cover it; returns every problem at once.
 */
export function signalRuleErrors(
  input: Pick<CreateSignal, 'category' | 'legalRegime' | 'occurredAt' | 'retentionUntil' | 'details' | 'persons' | 'groups'>,
  taxonomy: { categories: readonly CategoryRow[]; regimes: readonly RegimeRow[] },
  context: { organisationKind: string; today: string },
): FieldError[] {
  const errors: FieldError[] = [];
  const category = taxonomy.categories.find((c) => c.code === input.category);
  const regime = taxonomy.regimes.find((r) => r.code === input.legalRegime);
  if (!category) errors.push({ path: 'category', message: 'unknown category', code: 'unknown_reference' });
  if (!regime) errors.push({ path: 'legalRegime', message: 'unknown legal regime', code: 'unknown_reference' });
  if (Date.parse(input.occurredAt) > Date.parse(`${context.today}T00:00:00Z`) + 2 * 86_400_000) {
    errors.push({ path: 'occurredAt', message: 'a signal cannot lie in the future', code: 'date_in_future' });
  }
  if (!category || !regime) return errors;
  if (category.criminal_law && !regime.allows_criminal_law) {
    errors.push({ path: 'legalRegime', message: `category ${category.code} holds criminal-law data; regime ${regime.code} does not allow that`, code: 'not_allowed' });
  } else if (!category.allowed_regimes.includes(regime.code)) {
    errors.push({ path: 'legalRegime', message: `category ${category.code} may be registered under ${category.allowed_regimes.join(', ')} only`, code: 'not_allowed' });
  }
  if (!regime.partner_kinds.includes(context.organisationKind)) {
    errors.push({ path: 'legalRegime', message: `your organisation does not take part in regime ${regime.code}`, code: 'not_allowed' });
  }
  if (input.persons?.length && !category.allows_persons) errors.push({ path: 'persons', message: `category ${category.code} does not allow persons`, code: 'not_allowed' });
  if (input.groups?.length && !category.allows_groups) errors.push({ path: 'groups', message: `category ${category.code} does not allow groups`, code: 'not_allowed' });
  for (const [name, value] of Object.entries(input.details ?? {})) {
    const field = category.detail_fields[name];
    const path = `details.${name}`;
    if (!field) errors.push({ path, message: `not an allowed field for category ${category.code}`, code: 'not_allowed' });
    else if (field.type === 'integer' && (typeof value !== 'number' || (field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))) {
      errors.push({ path, message: `a whole number${field.min !== undefined ? ` from ${field.min}` : ''}${field.max !== undefined ? ` to ${field.max}` : ''}`, ...numberRange(field) });
    } else if (field.type === 'enum' && (typeof value !== 'string' || !(field.values ?? []).includes(value))) {
      errors.push({ path, message: `one of ${(field.values ?? []).join(', ')}`, code: 'invalid_choice' });
    } else if (field.type === 'text' && typeof value !== 'string') errors.push({ path, message: 'text', code: 'invalid' });
  }
  if (input.retentionUntil !== undefined) {
    const max = defaultRetentionUntil(context.today, category.default_retention_months);
    if (input.retentionUntil <= context.today) errors.push({ path: 'retentionUntil', message: 'must lie in the future', code: 'date_in_past' });
    else if (input.retentionUntil > max) errors.push({ path: 'retentionUntil', message: `at most ${max} (the category's term); extend later with a recorded reason`, code: 'out_of_range', params: { maximum: max } });
  }
  return errors;
}

/** The field error code of a whole number outside its range, with the range (src/platform/shared/field-errors.ts). */
function numberRange(field: { min?: number; max?: number }): Pick<FieldError, 'code' | 'params'> {
  const params: Record<string, number> = {};
  if (field.min !== undefined) params.minimum = field.min;
  if (field.max !== undefined) params.maximum = field.max;
  return { code: 'out_of_range', params };
}

/** Today plus the category's term in months (clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb). */
export function defaultRetentionUntil(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const targetMonth = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, targetMonth, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * Today as a date: the day in the Netherlands (docs/time.md), not the UTC day, so a retention term ends and a
 * new signal's date is judged at Dutch midnight.
 */
export function isoDay(date: Date): string {
  return calendarDayOf(date);
}
