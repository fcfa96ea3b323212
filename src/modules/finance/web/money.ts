import { formatMoney, formatPercentFromBasisPoints, getDisplayLocale } from '../../../platform/web/i18n/format';
import { parseEuroInput as parseDutchEuroInput } from '../money/format';

/**
 * Money for tables: whole euros (€ 4.301.208, in English € 4,301,208); exact amounts with cents where a
 * single booking is shown. The platform's one money formatter, in the language the app shows.
 */
export const euro = (cents: number) => formatMoney(cents, undefined, { decimals: 'never' });
export const euroExact = (cents: number) => formatMoney(cents);
export const percent = (bp: number | null) => (bp === null ? '' : formatPercentFromBasisPoints(bp));
/**
 * What a user types for an amount, in cents; null if it is not money. In English the separators are the
 * other way round ("12,500" or "1234.56"), as the amounts are shown.
 */
export function parseEuroInput(text: string): number | null {
  const dutch = getDisplayLocale() === 'en' ? text.replace(/[.,]/g, (separator) => (separator === '.' ? ',' : '.')) : text;
  return parseDutchEuroInput(dutch);
}
