import type { TFunction } from 'i18next';
import type { Column } from '../../../platform/web/components/Table';
import { euro } from './money';

/** What a row of the programme page's money tables carries: the year's figures of the activities it counts. */
export interface MoneyFigures {
  activityCount: number;
  budgetCents: number;
  committedCents: number;
  spentCents: number;
  pendingCents: number;
  remainingCents: number;
  forecastCents: number;
}

/** The figure columns shared by the money-per-pillar and money-per-goal tables, in the same order on both. */
export function moneyFigureColumns<R extends MoneyFigures>(t: TFunction): Column<R>[] {
  return [
    { key: 'activities', header: t('finance:pillarMoney.activities'), numeric: true, render: (r) => r.activityCount },
    { key: 'budget', header: t('finance:figures.budget'), numeric: true, render: (r) => euro(r.budgetCents) },
    { key: 'committed', header: t('finance:figures.committed'), numeric: true, render: (r) => euro(r.committedCents) },
    { key: 'spent', header: t('finance:figures.spent'), numeric: true, render: (r) => euro(r.spentCents) },
    { key: 'pending', header: t('finance:figures.pending'), numeric: true, render: (r) => euro(r.pendingCents) },
    { key: 'remaining', header: t('finance:figures.remaining'), numeric: true, render: (r) => <span className={r.remainingCents < 0 ? 'wr-fin-negative' : undefined}>{euro(r.remainingCents)}</span> },
    { key: 'forecast', header: t('finance:figures.forecast'), numeric: true, render: (r) => euro(r.forecastCents) },
  ];
}
