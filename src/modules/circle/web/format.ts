/** A calendar day (YYYY-MM-DD) in the reader's language, without time-zone arithmetic. */
export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date!)).toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A figure in the reader's language, with at most two decimals. */
export function formatNumber(value: number, language: string): string {
  return value.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 });
}
