import type { Kysely } from 'kysely';
import { loadActorUser, type Actor, type Database } from '../../../platform/server/index.js';
import { buildDraft } from './draft.service.js';
import { insertDemoNewsletter } from './newsletter.queries.js';
import { newsletterDb } from './newsletter.tables.js';

/**
 * One sent newsletter for Dordt West, made by the same draft a programme manager gets, from the demo data
 * (programme, activities, goals, CBS figures) and marked as demo. No subscribers: nobody received it, and
 * the demo holds no resident's address. Written once (fixed id): a start never adds a second.
 */
export const DEMO_NEWSLETTER_ID = '6e3f1b7a-2c4d-4e8f-9a1b-5c6d7e8f9a0b';
const DEMO_AREA = 'FAdordt-west';
const DEMO_MANAGER = 'regisseur';

const DEMO_NOTE =
  'Dit is een voorbeeld van de demoversie van Wijkregie. De nieuwsbrief is automatisch gemaakt uit de demogegevens (het programma, de activiteiten, de doelen en de CBS-cijfers) en naar niemand verstuurd.';

export async function seedDemoNewsletter(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  const ndb = newsletterDb(db);
  if (await ndb.selectFrom('newsletters').select('id').where('id', '=', DEMO_NEWSLETTER_ID).executeTakeFirst()) return;
  const manager = await db.selectFrom('users').select('id').where('username', '=', DEMO_MANAGER).executeTakeFirst();
  const user = manager ? await loadActorUser(db, manager.id) : null;
  if (!user) return;
  const actor: Actor = { ...user, via: 'session' };
  let draft;
  try {
    draft = await buildDraft(db, actor, DEMO_AREA, now);
  } catch {
    // The demo programme or Dordt West is not loaded (yet): a later start adds the newsletter.
    return;
  }
  await insertDemoNewsletter(ndb, { id: DEMO_NEWSLETTER_ID, areaCode: draft.areaCode, areaName: draft.areaName, title: `${draft.title} (demo)`, body: `${DEMO_NOTE}\n\n${draft.body}`, sentAt: now });
}
