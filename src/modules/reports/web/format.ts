/** Calendar dates (YYYY-MM-DD) as people read them: "6 december 2026"; formatted at UTC noon so a day never shifts. */
export function formatDay(date: string | null | undefined, locale: string, style: 'medium' | 'long' = 'long'): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: style, timeZone: 'UTC' }).format(parsed);
}

/** Today in the Netherlands as YYYY-MM-DD: the peildatum a snapshot taken now gets. */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
