/** Numbers on the results page: one decimal for a mean rating, whole percentages, the locale's separators. */
export function formatFigure(value: number, locale: string, decimals: number): string {
  return new Intl.NumberFormat(locale.startsWith('en') ? 'en-GB' : 'nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}
