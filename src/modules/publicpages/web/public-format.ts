import type { PublicFigureYear, PublicKeyFigure } from '../contract';

/** Numbers as residents read them: the indicator's precision (at least one decimal for shares and averages). */
export function formatFigure(value: number, figure: Pick<PublicKeyFigure, 'decimals'>, locale: string): string {
  const digits = Number.isInteger(value) ? 0 : Math.max(figure.decimals, 1);
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits }).format(value);
}

/** What a year's value cell says: the number, or why there is none (never a number for a suppressed value). */
export function figureText(year: PublicFigureYear, figure: PublicKeyFigure, locale: string, words: { suppressed: string; unknown: string }): string {
  if (year.suppressed) return words.suppressed;
  if (year.value === null) return words.unknown;
  return formatFigure(year.value, figure, locale);
}

/** Every year any of the figures has, oldest first. */
export function yearsOf(figures: readonly PublicKeyFigure[]): number[] {
  return [...new Set(figures.flatMap((f) => f.years.map((y) => y.period)))].sort((a, b) => a - b);
}
