import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** The audit log page, for whoever may read it (administrators by default). */
export const auditWebModule: WebModule = {
  namespace: 'audit',
  translations: { nl, en },
  routes: [{ path: '/audit', permission: 'audit.read', Component: lazy(() => import('./AuditLogPage/AuditLogPage')) }],
  nav: [{ to: '/audit', group: 'admin', labelKey: 'audit:nav.auditLog', descriptionKey: 'audit:nav.auditLogDescription', permission: 'audit.read' }],
};
