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

/** A money signal in words, for other pages that show finance's signals (the Regie dashboard). */
export { useSignalText } from './SignalList';

/** Where a money signal belongs: a funding source's page, or the budget page of the line's programme and year. */
export function moneySignalHref(slip: { signal: { scope: { type: string; id: string } }; programme: { id: string } | null; year: number | null }): string | null {
  if (slip.signal.scope.type === 'funding_source') return `/financien/bronnen/${slip.signal.scope.id}`;
  if (slip.programme) return `/financien?programma=${slip.programme.id}${slip.year ? `&jaar=${slip.year}` : ''}#budget-lines`;
  return null;
}

/** The money of one activity (its budget lines per year), for the activity page; nothing without finance.read. */
export { ActivityMoney } from './ActivityMoney';

/** This year's budget and spend per pillar of a programme, for the programme page; nothing without finance.read. */
export { PillarMoney } from './PillarMoney';

/** This year's budget and spend per strategic and operational goal of a programme, for the programme page. */
export { GoalMoney } from './GoalMoney';
