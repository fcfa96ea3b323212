import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Finance: budgets per programme, funding sources, approvals and budget proposals. */
export const financeWebModule: WebModule = {
  namespace: 'finance',
  translations: { nl, en },
  routes: [
    { path: '/financien', permission: 'finance.read', Component: lazy(() => import('./BudgetPage')) },
    { path: '/financien/bronnen', permission: 'finance.read', Component: lazy(() => import('./FundingSourcesPage')) },
    { path: '/financien/bronnen/:id', permission: 'finance.read', Component: lazy(() => import('./FundingSourcePage')) },
    { path: '/financien/accordering', permission: 'finance.approve', Component: lazy(() => import('./ApprovalsPage')) },
    { path: '/financien/begrotingsvoorstellen', permission: 'finance.read', Component: lazy(() => import('./ProposalsPage')) },
  ],
  nav: [{ to: '/financien', group: 'planning', labelKey: 'finance:nav.finance', descriptionKey: 'finance:nav.financeDescription', permission: 'finance.read' }],
};
