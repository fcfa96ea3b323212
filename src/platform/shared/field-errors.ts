/**
 * The stable codes of field errors in a problem+json body (`errors[].code`, with limits in `errors[].params`).
 * The server derives them from the validator (src/platform/server/field-error-codes.ts) or sets them in a
 * service; the web turns code + field label into words (src/platform/web/i18n/field-error-message.ts). The
 * English `message` beside them stays for API clients and logs, never for the screen.
 */
export const FIELD_ERROR_CODES = [
  /** Nothing given, or only spaces. */
  'required',
  /** Text shorter than params.minimum characters. */
  'too_short',
  /** Text longer than params.maximum characters. */
  'too_long',
  /** Fewer than params.minimum items chosen. */
  'too_few',
  /** More than params.maximum items. */
  'too_many',
  /** A number below params.minimum (params.inclusive false: it must be above it). */
  'too_small',
  /** A number above params.maximum. */
  'too_large',
  /** A date or number outside params.minimum–params.maximum. */
  'out_of_range',
  /** Not a number. */
  'not_a_number',
  /** A number with decimals where a whole number is needed. */
  'not_whole_number',
  /** Not a date (or date and time) that exists. */
  'invalid_date',
  /** A date that lies before another date of the form (params.after: the other field). */
  'date_before_start',
  /** A date that must lie in the future. */
  'date_in_past',
  /** A date (and time) that must not lie in the future. */
  'date_in_future',
  /** A choice the rules do not allow here (a legal regime for this category, persons where none may be named). */
  'not_allowed',
  /** Text that does not have the form the field needs (a code, a colour, six digits). */
  'invalid_format',
  /** A value that is not one of the choices. */
  'invalid_choice',
  /** Something chosen that does not exist (any more) or that the user cannot see. */
  'unknown_reference',
  /** The same thing twice. */
  'duplicate',
  /** An area that does not lie in the chosen municipality. */
  'area_outside_municipality',
  /** An area of a kind that cannot be chosen here. */
  'area_not_allowed',
  /** A property the API does not know (a client error; a form never sends one). */
  'unknown_field',
  /** Anything else: the problem's own code tells more. */
  'invalid',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrorParams = Record<string, string | number | boolean>;

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}
