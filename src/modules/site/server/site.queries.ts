import type { SiteDb } from './site.tables.js';

/** SQL of the site module: the footer pages. */

export interface SitePageRow {
  slug: string;
  title: string;
  body: string;
  is_demo: boolean;
  updated_at: Date;
}

export async function findAllSitePages(db: SiteDb): Promise<SitePageRow[]> {
  return db.selectFrom('site_pages').select(['slug', 'title', 'body', 'is_demo', 'updated_at']).execute();
}

export async function findSitePage(db: SiteDb, slug: string): Promise<SitePageRow | undefined> {
  return db.selectFrom('site_pages').select(['slug', 'title', 'body', 'is_demo', 'updated_at']).where('slug', '=', slug).executeTakeFirst();
}

/** Writes the page as the administrator saved it; it is no longer demo text from then on. */
export async function upsertSitePage(db: SiteDb, page: { slug: string; title: string; body: string; updatedAt: Date; updatedBy: string | null }): Promise<void> {
  await db
    .insertInto('site_pages')
    .values({ slug: page.slug, title: page.title, body: page.body, is_demo: false, updated_at: page.updatedAt, updated_by: page.updatedBy })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ title: page.title, body: page.body, is_demo: false, updated_at: page.updatedAt, updated_by: page.updatedBy }))
    .execute();
}

/** The demo seed's text, only where no row exists: never over what an administrator wrote. */
export async function insertDemoSitePage(db: SiteDb, page: { slug: string; title: string; body: string }): Promise<void> {
  await db
    .insertInto('site_pages')
    .values({ slug: page.slug, title: page.title, body: page.body, is_demo: true, updated_by: null })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}
