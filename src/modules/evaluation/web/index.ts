import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Evaluations of programmes and the library of success and failure factors (docs/evaluation.md). */
export const evaluationWebModule: WebModule = {
  namespace: 'evaluation',
  translations: { nl, en },
  routes: [
    { path: '/evaluaties', permission: 'evaluation.read', Component: lazy(() => import('./EvaluationListPage/EvaluationListPage')) },
    { path: '/evaluaties/nieuw', permission: 'evaluation.manage', Component: lazy(() => import('./NewEvaluationPage/NewEvaluationPage')) },
    { path: '/evaluaties/factoren', permission: 'evaluation.read', Component: lazy(() => import('./FactorLibraryPage/FactorLibraryPage')) },
    { path: '/evaluaties/:id', permission: 'evaluation.read', Component: lazy(() => import('./EvaluationPage/EvaluationPage')) },
  ],
  nav: [{ to: '/evaluaties', group: 'planning', labelKey: 'evaluation:nav.evaluations', descriptionKey: 'evaluation:nav.evaluationsDescription', permission: 'evaluation.read' }],
};
