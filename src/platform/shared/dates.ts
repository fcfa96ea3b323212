import { z } from 'zod';

/**
 * Dates and times as the API takes them. Bounded, because a syntactically valid date such as 0000-01-01
 * does not exist for PostgreSQL (there is no year 0) and reached the database as a 500 (issue 12). The
 * range covers every date the work needs — CBS series since the last century, programmes to 2043,
 * retention and horizons beyond — with room to spare.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

const RANGE_MESSAGE = `a date between ${EARLIEST_DATE} and ${LATEST_DATE}`;
/** The field error code of src/platform/shared/field-errors.ts, with the range the words name. */
const RANGE_CODE = { code: 'out_of_range', minimum: EARLIEST_DATE, maximum: LATEST_DATE };
const earliestMs = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const latestMs = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

// Each check stops the next (abort), so a field gets one error: the words for "not a date" rather than
// also "out of range" for the same wrong value.

/** A calendar date, YYYY-MM-DD, that exists (no 30 February) and lies in the supported range. */
export const IsoDate = z.iso
  .date({ message: 'a date as YYYY-MM-DD', abort: true })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { message: 'not a calendar date', params: { code: 'invalid_date' }, abort: true },
  )
  .refine((value) => value >= EARLIEST_DATE && value <= LATEST_DATE, { message: RANGE_MESSAGE, params: RANGE_CODE });

/** A moment with its UTC offset (ISO 8601), in the supported range. */
export const IsoDateTime = z.iso.datetime({ offset: true, abort: true }).refine((value) => {
  const ms = Date.parse(value);
  return ms >= earliestMs && ms <= latestMs;
}, { message: RANGE_MESSAGE, params: RANGE_CODE });
