import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import type { MkbaResult } from '../contract.js';
import { calculateAlternative } from '../mkba/calculation.js';
import { readMkba } from './mkba.service.js';

/** The calculation of an MKBA as it is stored now (mkba/calculation.ts does the arithmetic). */
export async function mkbaResult(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaResult> {
  const mkba = await readMkba(db, actor, id);
  const settings = { baseYear: mkba.baseYear, horizonYears: mkba.horizonYears, rate: mkba.discountRate / 100 };
  return {
    mkbaId: mkba.id,
    baseYear: mkba.baseYear,
    horizonYears: mkba.horizonYears,
    discountRate: mkba.discountRate,
    isDemo: mkba.isDemo,
    alternatives: mkba.alternatives.map((alternative) => {
      const result = calculateAlternative(alternative.lines, settings);
      const asPercent = (rows: typeof result.sensitivity.rate, factor: number) => rows.map((r) => ({ ...r, value: Math.round(r.value * factor * 100) / 100 }));
      return {
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
        sensitivity: { rate: asPercent(result.sensitivity.rate, 100), effectSize: asPercent(result.sensitivity.effectSize, 100), duration: result.sensitivity.duration },
      };
    }),
  };
}
