import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { findFocusMemberCodes } from './focus-areas.queries.js';
import { areasDb } from './areas.tables.js';

/** The member codes (wijken or buurten) of a focus area; empty when the code is no focus area. */
export async function findFocusAreaMembers(db: Kysely<Database>, focusCode: string): Promise<string[]> {
  return findFocusMemberCodes(areasDb(db), focusCode);
}
