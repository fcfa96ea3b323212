import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { NotificationsLink } from './NotificationsLink';
import './notifications-link.css';

/** Notifications: the "Meldingen" page (list and settings) and the header link with the unread count. */
export const notificationsWebModule: WebModule = {
  namespace: 'notifications',
  translations: { nl, en },
  routes: [{ path: '/meldingen', permission: 'authenticated', Component: lazy(() => import('./NotificationsPage')) }],
  nav: [],
  userMenuItem: NotificationsLink,
};
