import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Signals, cases and the privacy tools around them. Pages load on first visit. */
export const signalsWebModule: WebModule = {
  namespace: 'signals',
  translations: { nl, en },
  routes: [
    { path: '/signalen', permission: 'signals.read', Component: lazy(() => import('./SignalsPage/SignalsPage')) },
    { path: '/signalen/nieuw', permission: 'signals.create', Component: lazy(() => import('./RegisterSignalPage/RegisterSignalPage')) },
    { path: '/signalen-importeren', permission: 'signals.import', Component: lazy(() => import('./SignalImportPage/SignalImportPage')) },
    { path: '/inzageverzoek', permission: 'signals.subject_export', Component: lazy(() => import('./SubjectExportPage/SubjectExportPage')) },
    { path: '/ongebruikelijk-lezen', permission: 'audit.read', Component: lazy(() => import('./UnusualReadsPage/UnusualReadsPage')) },
    { path: '/signalen/:id', permission: 'signals.read', Component: lazy(() => import('./SignalDetailPage/SignalDetailPage')) },
    { path: '/casussen', permission: 'signals.read', Component: lazy(() => import('./CasesPage/CasesPage')) },
    { path: '/casussen/:id', permission: 'signals.read', Component: lazy(() => import('./CaseDetailPage/CaseDetailPage')) },
  ],
  nav: [
    { to: '/signalen', group: 'signals', labelKey: 'signals:nav.signals', descriptionKey: 'signals:nav.signalsDescription', permission: 'signals.read' },
    { to: '/casussen', group: 'signals', labelKey: 'signals:nav.cases', descriptionKey: 'signals:nav.casesDescription', permission: 'signals.read' },
    { to: '/signalen-importeren', group: 'signals', labelKey: 'signals:nav.import', descriptionKey: 'signals:nav.importDescription', permission: 'signals.import' },
    { to: '/inzageverzoek', group: 'signals', labelKey: 'signals:nav.subject', descriptionKey: 'signals:nav.subjectDescription', permission: 'signals.subject_export' },
    { to: '/ongebruikelijk-lezen', group: 'admin', labelKey: 'signals:nav.unusual', descriptionKey: 'signals:nav.unusualDescription', permission: 'audit.read' },
  ],
};

/** The casusoverleggen of the cases the reader may see, for the meetings overview. */
export { CaseMeetingsOverview } from './CaseMeetingsOverview';
