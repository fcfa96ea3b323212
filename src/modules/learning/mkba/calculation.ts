/**
 * The MKBA arithmetic (docs/learning.md, "Formulas"): present value, NCW, benefit/cost ratio, IRR, the actor
 * matrix and the sensitivity table. Pure functions on plain numbers, no I/O, so the hand-checked unit tests
 * cover exactly what the API answers. Amounts are euro cents in base-year prices, relative to the
 * nulalternatief; PM lines (amountCents null) are carried beside the balance and never summed.
 */

export const MKBA_ACTORS = ['gemeente', 'corporatie', 'politie', 'zorg', 'bewoners', 'rijk', 'overig'] as const;
export type MkbaActor = (typeof MKBA_ACTORS)[number];
export type LineKind = 'cost' | 'benefit';

export interface CalcLine {
  kind: LineKind;
  actor: MkbaActor;
  year: number;
  /** Whole cents; null for a PM item. */
  amountCents: number | null;
}

export interface CalcSettings {
  baseYear: number;
  horizonYears: number;
  /** Real discount rate as a fraction (0.0225 for 2.25 %). */
  rate: number;
}

/** Present value in (fractional) cents of an amount in `year`, discounted to the base year. */
export function presentValue(amountCents: number, year: number, baseYear: number, rate: number): number {
  return amountCents / Math.pow(1 + rate, year - baseYear);
}

function quantified(lines: readonly CalcLine[]): (CalcLine & { amountCents: number })[] {
  return lines.filter((l): l is CalcLine & { amountCents: number } => l.amountCents !== null);
}

export interface ActorRow {
  actor: MkbaActor;
  pvCostsCents: number;
  pvBenefitsCents: number;
  balanceCents: number;
}

/**
 * PV per actor, each figure rounded to the cent. The totals are the sums of these rows, so the actor table
 * always adds up to the balance shown above it (a cent or two from rounding each line would otherwise show).
 */
export function actorMatrix(lines: readonly CalcLine[], settings: CalcSettings): ActorRow[] {
  const rows: ActorRow[] = [];
  for (const actor of MKBA_ACTORS) {
    let costs = 0;
    let benefits = 0;
    for (const line of quantified(lines)) {
      if (line.actor !== actor) continue;
      const pv = presentValue(line.amountCents, line.year, settings.baseYear, settings.rate);
      if (line.kind === 'cost') costs += pv;
      else benefits += pv;
    }
    const pvCostsCents = Math.round(costs);
    const pvBenefitsCents = Math.round(benefits);
    if (pvCostsCents === 0 && pvBenefitsCents === 0 && !lines.some((l) => l.actor === actor && l.amountCents !== null)) continue;
    rows.push({ actor, pvCostsCents, pvBenefitsCents, balanceCents: pvBenefitsCents - pvCostsCents });
  }
  return rows;
}

export interface Totals {
  pvCostsCents: number;
  pvBenefitsCents: number;
  /** Netto contante waarde: PV benefits − PV costs. */
  ncwCents: number;
  /** PV benefits / PV costs; null when there are no costs. */
  benefitCostRatio: number | null;
}

export function totals(lines: readonly CalcLine[], settings: CalcSettings): Totals {
  const rows = actorMatrix(lines, settings);
  const pvCostsCents = rows.reduce((s, r) => s + r.pvCostsCents, 0);
  const pvBenefitsCents = rows.reduce((s, r) => s + r.pvBenefitsCents, 0);
  return { pvCostsCents, pvBenefitsCents, ncwCents: pvBenefitsCents - pvCostsCents, benefitCostRatio: pvCostsCents > 0 ? pvBenefitsCents / pvCostsCents : null };
}

/** Net cash flow per year offset 0 … horizon (benefits − costs, undiscounted cents). */
export function netCashFlow(lines: readonly CalcLine[], baseYear: number, horizonYears: number): number[] {
  const flow = new Array<number>(horizonYears + 1).fill(0);
  for (const line of quantified(lines)) {
    const t = line.year - baseYear;
    if (t < 0 || t > horizonYears) continue;
    flow[t] = (flow[t] ?? 0) + (line.kind === 'benefit' ? line.amountCents : -line.amountCents);
  }
  return flow;
}

function npv(flow: readonly number[], rate: number): number {
  let sum = 0;
  for (let t = 0; t < flow.length; t++) sum += (flow[t] ?? 0) / Math.pow(1 + rate, t);
  return sum;
}

export type IrrResult =
  | { irr: number; unique: boolean }
  | { irr: null; reason: 'no_sign_change' | 'no_root_found' };

/**
 * Internal rate of return: the rate at which the NCW is zero. Without a sign change in the net cash flow
 * there is none. Otherwise the rates −95 % … 1000 % are scanned for the first bracket where the NPV changes
 * sign, and bisection narrows it to 1e-10. More than one sign change in the flow can give more than one
 * root: `unique` is false then, and the lowest root found is returned.
 */
