import type { AreasDb } from './areas.tables.js';
import { findValidBoundaries } from './valid-versions.queries.js';

/** Focus areas: a named set of buurten or wijken of one municipality. */

export interface FocusAreaRow {
  code: string;
  municipality_code: string;
  name: string;
  description: string;
  polygon: unknown;
}

export async function findFocusAreas(db: AreasDb, filter: { municipality?: string | undefined; code?: string }): Promise<FocusAreaRow[]> {
  let query = db
    .selectFrom('focus_areas')
    .select(['code', 'municipality_code', 'name', 'description', 'polygon'])
    .orderBy('code');
  if (filter.municipality) query = query.where('municipality_code', '=', filter.municipality);
  if (filter.code) query = query.where('code', '=', filter.code);
  return query.execute();
}

export async function findFocusMemberCodes(db: AreasDb, focusCode: string): Promise<string[]> {
  const rows = await db.selectFrom('focus_area_members').select('member_code').where('focus_code', '=', focusCode).orderBy('member_code').execute();
  return rows.map((r) => r.member_code);
}

export async function focusCodeTaken(db: AreasDb, code: string): Promise<boolean> {
  return (await db.selectFrom('areas').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertFocusArea(
  db: AreasDb,
  focus: { code: string; municipality: string; name: string; description: string; polygon: unknown; createdBy: string | null; members: readonly string[] },
): Promise<void> {
  await db.insertInto('areas').values({ code: focus.code, level: 'focus', municipality_code: focus.municipality }).execute();
  await db
    .insertInto('focus_areas')
    .values({
      code: focus.code,
      municipality_code: focus.municipality,
      name: focus.name,
      description: focus.description,
      polygon: focus.polygon === null ? null : JSON.stringify(focus.polygon),
      created_by: focus.createdBy,
    })
    .execute();
  if (focus.members.length) {
    await db.insertInto('focus_area_members').values(focus.members.map((member_code) => ({ focus_code: focus.code, member_code }))).execute();
  }
}

export async function deleteFocusArea(db: AreasDb, code: string): Promise<void> {
  // Members go with the focus area (ON DELETE CASCADE); the areas row is the code's registration.
  await db.deleteFrom('focus_areas').where('code', '=', code).execute();
  await db.deleteFrom('areas').where('code', '=', code).where('level', '=', 'focus').execute();
}

/** Buurten of one municipality valid in a year with their boundary, to find which lie inside a drawn polygon. */
export async function findBuurtShapes(
  db: AreasDb,
  municipality: string,
  year: number,
): Promise<{ code: string; geometry: unknown; min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null }[]> {
  return findValidBoundaries(db, { municipality, year, level: 'buurt' });
}
