import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { SITE_PAGE_PATHS } from './site-paths';

/** The footer pages, open to anyone, and the administrator's page to write them (docs/site.md). */
export const siteWebModule: WebModule = {
  namespace: 'site',
  translations: { nl, en },
  routes: [{ path: '/beheer/site-teksten', permission: 'site.manage', Component: lazy(() => import('./SiteTextsPage/SiteTextsPage')) }],
  nav: [{ to: '/beheer/site-teksten', group: 'admin', labelKey: 'site:nav.texts', descriptionKey: 'site:nav.textsDescription', permission: 'site.manage' }],
  publicRoutes: [
    { path: SITE_PAGE_PATHS.privacy, Component: lazy(() => import('./SitePageView/PrivacyPage')), footerLabelKey: 'site:footer.privacy' },
    { path: SITE_PAGE_PATHS.accessibility, Component: lazy(() => import('./SitePageView/AccessibilityPage')), footerLabelKey: 'site:footer.accessibility' },
    { path: SITE_PAGE_PATHS.contact, Component: lazy(() => import('./SitePageView/ContactPage')), footerLabelKey: 'site:footer.contact' },
  ],
};

/** Where the footer pages live, for modules that link one (the public area pages link the accessibility statement). */
export { SITE_PAGE_PATHS } from './site-paths';
/** The plain-text body as paragraphs and lists, for other modules' public texts (the newsletter). */
export { PlainTextBody } from './SitePageView/PlainTextBody';