export function internalRateOfReturn(flow: readonly number[]): IrrResult {
  const signs = flow.filter((v) => v !== 0).map(Math.sign);
  let changes = 0;
  for (let i = 1; i < signs.length; i++) if (signs[i] !== signs[i - 1]) changes++;
  if (changes === 0) return { irr: null, reason: 'no_sign_change' };
  let lo = -0.95;
  let fLo = npv(flow, lo);
  for (let step = 1; lo < 10; step++) {
    const hi = Math.min(10, -0.95 + step * 0.005);
    const fHi = npv(flow, hi);
    if (fLo === 0) return { irr: lo, unique: changes === 1 };
    if (Math.sign(fLo) !== Math.sign(fHi)) return { irr: bisect(flow, lo, hi, fLo), unique: changes === 1 };
    lo = hi;
    fLo = fHi;
  }
  return { irr: null, reason: 'no_root_found' };
}

function bisect(flow: readonly number[], lo: number, hi: number, fLo: number): number {
  let a = lo;
  let b = hi;
  let fa = fLo;
  for (let i = 0; i < 200 && b - a > 1e-12; i++) {
    const mid = (a + b) / 2;
    const fMid = npv(flow, mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fa)) {
      a = mid;
      fa = fMid;
    } else b = mid;
  }
  return (a + b) / 2;
}

/** Lines scaled for the effect-size sensitivity: benefits × factor, costs unchanged. */
function scaleBenefits(lines: readonly CalcLine[], factor: number): CalcLine[] {
  return lines.map((l) => (l.kind === 'benefit' && l.amountCents !== null ? { ...l, amountCents: l.amountCents * factor } : l));
}

/**
 * Lines for a different duration: a shorter horizon drops the years past it; a longer one lets the last
 * year's costs and benefits run on for the extra years (the usual reading of "the effects last longer").
 */
export function withHorizon(lines: readonly CalcLine[], settings: CalcSettings, horizonYears: number): CalcLine[] {
  const lastYear = settings.baseYear + settings.horizonYears;
  const kept = lines.filter((l) => l.year <= settings.baseYear + horizonYears);
  if (horizonYears <= settings.horizonYears) return kept;
  const last = lines.filter((l) => l.year === lastYear && l.amountCents !== null);
  const extra: CalcLine[] = [];
  for (let year = lastYear + 1; year <= settings.baseYear + horizonYears; year++) for (const l of last) extra.push({ ...l, year });
  return [...kept, ...extra];
}

export interface SensitivityRow {
  /** The rate as a fraction, the benefit factor (1 = 100 %), or the horizon in years. */
  value: number;
  ncwCents: number;
  /** True when this NCW is on the other side of zero from the base case (rendabel ↔ niet rendabel). */
  signFlips: boolean;
  isBase: boolean;
}

export interface Sensitivity {
  rate: SensitivityRow[];
  effectSize: SensitivityRow[];
  duration: SensitivityRow[];
}

export const SENSITIVITY_RATES = [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06];
export const SENSITIVITY_EFFECT_FACTORS = [0.5, 0.75, 1, 1.25, 1.5];
export const SENSITIVITY_DURATION_STEP = 5;

const positive = (ncw: number) => ncw > 0;

export function sensitivity(lines: readonly CalcLine[], settings: CalcSettings): Sensitivity {
  const base = totals(lines, settings).ncwCents;
  const row = (value: number, ncwCents: number, isBase: boolean): SensitivityRow => ({ value, ncwCents, signFlips: positive(ncwCents) !== positive(base), isBase });
  const rates = [...new Set([...SENSITIVITY_RATES, settings.rate])].sort((a, b) => a - b);
  const rate = rates.map((r) => row(r, totals(lines, { ...settings, rate: r }).ncwCents, r === settings.rate));
  const effectSize = SENSITIVITY_EFFECT_FACTORS.map((f) => row(f, totals(scaleBenefits(lines, f), settings).ncwCents, f === 1));
  const horizons = [settings.horizonYears - SENSITIVITY_DURATION_STEP, settings.horizonYears, settings.horizonYears + SENSITIVITY_DURATION_STEP].filter((h) => h >= 1);
  const duration = horizons.map((h) => row(h, totals(withHorizon(lines, settings, h), { ...settings, horizonYears: h }).ncwCents, h === settings.horizonYears));
  return { rate, effectSize, duration };
}

export interface AlternativeResult extends Totals {
  actors: ActorRow[];
  irr: IrrResult;
  sensitivity: Sensitivity;
}

export function calculateAlternative(lines: readonly CalcLine[], settings: CalcSettings): AlternativeResult {
  return {
    ...totals(lines, settings),
    actors: actorMatrix(lines, settings),
    irr: internalRateOfReturn(netCashFlow(lines, settings.baseYear, settings.horizonYears)),
    sensitivity: sensitivity(lines, settings),
  };
}
