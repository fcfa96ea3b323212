import { formatInstant } from '../../shared/time';

/**
 * Dates and times for people: Dutch style in Dutch, British-English style in English, always in
 * Europe/Amsterdam, whatever time zone the browser runs in (docs/time.md).
 */

function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'nl-NL';
}

/** A moment (ISO 8601 with offset) as date and time in Amsterdam: "6 dec 2026, 21:30". */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  return formatInstant(iso, locale);
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date: a calendar date (YYYY-MM-DD) as it is, never shifted a day; a moment as the day it falls on in
 * Amsterdam.
 */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  if (CALENDAR_DATE.test(iso)) {
    const date = new Date(`${iso}T12:00:00Z`);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
  return formatInstant(iso, locale, 'date');
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
