import type { Kysely } from 'kysely';
import { AppError, invalid, type Actor, type Database } from '../../../platform/server/index.js';
import { findAreaForFigures } from '../../areas/index.js';

/** The area an MKBA is about, through the areas module: a focus area, wijk or buurt the actor may see. */
export async function mkbaArea(db: Kysely<Database>, actor: Actor, code: string): Promise<{ code: string; name: string; municipalityCode: string }> {
  try {
    const area = await findAreaForFigures(db, actor, code);
    if (area.level === 'focus' || area.level === 'wijk' || area.level === 'buurt') return { code: area.code, name: area.name, municipalityCode: area.municipalityCode };
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
  }
  throw invalid('mkba.unknown_area', 'The area is not a known focus area, wijk or buurt', [{ path: 'body.areaCode', message: 'not a known focus area, wijk or buurt' }]);
}

/** Names of the areas of a list; an area that can no longer be read shows its code. */
export async function mkbaAreaNames(db: Kysely<Database>, actor: Actor, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) {
    try {
      names.set(code, (await findAreaForFigures(db, actor, code)).name);
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
      names.set(code, code);
    }
  }
  return names;
}
