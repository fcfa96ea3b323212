/**
 * Calendar dates (YYYY-MM-DD) for people: "21 nov. 2026" in Dutch. A calendar date has no time zone, so it is
 * formatted as UTC noon and never shifts a day in the reader's browser.
 */
export function formatCalendarDate(date: string | null | undefined, locale: string, style: 'medium' | 'long' | 'full' = 'medium'): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: style, timeZone: 'UTC' }).format(parsed);
}
