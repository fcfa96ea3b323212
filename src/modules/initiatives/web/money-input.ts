/**
 * Euros as a resident types them — "1.250", "1250,50", "€ 12,5" — into whole cents; null when it is not an
 * amount. Dots are thousands separators and the comma the decimal sign, as Dutch writes money.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/€|\s/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '', fraction = ''] = cleaned.replace(/\./g, '').split(',');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
