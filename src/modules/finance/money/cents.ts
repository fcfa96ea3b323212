/**
 * Money is integer euro cents end to end. JavaScript numbers hold integers exactly up to 2^53 cents (about
 * € 90 trillion); the API caps amounts far below that (contract.ts MAX_LINE_CENTS, MAX_TOTAL_CENTS). Sums,
 * differences and products go through BigInt, so no intermediate result is ever rounded, and a result that a
 * Number cannot hold exactly is refused (CentsOutOfRangeError), never silently rounded.
 */

/** A sum or product of cents that a JSON number cannot hold exactly. */
export class CentsOutOfRangeError extends RangeError {
  constructor(value: bigint | string) {
    super(`cents out of range: ${String(value)}`);
    this.name = 'CentsOutOfRangeError';
  }
}

export function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertCents(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of cents, got ${value}`);
  return value;
}

/** Integers from the database (bigint arrives as a string from pg) become numbers, refusing unsafe ones. */
export function centsFromDb(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new CentsOutOfRangeError(String(value));
  return n;
}

/** The exact sum, added in BigInt. */
export function sumCents(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += BigInt(assertCents(v));
  return toSafe(total);
}

/** a − b, exactly. */
export function diffCents(a: number, b: number): number {
  return toSafe(BigInt(assertCents(a)) - BigInt(assertCents(b)));
}

function toSafe(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new CentsOutOfRangeError(value);
  return n;
}

/** Division of integers rounded half away from zero (the usual commercial rounding). */
export function divRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** amount × numerator / denominator in cents, rounded once, half away from zero. */
export function mulDiv(amountCents: number, numerator: number | bigint, denominator: number | bigint): number {
  return toSafe(divRoundHalfAway(BigInt(assertCents(amountCents)) * BigInt(numerator), BigInt(denominator)));
}

/**
 * Splits `total` cents over `weights` (non-negative integers) so that the parts add up to `total` exactly:
 * each part gets the floor of its exact share, and the cents left over go one by one to the parts with the
 * largest remainders (ties: the earlier part). The largest-remainder (Hamilton) method.
 */
export function apportion(total: number, weights: readonly (number | bigint)[]): number[] {
  assertCents(total);
  if (total < 0) return apportion(-total, weights).map((v) => (v === 0 ? 0 : -v));
  const w = weights.map((x) => BigInt(x));
  if (w.some((x) => x < 0n)) throw new RangeError('weights must not be negative');
  const sum = w.reduce((a, b) => a + b, 0n);
  if (w.length === 0) return [];
  if (sum === 0n) return w.map(() => 0);
  const t = BigInt(total);
  const floors = w.map((x) => (t * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: (t * x) % sum }));
  let left = t - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map(toSafe);
}

export type AllocationRule = { amountCents: number; shareBp?: undefined } | { shareBp: number; amountCents?: undefined };

/**
 * What each funding source pays of a line. Fixed amounts are taken as given; shares are basis points of the
 * line amount and are apportioned together, so shares adding up to 100 % give exactly the line. Whatever is
 * left is uncovered (not financed yet). Refuses allocations that together exceed the line.
 */
export function resolveAllocations(lineCents: number, rules: readonly AllocationRule[]): { amounts: number[]; uncoveredCents: number } {
  assertCents(lineCents);
  const shareTotalBp = rules.reduce((s, r) => s + (r.shareBp ?? 0), 0);
  if (shareTotalBp > 10_000) throw new RangeError('shares add up to more than 100 %');
  const sharePart = mulDiv(lineCents, shareTotalBp, 10_000);
  const shareIdx = rules.flatMap((r, i) => (r.shareBp !== undefined ? [i] : []));
  const shareAmounts = apportion(sharePart, shareIdx.map((i) => rules[i]?.shareBp ?? 0));
  const amounts = rules.map((r) => r.amountCents ?? 0);
  shareIdx.forEach((ruleIndex, k) => {
    amounts[ruleIndex] = shareAmounts[k] ?? 0;
  });
  const allocated = sumCents(amounts);
  if (allocated > lineCents) throw new RangeError('allocations exceed the line amount');
  return { amounts, uncoveredCents: diffCents(lineCents, allocated) };
}
