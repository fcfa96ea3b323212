import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { SaveSitePage, SitePage, SitePageList, SitePageParams } from '../contract.js';
import { listSitePages, readSitePage, saveSitePage } from './site.service.js';

/** The footer pages. Reading is public: the privacy and accessibility statements must be reachable before login. */
export async function siteRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const tags = ['site'];

  typed.get(
    '/api/v1/site-pages',
    { config: { access: 'public' }, schema: { tags, summary: 'The footer pages (privacy, accessibility, contact): title and last change of each, written or not', response: { 200: SitePageList } } },
    async () => ({ items: await listSitePages(db()) }),
  );
  typed.get(
    '/api/v1/site-pages/:slug',
    { config: { access: 'public' }, schema: { tags, summary: 'One footer page with its plain-text body (404 for an unknown slug)', params: SitePageParams, response: { 200: SitePage } } },
    async (request) => readSitePage(db(), request.params.slug),
  );
  typed.put(
    '/api/v1/site-pages/:slug',
    { config: { access: 'site.manage' }, schema: { tags, summary: 'Write a footer page (title and plain-text body); audited', params: SitePageParams, body: SaveSitePage, response: { 200: SitePage } } },
    async (request) => saveSitePage(db(), requireActor(request), request.params.slug, request.body, app.ctx.clock()),
  );
}
