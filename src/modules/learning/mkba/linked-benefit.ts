import type { CalcLine, MkbaActor } from './calculation.js';

/**
 * A benefit tied to an operational goal (docs/learning.md, "Linked benefits"): per year of the horizon
 *
 *   effect(year)  = (trajectory(year) − baseline) × direction          (indicator points gained)
 *   amount(year)  = effect(year) × quantity / per × unit value          (euro cents, rounded to the cent)
 *
 * `trajectory` is the goal's own trajectory (the programmes module's trajectoryValue, on 1 January of the year
 * as its yearly figures are dated), so before the goal's baseline date it gives the baseline (effect 0) and
 * after its target date the target: the effect holds at the target for the rest of the horizon. Pure: the
 * caller passes the goal's figures in, the unit tests check the arithmetic by hand.
 */

export interface LinkedBenefitFigures {
  baseline: number;
  /** +1 when a higher value is better, −1 when a lower one is (the indicator's good direction). */
  direction: 1 | -1;
  /** The trajectory's value of the goal in a year. */
  trajectory: (year: number) => number;
  /** What a rate or share applies to (inhabitants, households…); 1 for a count. */
  quantity: number;
  /** 100 for a percentage, 1000 for a rate per 1 000; 1 for a count. */
  per: number;
  unitValueCents: number;
}

export interface LinkedBenefitYear {
  year: number;
  /** The goal's trajectory in that year. */
  value: number;
  /** Indicator points gained over the baseline, in the good direction. */
  effect: number;
  amountCents: number;
}

export function linkedBenefitYears(figures: LinkedBenefitFigures, baseYear: number, horizonYears: number): LinkedBenefitYear[] {
  const years: LinkedBenefitYear[] = [];
  for (let year = baseYear; year <= baseYear + horizonYears; year++) {
    const value = figures.trajectory(year);
    const effect = (value - figures.baseline) * figures.direction;
    // + 0 turns a −0 (no effect on a falling indicator) into 0.
    const amountCents = Math.round((effect * figures.quantity * figures.unitValueCents) / figures.per) + 0;
    years.push({ year, value, effect, amountCents });
  }
  return years;
}

/** The years as benefit lines of an actor for the calculation; years without effect add nothing. */
export function linkedBenefitLines(years: readonly LinkedBenefitYear[], actor: MkbaActor): CalcLine[] {
  return years.filter((y) => y.amountCents !== 0).map((y) => ({ kind: 'benefit', actor, year: y.year, amountCents: y.amountCents }));
}

/**
 * How many of the unit a rate's point is about: "%" is per 100, "per 1 000 inwoners" per 1000, "per 100 …"
 * per 100; anything else (a count, an average per household) per 1.
 */
export function perOfUnit(unit: string): number {
  const text = unit.trim().toLowerCase();
  if (text === '%' || text.startsWith('% ')) return 100;
  const match = /^per\s+(\d{1,3}(?:[\s.\u00a0]\d{3})*)\b/.exec(text);
  if (match?.[1]) return Number(match[1].replace(/[\s.\u00a0]/g, ''));
  return 1;
}
