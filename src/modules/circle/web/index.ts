import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** The learning circle across municipalities (docs/circle.md). */
export const circleWebModule: WebModule = {
  namespace: 'circle',
  translations: { nl, en },
  routes: [
    { path: '/kring', permission: 'circle.read', Component: lazy(() => import('./CirclePage')) },
    { path: '/kring/lessen', permission: 'circle.read', Component: lazy(() => import('./LessonsPage')) },
    { path: '/kring/bijeenkomsten', permission: 'circle.read', Component: lazy(() => import('./MeetingsPage')) },
    { path: '/kring/bijeenkomsten/:id', permission: 'circle.read', Component: lazy(() => import('./MeetingPage')) },
    { path: '/kring/vergelijken', permission: 'circle.read', Component: lazy(() => import('./MedianPage')) },
    { path: '/kring/ontvangen/:id', permission: 'circle.read', Component: lazy(() => import('./ReceivedPage')) },
    { path: '/beheer/kring', permission: 'circle.members', Component: lazy(() => import('./MembersAdminPage')) },
  ],
  nav: [
    { to: '/kring', group: 'direction', labelKey: 'circle:nav.circle', descriptionKey: 'circle:nav.circleDescription', permission: 'circle.read' },
    { to: '/beheer/kring', group: 'admin', labelKey: 'circle:nav.admin', descriptionKey: 'circle:nav.adminDescription', permission: 'circle.members' },
  ],
};
