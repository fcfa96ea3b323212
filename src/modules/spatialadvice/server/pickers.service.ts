import type { Kysely } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { listAreas } from '../../areas/index.js';
import type { AreaChoice } from '../contract.js';
import { withinAreaScope } from './access.js';
import { listScorers } from './people.service.js';
import { findOpenableScan } from './scans.service.js';
import { spatialDb } from './spatialadvice.tables.js';

/**
 * What the forms offer: only choices the server would accept, so nobody picks a person or an area and is
 * refused afterwards. The services still check every write (defence in depth); these lists only narrow.
 */

/** People who may be invited to the scan or own one of its conditions: their own scope covers its place. */
export async function listScorersForScan(db: Kysely<Database>, actor: Actor, scanId: string) {
  // 404 for a scan the caller may not open, exactly as reading it (access.ts).
  const scan = await findOpenableScan(spatialDb(db), actor, scanId);
  return listScorers(db, { municipalityCode: scan.municipality_code, areaCode: scan.area_code });
}

/** A wijk or buurt code holds its municipality's four digits: WK050507 and BU05050700 lie in GM0505. */
const municipalityOfCode = (code: string) => `GM${code.slice(2, 6)}`;

/** Focus areas, wijken and buurten the caller may raise a trigger for: within their own scope (none = all). */
export async function listAreaChoices(db: Kysely<Database>, actor: Actor): Promise<AreaChoice[]> {
  const choices: AreaChoice[] = [];
  for (const level of ['focus', 'wijk', 'buurt'] as const) {
    const { items } = await listAreas(db, actor, { level });
    for (const area of items) {
      // A focus area's parent is its municipality (areas module); a wijk's or buurt's is in its code.
      const municipalityCode = level === 'focus' ? (area.parentCode ?? '') : municipalityOfCode(area.code);
      if (withinAreaScope(actor.areaScopes, { municipalityCode, areaCode: area.code })) choices.push({ code: area.code, name: area.name, level });
    }
  }
  return choices;
}
