import { divRoundHalfAway, sumCents } from './cents.js';

/**
 * Amounts × € 1.000 as a municipal budget-effect table prints them. Each amount is rounded to whole thousands
 * half away from zero (€ 18.500 → 19, −€ 18.500 → −19). A column must add up as printed, so the total is the
 * rounded exact total, and when the rounded rows miss it, the rows closest to their rounding boundary are
 * moved by one thousand in the direction needed (largest remainder), never a row whose exact amount is zero.
 */
export function roundToThousands(cents: number): number {
  return Number(divRoundHalfAway(BigInt(cents), 100_000n));
}

export function roundColumn(exactCents: readonly number[]): { rows: number[]; total: number } {
  const total = roundToThousands(sumCents(exactCents));
  const rows = exactCents.map(roundToThousands);
  let diff = total - rows.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const step = diff > 0 ? 1 : -1;
    let best = -1;
    let bestGain = -Infinity;
    exactCents.forEach((exact, i) => {
      if (exact === 0) return;
      // How far the exact amount lies from the printed one, in the direction we need to move.
      const gain = (exact / 100_000 - (rows[i] ?? 0)) * step;
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    });
    if (best < 0) break;
    rows[best] = (rows[best] ?? 0) + step;
    diff -= step;
  }
  return { rows, total };
}
