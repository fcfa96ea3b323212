import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/server/index.js';
import { programmesDb } from './programmes.tables.js';

/**
 * Which areas have a programme, for other modules through index.ts (the newsletter offers exactly these to
 * residents). No access check: that an area has a programme is no secret.
 */
export async function listProgrammeAreas(db: Kysely<Database>): Promise<string[]> {
  const rows = await programmesDb(db).selectFrom('programme_areas').select('area_code').distinct().orderBy('area_code').execute();
  return rows.map((row) => row.area_code);
}

export async function listProgrammeIdsOfArea(db: Kysely<Database>, areaCode: string): Promise<string[]> {
  const rows = await programmesDb(db).selectFrom('programme_areas').select('programme_id').where('area_code', '=', areaCode).orderBy('programme_id').execute();
  return rows.map((row) => row.programme_id);
}
