import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import { FOLLOW_PATH_PREFIX, SUBMIT_PATH } from '../contract';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/**
 * Resident initiatives and the wijkbudget (docs/initiatives.md): public pages to submit, follow and see where
 * an area's wijkbudget went; the municipality's list and workflow page.
 */
export const initiativesWebModule: WebModule = {
  namespace: 'initiatives',
  translations: { nl, en },
  routes: [
    { path: '/bewonersinitiatieven', permission: 'initiatives.read', Component: lazy(() => import('./app/InitiativesPage')) },
    { path: '/bewonersinitiatieven/:id', permission: 'initiatives.read', Component: lazy(() => import('./app/InitiativePage')) },
  ],
  nav: [{ to: '/bewonersinitiatieven', group: 'planning', labelKey: 'initiatives:nav.initiatives', descriptionKey: 'initiatives:nav.initiativesDescription', permission: 'initiatives.read' }],
  publicRoutes: [
    { path: SUBMIT_PATH, Component: lazy(() => import('./public/SubmitPage')) },
    { path: `${FOLLOW_PATH_PREFIX}/:token`, Component: lazy(() => import('./public/FollowPage')) },
    { path: '/bewoners/wijkbudget/:areaCode', Component: lazy(() => import('./public/WijkbudgetPage')) },
  ],
};

/** For the public area page: the path of an area's wijkbudget overview, and links to take part. */
export { wijkbudgetPublicPath, SUBMIT_PATH } from '../contract';
export { InitiativeLinks } from './ParticipationLinks';
/** For the activity page: the resident initiative a granted activity came from, with a link back. */
export { InitiativeOrigin } from './InitiativeOrigin';
