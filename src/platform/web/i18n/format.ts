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

/**
 * The language the app shows, for formatters called without one (money in tables). createI18n keeps it
 * current; a language switch re-renders every translated component, so their amounts follow.
 */
let displayLocale = 'nl';
export function setDisplayLocale(locale: string): void {
  displayLocale = locale;
}
export function getDisplayLocale(): string {
  return displayLocale;
}

/**
 * Money from integer cents, the one money formatter of the web app (issue 13, item 8): € 1.234,56 in
 * Dutch, € 1,234.56 in English, a minus before the sign for negatives (− € 12). Whole euros drop the
 * decimals unless `decimals: 'always'`; `never` rounds to whole euros.
 */
export function formatMoney(cents: number, locale: string = displayLocale, options: { decimals?: 'auto' | 'always' | 'never' } = {}): string {
  const decimals = options.decimals ?? 'auto';
  const abs = Math.abs(Math.trunc(cents));
  const withCents = decimals === 'always' || (decimals === 'auto' && abs % 100 !== 0);
  const amount = decimals === 'never' ? Math.round(abs / 100) : abs / 100;
  const digits = withCents ? 2 : 0;
  const text = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
  return `${cents < 0 ? '\u2212\u00a0' : ''}€\u00a0${text}`;
}

/** A percentage from basis points: 150 → "1,5%" in Dutch, "1.5%" in English. */
export function formatPercentFromBasisPoints(bp: number, locale: string = displayLocale): string {
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(bp / 100)}%`;
}
