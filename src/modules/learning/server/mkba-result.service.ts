import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import type { MkbaResult } from '../contract.js';
import { calculateAlternative } from '../mkba/calculation.js';
import { linkedBenefitLines } from '../mkba/linked-benefit.js';
import { evaluateLinkedBenefit, goalReader } from './linked-benefit-result.js';
import { readMkba } from './mkba.service.js';

/**
 * The calculation of an MKBA as it is stored now (mkba/calculation.ts does the arithmetic). Linked benefits
 * are computed here, at read time, from their goals' current figures, and counted as benefit lines.
 */
export async function mkbaResult(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaResult> {
  const mkba = await readMkba(db, actor, id);
  const settings = { baseYear: mkba.baseYear, horizonYears: mkba.horizonYears, rate: mkba.discountRate / 100 };
  const reader = goalReader(db, actor);
  const alternatives: MkbaResult['alternatives'] = [];
  for (const alternative of mkba.alternatives) {
    const linked = [];
    for (const benefit of alternative.linkedBenefits) linked.push(await evaluateLinkedBenefit(reader, benefit, { areaCode: mkba.areaCode, ...settings }));
    const lines = [...alternative.lines, ...linked.flatMap((b) => linkedBenefitLines(b.years, b.actor))];
    const result = calculateAlternative(lines, settings);
    const asPercent = (rows: typeof result.sensitivity.rate, factor: number) => rows.map((r) => ({ ...r, value: Math.round(r.value * factor * 100) / 100 }));
    alternatives.push({
      alternativeId: alternative.id,
      name: alternative.name,
      pvCostsCents: result.pvCostsCents,
      pvBenefitsCents: result.pvBenefitsCents,
      ncwCents: result.ncwCents,
      benefitCostRatio: result.benefitCostRatio,
      irrPercent: result.irr.irr === null ? null : result.irr.irr * 100,
      irrUnique: result.irr.irr === null ? false : result.irr.unique,
      irrNone: result.irr.irr === null ? result.irr.reason : null,
      actors: result.actors,
      pmItems: alternative.lines.filter((l) => l.amountCents === null),
      linkedBenefits: linked,
      sensitivity: { rate: asPercent(result.sensitivity.rate, 100), effectSize: asPercent(result.sensitivity.effectSize, 100), duration: result.sensitivity.duration },
    });
  }
  return { mkbaId: mkba.id, baseYear: mkba.baseYear, horizonYears: mkba.horizonYears, discountRate: mkba.discountRate, isDemo: mkba.isDemo, alternatives };
}
