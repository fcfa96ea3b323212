/**
 * Dutch currency notation from integer cents, without floating point: € 4.301.208 or € 1.234,56, a minus
 * before the sign for negatives (− € 12). Whole euros drop the decimals unless `decimals: 'always'`.
 */
export function formatEuro(cents: number, options: { decimals?: 'auto' | 'always' | 'never' } = {}): string {
  const decimals = options.decimals ?? 'auto';
  const negative = cents < 0;
  let abs = BigInt(Math.abs(Math.trunc(cents)));
  if (decimals === 'never') abs = ((abs + 50n) / 100n) * 100n;
  const euros = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = abs % 100n;
  const fraction = decimals === 'always' || (decimals === 'auto' && rest !== 0n) ? `,${rest.toString().padStart(2, '0')}` : '';
  return `${negative ? '−\u00a0' : ''}€\u00a0${euros}${fraction}`;
}

/** Parses what a Dutch user types for an amount ("4.301.208", "1234,56", "€ 12,5") into cents; null if not money. */
export function parseEuroInput(text: string): number | null {
  const cleaned = text.replace(/[€\s\u00a0]/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.replace(/\./g, '').split(',');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  const n = Number(cents);
  return Number.isSafeInteger(n) ? n : null;
}

/** Basis points as a Dutch percentage: 150 → "1,5 %". */
export function formatPercentBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  return `${whole}${rest ? `,${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''}%`;
}
