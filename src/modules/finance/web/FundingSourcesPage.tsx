import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../platform/web/components/Table';
import { formatDate } from '../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { FundingSourceSummary } from '../contract';
import { FinanceNav } from './FinanceNav';
import { SourceForm } from './SourceForm';
import { useFundingSources } from './finance-api';
import { euro } from './money';
import { SignalBadge, SignalList } from './SignalList';
import './finance.css';

/** Every funding source the user may see, with what came in, what is spent and what needs attention. */
export default function FundingSourcesPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const sources = useFundingSources();
  const columns: Column<FundingSourceSummary>[] = [
    {
      key: 'name',
      header: t('finance:sources.name'),
      rowHeader: true,
      render: (s) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/financien/bronnen/${s.id}`}>
            {s.name}
          </Link>
          {s.illustrative ? <span className="wr-fin-demo"> {t('finance:demoLabel')}</span> : null}
          <span className="wr-fin-line-description">{s.funderName}</span>
        </>
      ),
    },
    { key: 'kind', header: t('finance:sources.kind'), render: (s) => t(`finance:kind.${s.kind}`) },
    { key: 'period', header: t('finance:sources.period'), render: (s) => `${formatDate(s.spendFrom, i18n.language)} – ${formatDate(s.spendUntil, i18n.language)}` },
    { key: 'total', header: t('finance:sources.total'), numeric: true, render: (s) => euro(s.totalCents) },
    { key: 'received', header: t('finance:sources.received'), numeric: true, render: (s) => euro(s.receivedCents) },
    { key: 'spent', header: t('finance:figures.spent'), numeric: true, render: (s) => euro(s.spentCents) },
    { key: 'status', header: t('finance:budget.status'), render: (s) => <SignalBadge signal={s.signals.find((x) => x.level === 'alert') ?? s.signals[0] ?? null} /> },
  ];
  const signals = (sources.data ?? []).flatMap((s) => s.signals);
  return (
    <Page title={t('finance:sources.title')} lead={t('finance:sources.lead')}>
      <FinanceNav />
      <QueryState isPending={sources.isPending} error={sources.error} onRetry={() => void sources.refetch()} />
      {sources.data ? (
        <>
          <Section title={t('finance:budget.alertsHeading', { count: signals.length })} id="source-alerts">
            <SignalList signals={signals} emptyText={t('finance:budget.noAlerts')} />
          </Section>
          <Section title={t('finance:sources.listHeading')} id="source-list">
            <Table caption={t('finance:sources.listHeading')} captionHidden columns={columns} rows={sources.data} rowKey={(s) => s.id} empty={t('finance:sources.none')} />
          </Section>
        </>
      ) : null}
      {hasPermission(user, 'finance.manage') ? (
        <Section title={t('finance:sourceForm.heading')} id="source-form">
          <SourceForm />
        </Section>
      ) : null}
    </Page>
  );
}
