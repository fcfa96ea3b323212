import { z } from 'zod';

/** The site module's API shapes, shared by server and web (docs/site.md). */

/** The pages behind the footer links; their web paths are in web/index.ts. */
export const SITE_PAGE_SLUGS = ['privacy', 'accessibility', 'contact'] as const;
export type SitePageSlug = (typeof SITE_PAGE_SLUGS)[number];

export const TITLE_MAX = 120;
export const BODY_MAX = 20000;

export function isSitePageSlug(value: string): value is SitePageSlug {
  return (SITE_PAGE_SLUGS as readonly string[]).includes(value);
}

/** Any text up to 40 characters: an unknown slug is answered 404 by the service, not 422 by validation. */
/** A slug is lowercase letters and hyphens: anything else is malformed (422); a well-formed unknown one is 404. */
export const SitePageParams = z.strictObject({ slug: z.string().regex(/^[a-z][a-z-]{0,39}$/, 'lowercase letters and hyphens') });

/** Text with at least one visible character: a title of spaces is no title. */
const visibleText = (max: number) => z.string().min(1).max(max).regex(/\S/, 'must contain text');

export const SaveSitePage = z.strictObject({
  title: visibleText(TITLE_MAX),
  /** Plain text: a blank line starts a new paragraph, lines starting with "- " form a list. Never HTML. */
  body: visibleText(BODY_MAX),
});
export type SaveSitePage = z.infer<typeof SaveSitePage>;

/** A page as the public reads it. `written` is false until the administrator (or the demo seed) wrote it. */
export const SitePage = z.object({
  slug: z.enum(SITE_PAGE_SLUGS),
  written: z.boolean(),
  title: z.string().nullable(),
  body: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Written by the demo seed about this demo installation, not by a municipality. */
  isDemo: z.boolean(),
});
export type SitePage = z.infer<typeof SitePage>;

export const SitePageSummary = SitePage.pick({ slug: true, written: true, title: true, updatedAt: true, isDemo: true });
export type SitePageSummary = z.infer<typeof SitePageSummary>;

export const SitePageList = z.object({ items: z.array(SitePageSummary) });
export type SitePageList = z.infer<typeof SitePageList>;
