import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import { NEWSLETTER_PATHS } from '../contract';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/**
 * Where an area's newsletter archive lives, for other modules' pages (the public area page links to it).
 * Only areas a programme covers have one.
 */
export const newsletterArchivePath = (areaCode: string): string => NEWSLETTER_PATHS.archive(areaCode);
/** Where a resident subscribes. */
export const NEWSLETTER_SUBSCRIBE_PATH = NEWSLETTER_PATHS.subscribe;

/** The residents' newsletter: public subscribe, confirm, unsubscribe and archive pages; the manager's page. docs/newsletter.md. */
export const newsletterWebModule: WebModule = {
  namespace: 'newsletter',
  translations: { nl, en },
  routes: [{ path: '/nieuwsbrief', permission: 'newsletter.manage', Component: lazy(() => import('./ManagePage')) }],
  nav: [{ to: '/nieuwsbrief', group: 'direction', labelKey: 'newsletter:nav.manage', descriptionKey: 'newsletter:nav.manageDescription', permission: 'newsletter.manage' }],
  publicRoutes: [
    { path: NEWSLETTER_PATHS.subscribe, Component: lazy(() => import('./SubscribePage')), footerLabelKey: 'newsletter:footer.subscribe' },
    { path: NEWSLETTER_PATHS.confirm(':token'), Component: lazy(() => import('./ConfirmPage')) },
    { path: NEWSLETTER_PATHS.unsubscribe(':token'), Component: lazy(() => import('./UnsubscribePage')) },
    { path: '/bewoners/nieuwsbrief/:areaCode', Component: lazy(() => import('./ArchivePage')) },
    { path: '/bewoners/nieuwsbrief/:areaCode/:id', Component: lazy(() => import('./NewsletterPage')) },
  ],
};
