/** Figures and dates for people: Dutch notation in Dutch (1.234,5), British in English. */

const intlLocale = (locale: string): string => (locale === 'en' ? 'en-GB' : 'nl-NL');

export const NO_VALUE = '–';

export function formatValue(value: number | null | undefined, decimals: number, unit: string, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const digits = Math.max(0, Math.min(6, decimals));
  const text = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  const u = unit.trim();
  if (u === '%') return `${text}%`;
  if (u === '' || u === 'aantal') return text;
  return `${text} ${u}`;
}

/** An ISO calendar date (YYYY-MM-DD) as "1 jan. 2024"; read as UTC so it never shifts a day. */
export function formatIsoDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return NO_VALUE;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatPercent(value: number, locale: string): string {
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value)}%`;
}
