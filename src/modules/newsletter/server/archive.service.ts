import type { Kysely } from 'kysely';
import { notFound, type Database } from '../../../platform/server/index.js';
import type { Newsletter, NewsletterArchive } from '../contract.js';
import { findNewsletterArea } from './newsletter-areas.js';
import { findNewsletter, findSentNewsletters, type NewsletterRow } from './newsletter.queries.js';
import { newsletterDb } from './newsletter.tables.js';

/** The public archive: sent newsletters only (one being sent is not public yet), never how many received it. */
function toNewsletter(row: NewsletterRow): Newsletter {
  return { id: row.id, areaCode: row.area_code, areaName: row.area_name, title: row.title, body: row.body, sentAt: (row.sent_at ?? new Date(0)).toISOString(), isDemo: row.is_demo };
}

export async function listArchive(db: Kysely<Database>, areaCode: string): Promise<NewsletterArchive> {
  const area = await findNewsletterArea(db, areaCode);
  const rows = await findSentNewsletters(newsletterDb(db), area.code);
  return {
    area,
    items: rows.map((row) => {
      const { body: _body, ...summary } = toNewsletter(row);
      return summary;
    }),
  };
}

export async function readNewsletter(db: Kysely<Database>, id: string): Promise<Newsletter> {
  const row = await findNewsletter(newsletterDb(db), id);
  if (!row || row.status !== 'sent') throw notFound('Newsletter', 'newsletter.not_found');
  return toNewsletter(row);
}
