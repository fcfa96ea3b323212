import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import type { LinkedBenefit, LinkedBenefitResult } from '../contract.js';
import { presentValue } from '../mkba/calculation.js';
import { linkedBenefitYears } from '../mkba/linked-benefit.js';
import { GoalReader } from './linked-benefit-goal.js';

/**
 * A linked benefit as it stands now: the goal's current figures (read through the programmes module), the
 * quantity, and the amount per year of the horizon. A goal that is gone, moved to another area or has lost
 * its indicator or target makes the benefit count 0, with state goal_unavailable so the page can say so.
 */
export async function evaluateLinkedBenefit(
  reader: GoalReader,
  benefit: LinkedBenefit,
  mkba: { areaCode: string; baseYear: number; horizonYears: number; rate: number },
): Promise<LinkedBenefitResult> {
  const base = { id: benefit.id, goalId: benefit.goalId, actor: benefit.actor, unitValueCents: benefit.unitValueCents, unitValueSource: benefit.unitValueSource, description: benefit.description };
  const unavailable: LinkedBenefitResult = { ...base, state: 'goal_unavailable', goal: null, quantity: null, years: [], pvCents: 0 };
  const used = await reader.read(benefit.goalId, mkba.areaCode);
  if (typeof used === 'string') return unavailable;
  let quantity: LinkedBenefitResult['quantity'];
  if (!used.needsQuantity) quantity = { value: 1, source: 'none', sourceText: '', per: 1 };
  else if (benefit.quantity.kind === 'entered') quantity = { value: benefit.quantity.value, source: 'entered', sourceText: benefit.quantity.source, per: used.per };
  else {
    const area = await reader.areaQuantity(used.indicator, mkba.areaCode);
    // A rate linked when it needed no quantity cannot happen (linking refuses it); an area figure that has
    // disappeared leaves nothing to multiply with.
    if (!area || benefit.quantity.kind === 'none') return unavailable;
    quantity = { value: area.value, source: 'area_figure', sourceText: `${area.name} ${area.period}`, per: used.per };
  }
  const years = linkedBenefitYears({ baseline: used.goal.baseline, direction: used.direction, trajectory: used.trajectory, quantity: quantity.value, per: quantity.per, unitValueCents: benefit.unitValueCents }, mkba.baseYear, mkba.horizonYears);
  const pv = years.reduce((sum, y) => sum + presentValue(y.amountCents, y.year, mkba.baseYear, mkba.rate), 0);
  const g = used.goal;
  return {
    ...base,
    state: 'ok',
    goal: { name: g.name, programmeId: g.programmeId, indicatorName: g.indicatorName, unit: g.unit, decimals: g.decimals, areaName: g.areaName, baseline: g.baseline, baselineDate: g.baselineDate, target: g.target, targetDate: g.targetDate, direction: used.direction },
    quantity,
    years,
    pvCents: Math.round(pv),
  };
}

export function goalReader(db: Kysely<Database>, actor: Actor): GoalReader {
  return new GoalReader(db, actor);
}
