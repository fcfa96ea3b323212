import type { Kysely } from 'kysely';
import { notFound, type Database } from '../../../platform/server/index.js';
import { findAreaNames } from '../../areas/index.js';
import { listProgrammeAreas } from '../../programmes/index.js';
import type { NewsletterArea } from '../contract.js';

/** The areas a resident can subscribe to: every wijk or focus area a programme covers, by name. */
export async function listNewsletterAreas(db: Kysely<Database>): Promise<NewsletterArea[]> {
  const codes = await listProgrammeAreas(db);
  const names = await findAreaNames(db, codes);
  return codes.flatMap((code) => {
    const name = names.get(code);
    return name ? [{ code, name }] : [];
  });
}

/** One of those areas, or 404 (an area without a programme has no newsletter). */
export async function findNewsletterArea(db: Kysely<Database>, code: string): Promise<NewsletterArea> {
  const area = (await listNewsletterAreas(db)).find((a) => a.code === code);
  if (!area) throw notFound('Newsletter area', 'newsletter.area_not_found');
  return area;
}
