import type { SitePageSlug } from '../contract';

/** Where each footer page lives in the web app (Dutch paths, as the rest of the app). */
export const SITE_PAGE_PATHS: Record<SitePageSlug, string> = {
  privacy: '/privacy',
  accessibility: '/toegankelijkheid',
  contact: '/contact',
};
