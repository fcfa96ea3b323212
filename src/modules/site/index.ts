import type { ServerModule } from '../../platform/server/index.js';
import { seedDemoSitePages } from './server/demo-site-pages.js';
import { siteRoutes } from './server/site.routes.js';

/**
 * The site's own pages behind the footer links: privacy statement, accessibility statement and contact,
 * readable by anyone, written by the administrator (docs/site.md).
 */
export const siteModule: ServerModule = { name: 'site', routes: siteRoutes, seedDemo: (db) => seedDemoSitePages(db) };
