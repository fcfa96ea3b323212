import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { mkbaResult } from './mkba-result.service.js';
import { listMkbas, readMkba } from './mkba.service.js';

/**
 * For the learning circle (docs/circle.md): this installation's MKBAs, and a snapshot of one MKBA's outcome
 * as JSON — the figures a municipality may choose to share, taken from the result service, without its lines.
 */

export interface MkbaSnapshot {
  areaName: string;
  package: string;
  baseYear: number;
  horizonYears: number;
  discountRate: number;
  isIllustrative: boolean;
  alternatives: { name: string; pvCostsCents: number; pvBenefitsCents: number; ncwCents: number; benefitCostRatio: number | null; irrPercent: number | null; pmItems: string[] }[];
}

export async function listMkbasForSharing(db: Kysely<Database>, actor: Actor): Promise<{ id: string; name: string; areaName: string; isDemo: boolean }[]> {
  return (await listMkbas(db, actor, undefined)).map((m) => ({ id: m.id, name: m.name, areaName: m.areaName, isDemo: m.isDemo }));
}

/** The snapshot, or 404 (mkba.not_found) when the MKBA does not exist. */
export async function mkbaForSharing(db: Kysely<Database>, actor: Actor, id: string): Promise<MkbaSnapshot> {
  const [mkba, result] = [await readMkba(db, actor, id), await mkbaResult(db, actor, id)];
  return {
    areaName: mkba.areaName,
    package: mkba.name,
    baseYear: mkba.baseYear,
    horizonYears: mkba.horizonYears,
    discountRate: mkba.discountRate,
    isIllustrative: mkba.isDemo,
    alternatives: result.alternatives.map((a) => ({
      name: a.name,
      pvCostsCents: a.pvCostsCents,
      pvBenefitsCents: a.pvBenefitsCents,
      ncwCents: a.ncwCents,
      benefitCostRatio: a.benefitCostRatio,
      irrPercent: a.irrPercent,
      pmItems: a.pmItems.map((p) => p.description),
    })),
  };
}
