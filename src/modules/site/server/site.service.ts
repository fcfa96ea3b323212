import type { Kysely } from 'kysely';
import { notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { isSitePageSlug, SITE_PAGE_SLUGS, type SaveSitePage, type SitePage, type SitePageSlug, type SitePageSummary } from '../contract.js';
import { findAllSitePages, findSitePage, upsertSitePage, type SitePageRow } from './site.queries.js';
import { siteDb } from './site.tables.js';

/** The footer pages: anyone reads them (also without an account), the administrator writes them. */

function toPage(slug: SitePageSlug, row: SitePageRow | undefined): SitePage {
  if (!row) return { slug, written: false, title: null, body: null, updatedAt: null, isDemo: false };
  return { slug, written: true, title: row.title, body: row.body, updatedAt: new Date(row.updated_at).toISOString(), isDemo: row.is_demo };
}

function knownSlug(slug: string): SitePageSlug {
  if (!isSitePageSlug(slug)) throw notFound('Site page', 'site.page_not_found');
  return slug;
}

/** Every page in footer order, written or not, without the bodies. */
export async function listSitePages(db: Kysely<Database>): Promise<SitePageSummary[]> {
  const rows = await findAllSitePages(siteDb(db));
  return SITE_PAGE_SLUGS.map((slug) => {
    const { body: _body, ...summary } = toPage(slug, rows.find((row) => row.slug === slug));
    return summary;
  });
}

export async function readSitePage(db: Kysely<Database>, slug: string): Promise<SitePage> {
  const known = knownSlug(slug);
  return toPage(known, await findSitePage(siteDb(db), known));
}

/** Saves the page and its audit row together; the audit keeps the lengths, not the text (it is on the page). */
export async function saveSitePage(db: Kysely<Database>, actor: Actor, slug: string, input: SaveSitePage, now: Date): Promise<SitePage> {
  const known = knownSlug(slug);
  await db.transaction().execute(async (tx) => {
    await upsertSitePage(siteDb(tx), { slug: known, title: input.title, body: input.body, updatedAt: now, updatedBy: actor.userId });
    await withAudit(tx, actor, 'site.page.save', { type: 'site_page', id: known }, { slug: known, titleLength: input.title.length, bodyLength: input.body.length }, now);
  });
  return readSitePage(db, known);
}
