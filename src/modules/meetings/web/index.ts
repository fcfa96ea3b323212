import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Meetings that end in decisions and actions, my actions, and the direction dashboard ("Regie"). */
export const meetingsWebModule: WebModule = {
  namespace: 'meetings',
  translations: { nl, en },
  routes: [
    { path: '/regie', permission: 'direction.read', Component: lazy(() => import('./DirectionPage/DirectionPage')) },
    { path: '/overleggen', permission: 'meetings.read', Component: lazy(() => import('./MeetingsPage/MeetingsPage')) },
    { path: '/overleggen/:id', permission: 'meetings.read', Component: lazy(() => import('./MeetingDetailPage/MeetingDetailPage')) },
    { path: '/mijn-acties', permission: 'meetings.read', Component: lazy(() => import('./MyActionsPage/MyActionsPage')) },
  ],
  nav: [
    { to: '/regie', group: 'direction', labelKey: 'meetings:nav.direction', descriptionKey: 'meetings:nav.directionDescription', permission: 'direction.read' },
    { to: '/overleggen', group: 'direction', labelKey: 'meetings:nav.meetings', descriptionKey: 'meetings:nav.meetingsDescription', permission: 'meetings.read' },
    { to: '/mijn-acties', group: 'direction', labelKey: 'meetings:nav.myActions', descriptionKey: 'meetings:nav.myActionsDescription', permission: 'meetings.read' },
  ],
};
