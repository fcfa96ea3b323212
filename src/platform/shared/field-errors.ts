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
  /** Not a date (or date and time) that exists. In a file, params.written says how it is written there: `iso` (2026-09-01T08:00:00Z) or `iso_day` (2026-09-01). */
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
  // Codes of the bad rows of an import (a CBS or values file, area boundaries, a signals CSV). The path of
  // such an error names the place in the file (`line 4, column value`, `feature 2, geometry`).
  /** Not a CBS area code (GM…, WK…, BU…), or one of a kind that cannot be used here. */
  'invalid_area_code',
  /** An area code the application does not know for the year (params.code, params.year): its boundaries are not imported. */
  'unknown_area',
  /** An area code that no longer exists in the year of the row: it was re-divided from params.year on (params.code). */
  'area_redivided',
  /** An indicator code that is not in the catalogue (params.code). */
  'unknown_indicator',
  /** The same row (area, indicator and year; or the same id) occurs twice in one file. */
  'duplicate_row',
  /** Text with a character that has no place in text (a NUL, a broken character). */
  'invalid_characters',
  /** An area boundary that cannot be used (no coordinates, a broken ring, outside the globe). */
  'invalid_geometry',
  /** A boundary with more than params.maximum points. */
  'too_many_positions',
  /** A crosswalk line that links areas of two different levels (a wijk to a buurt). */
  'area_level_mismatch',
  /** The shares of one old area in a crosswalk do not add up to 1 (params.total: what they add up to). */
  'shares_not_whole',
  /** A crosswalk line that contradicts other lines of the file or the areas and figures already stored (params.code: the area). */
  'crosswalk_conflict',
  /** A point (longitude, latitude) that lies in no buurt the application knows. */
  'point_outside_areas',
  /** A column in a file's header that this kind of file does not have (params.name). */
  'unknown_column',
  /** A column this kind of file needs that the header lacks (params.name). */
  'missing_column',
  /** A file with no rows to read. */
  'no_rows',
  /** A file that is not valid CSV from this place on (a quote not closed, a record far too long). */
  'invalid_csv',
  /** Not an error at one place: params.count more bad rows that the report does not list. */
  'more_not_listed',
  /** Anything else: the problem's own code tells more. */
  'invalid',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrorParams = Record<string, string | number | boolean>;

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}
