import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../platform/web/api-client';
import { Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { ActivityBudget, BudgetLine } from '../contract';
import { euro } from './money';
import { ProposedLines } from './ProposedLines';
import { ProposeLineForm } from './ProposeLineForm';
import { SignalBadge } from './SignalList';
import './finance.css';

type YearRow = ActivityBudget['years'][number];

/**
 * The money of one activity, for the activity page: its budget lines per year with budget, commitments,
 * spend, what waits for approval, what is left and the forecast, each year linked to the programme's budget
 * page. Shown only to who may read finance; the server decides which lines (GET /activities/{id}/budget).
 * Below them the proposed lines (waiting for finance, or turned down with the reason), which count nowhere
 * yet, and for the programme manager (finance.propose) the form to propose one.
 */
export function ActivityMoney({ activityId }: { activityId: string }) {
  const user = useCurrentUser();
  const allowed = hasPermission(user, 'finance.read');
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['finance', 'activity-budget', activityId],
    queryFn: () => api.get<ActivityBudget>(`/api/v1/activities/${encodeURIComponent(activityId)}/budget`),
    enabled: allowed,
  });
  if (!allowed) return null;
  const data = query.data;
  const budgetHref = (year: number) => `/financien?programma=${data?.activity.programmeId ?? ''}&jaar=${year}#budget-lines`;
  const figures = <R extends YearRow | BudgetLine>(): Column<R>[] => [
    { key: 'budget', header: t('finance:figures.budget'), numeric: true, render: (r) => euro(r.budgetCents) },
    { key: 'committed', header: t('finance:figures.committed'), numeric: true, render: (r) => euro(r.committedCents) },
    { key: 'spent', header: t('finance:figures.spent'), numeric: true, render: (r) => euro(r.spentCents) },
    { key: 'pending', header: t('finance:figures.pending'), numeric: true, render: (r) => euro(r.pendingCents) },
    { key: 'remaining', header: t('finance:figures.remaining'), numeric: true, render: (r) => <span className={r.remainingCents < 0 ? 'wr-fin-negative' : undefined}>{euro(r.remainingCents)}</span> },
    { key: 'forecast', header: t('finance:figures.forecast'), numeric: true, render: (r) => euro(r.forecastCents) },
  ];
  const lineColumns: Column<BudgetLine>[] = [
    { key: 'year', header: t('finance:activityMoney.year'), render: (l) => l.year },
    {
      key: 'line',
      header: t('finance:budget.line'),
      rowHeader: true,
      render: (l) => (
        <>
          {l.description}
          <span className="wr-fin-line-description">{l.allocations.map((a) => a.fundingSourceName).join(', ')}</span>
        </>
      ),
    },
    ...figures<BudgetLine>(),
    { key: 'status', header: t('finance:budget.status'), render: (l) => <SignalBadge signal={l.signal} /> },
  ];
  return (
    <Section title={t('finance:activityMoney.heading')} id="activity-money">
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />
      {data ? (
        <>
          <Table caption={t('finance:activityMoney.caption')} captionHidden columns={lineColumns} rows={data.lines} rowKey={(l) => l.id} empty={t('finance:activityMoney.none')} compact />
          {data.years.length > 0 ? (
            <p className="utrecht-paragraph">
              {t('finance:activityMoney.total', { budget: euro(data.totals.budgetCents), spent: euro(data.totals.spentCents), remaining: euro(data.totals.remainingCents) })}
            </p>
          ) : null}
          {data.years.length > 0 ? (
            <ul className="wr-plain-list">
              {data.years.map((y) => (
                <li key={y.year}>
                  <Link className="utrecht-link utrecht-link--html-a" to={budgetHref(y.year)}>
                    {t('finance:activityMoney.budgetLink', { year: y.year })}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {data.proposals.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3" id="activity-proposals-heading">
                {t('finance:proposedLines.heading')}
              </h3>
              <p className="utrecht-paragraph wr-fin-muted">{t('finance:proposedLines.rule')}</p>
              <ProposedLines proposals={data.proposals} caption={t('finance:proposedLines.caption')} />
            </>
          ) : null}
          {hasPermission(user, 'finance.propose') ? <ProposeLineForm activityId={activityId} start={data.activity.start} end={data.activity.end} /> : null}
        </>
      ) : null}
    </Section>
  );
}
