import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, withAudit, type Database } from '../../../platform/server/index.js';
import { findExistingAreaCodes } from './areas.queries.js';
import { areasDb } from './areas.tables.js';
import { focusCodeTaken, insertFocusArea } from './focus-areas.queries.js';

/** "Dordt West" as the Dordrecht programme defines it: wijken 03, 04, 07 and 08 (DESIGN.md, seed 001). */
export const DORDT_WEST = {
  code: 'FAdordt-west',
  name: 'Dordt West',
  municipality: 'GM0505',
  description: 'Oud Krispijn, Nieuw-Krispijn, Wielwijk en Crabbehof/Zuidhoven',
  members: ['WK050503', 'WK050504', 'WK050507', 'WK050508'],
} as const;

/**
 * Idempotent demo seed. The wijken arrive with the demo import of the indicators module; until they are
 * there (or when they are missing from the data) this does nothing, and a later start adds the focus area.
 */
export async function seedDemoFocusAreas(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const adb = areasDb(tx);
    if (await focusCodeTaken(adb, DORDT_WEST.code)) return;
    const present = await findExistingAreaCodes(adb, DORDT_WEST.members, 'wijk');
    if (present.length !== DORDT_WEST.members.length) return;
    await insertFocusArea(adb, { ...DORDT_WEST, polygon: null, createdBy: null, members: [...DORDT_WEST.members] });
    await withAudit(tx, SYSTEM_ACTOR, 'focus_area.create', { type: 'area', id: DORDT_WEST.code }, { name: DORDT_WEST.name, members: [...DORDT_WEST.members], demo: true });
  });
}
