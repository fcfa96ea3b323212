import type { Indicator } from '../contract';

/** Figures for people: Dutch notation in Dutch (1.234,5), British in English (1,234.5). */

function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'nl-NL';
}

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Shown where there is no value (unknown or suppressed). */
export const NO_VALUE = '–';

export function formatFigure(value: number | null | undefined, decimals: number, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return numberFormat(locale, Math.max(0, Math.min(6, decimals))).format(value);
}

/** A value with its unit: "12,3%", "1.234", "€ 23.400" stays as the catalogue's unit says ("x 1 000 euro"). */
export function formatIndicatorValue(value: number | null | undefined, indicator: Pick<Indicator, 'decimals' | 'unit'> | undefined, locale: string, withUnit = true): string {
  const text = formatFigure(value, indicator?.decimals ?? 1, locale);
  if (text === NO_VALUE || !withUnit || !indicator?.unit) return text;
  const unit = indicator.unit.trim();
  if (unit === '%') return `${text}%`;
  if (unit === 'aantal' || unit === 'count' || unit === '') return text;
  return `${text} ${unit}`;
}

/** Index 100 = municipality; whole numbers. */
export function formatIndex(value: number | null | undefined, locale: string): string {
  return formatFigure(value, 0, locale);
}

/** A z-score or composite, signed, two decimals: "+1,25", "−0,40". */
export function formatScore(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const text = numberFormat(locale, 2).format(Math.abs(value));
  if (Math.abs(value) < 0.005) return numberFormat(locale, 2).format(0);
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** Indicators per theme, themes and names in alphabetical order (Dutch collation). */
export function groupByTheme<T extends Pick<Indicator, 'theme' | 'name'>>(indicators: readonly T[], locale: string): { theme: string; items: T[] }[] {
  const collator = new Intl.Collator(intlLocale(locale));
  const groups = new Map<string, T[]>();
  for (const indicator of indicators) {
    const list = groups.get(indicator.theme) ?? [];
    list.push(indicator);
    groups.set(indicator.theme, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([theme, items]) => ({ theme, items: items.sort((a, b) => collator.compare(a.name, b.name)) }));
}
