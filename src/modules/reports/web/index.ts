import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Reports: snapshots of a programme, its documents as HTML, DOCX and PDF, council letters and the letter template. */
export const reportsWebModule: WebModule = {
  namespace: 'reports',
  translations: { nl, en },
  routes: [
    { path: '/rapportages', permission: 'reports.read', Component: lazy(() => import('./ReportsHomePage/ReportsHomePage')) },
    { path: '/programmas/:id/rapportages', permission: 'reports.read', Component: lazy(() => import('./ProgrammeReportsPage/ProgrammeReportsPage')) },
    { path: '/rapportages/momentopnamen/:id', permission: 'reports.read', Component: lazy(() => import('./SnapshotPage/SnapshotPage')) },
    { path: '/rapportages/brieven/:id', permission: 'reports.read', Component: lazy(() => import('./LetterPage/LetterPage')) },
    { path: '/rapportages/sjabloon/:municipality', permission: 'report_templates.manage', Component: lazy(() => import('./TemplatePage/TemplatePage')) },
  ],
  nav: [{ to: '/rapportages', group: 'planning', labelKey: 'reports:nav.reports', descriptionKey: 'reports:nav.reportsDescription', permission: 'reports.read' }],
};
