import { formatEuro, formatPercentBp } from '../money/format';

/** Money for tables: whole euros (€ 4.301.208); exact amounts with cents where a single booking is shown. */
export const euro = (cents: number) => formatEuro(cents, { decimals: 'never' });
export const euroExact = (cents: number) => formatEuro(cents);
export const percent = (bp: number | null) => (bp === null ? '' : formatPercentBp(bp));
export { parseEuroInput } from '../money/format';
