/** Money and percentages for people, by locale: "€ 1.234,56" in Dutch, "€1,234.56" in English. */

const intl = (locale: string) => (locale === 'en' ? 'en-GB' : 'nl-NL');

export function formatEuros(cents: number, locale: string): string {
  return new Intl.NumberFormat(intl(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatPercent(percent: number, locale: string, digits = 2): string {
  return `${new Intl.NumberFormat(intl(locale), { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(percent)} %`;
}

export function formatRatio(ratio: number, locale: string): string {
  return new Intl.NumberFormat(intl(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ratio);
}

/** "1.234,56" or "1234.56" → cents; null when it is not an amount with at most two decimals. */
export function parseEuros(text: string, locale: string): number | null {
  let cleaned = text.replace(/[€\s]/g, '');
  cleaned = locale === 'en' ? cleaned.replace(/,/g, '') : cleaned.replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** "2,25" or "2.25" → 2.25; null when it is not a number. */
export function parsePercent(text: string): number | null {
  const cleaned = text.replace('%', '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Cents as a person types an amount: "1234,56" in Dutch, "1234.56" in English, no thousands separator. */
export function formatAmountInput(cents: number, locale: string): string {
  const text = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** An indicator value or a quantity: "1.234,5" / "1,234.5", at most `digits` decimals. */
export function formatNumber(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(intl(locale), { maximumFractionDigits: digits }).format(value);
}
