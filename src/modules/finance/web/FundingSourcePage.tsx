import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../../platform/web/components/Button';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../platform/web/components/Table';
import { formatDate } from '../../../platform/web/i18n/format';
import { calendarDayOf } from '../../../platform/shared/time';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { FundingSourceDetail } from '../contract';
import { FinanceNav } from './FinanceNav';
import { accountabilityUrl, useFundingSource, useRecordReceipt } from './finance-api';
import { euro, euroExact } from './money';
import { SignalList } from './SignalList';
import './finance.css';

type Tranche = FundingSourceDetail['tranches'][number];

/** One funding source: conditions, tranches, accountability duties, spend per activity, and the statement. */
export default function FundingSourcePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const user = useCurrentUser();
  const source = useFundingSource(id);
  const receive = useRecordReceipt();
  const [today] = useState(() => calendarDayOf(new Date()));
  const s = source.data;
  const date = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : '—');

  const trancheColumns: Column<Tranche>[] = [
    { key: 'seq', header: t('finance:detail.tranche'), rowHeader: true, render: (tr) => t('finance:detail.trancheN', { n: tr.seq }) },
    { key: 'amount', header: t('finance:entry.amount'), numeric: true, render: (tr) => euroExact(tr.amountCents) },
    { key: 'due', header: t('finance:detail.dueDate'), render: (tr) => date(tr.dueDate) },
    { key: 'received', header: t('finance:detail.receivedDate'), render: (tr) => date(tr.receivedDate) },
    { key: 'receivedAmount', header: t('finance:sources.received'), numeric: true, render: (tr) => euroExact(tr.receivedCents) },
    ...(hasPermission(user, 'finance.manage')
      ? [
          {
            key: 'action',
            header: t('finance:detail.action'),
            render: (tr: Tranche) =>
              tr.receivedCents < tr.amountCents && s ? (
                <Button appearance="secondary" busy={receive.isPending} onClick={() => receive.mutate({ id: s.id, seq: tr.seq, receivedDate: today, receivedCents: tr.amountCents })}>
                  {t('finance:detail.markReceived', { n: tr.seq })}
                </Button>
              ) : (
                <span className="wr-fin-muted">{t('finance:detail.done')}</span>
              ),
          },
        ]
      : []),
  ];
  const activityColumns: Column<FundingSourceDetail['activities'][number]>[] = [
    { key: 'name', header: t('finance:budget.activity'), rowHeader: true, render: (a) => a.activityName ?? t('finance:hiddenActivity') },
    { key: 'allocated', header: t('finance:detail.allocated'), numeric: true, render: (a) => euro(a.allocatedCents) },
    { key: 'spent', header: t('finance:figures.spent'), numeric: true, render: (a) => euro(a.spentCents) },
  ];
  const obligationColumns: Column<FundingSourceDetail['obligations'][number]>[] = [
    { key: 'kind', header: t('finance:detail.obligation'), rowHeader: true, render: (o) => t(`finance:obligation.${o.kind}`) },
    { key: 'due', header: t('finance:detail.deadline'), render: (o) => date(o.dueDate) },
    { key: 'delivered', header: t('finance:detail.delivered'), render: (o) => (o.deliveredOn ? date(o.deliveredOn) : t('finance:detail.notYet')) },
    { key: 'description', header: t('finance:detail.description'), render: (o) => o.description },
  ];

  return (
    <Page title={s ? s.name : t('finance:sources.title')} lead={s ? `${t(`finance:kind.${s.kind}`)} · ${s.funderName}` : undefined}>
      <FinanceNav />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to="/financien/bronnen">
          {t('finance:detail.back')}
        </Link>
      </p>
      <QueryState isPending={source.isPending} error={source.error} onRetry={() => void source.refetch()} />
      {s ? (
        <>
          {s.illustrative ? <p className="utrecht-paragraph wr-fin-demo-note">{t('finance:detail.illustrative')}</p> : null}
          <dl className="wr-fin-kpis">
            {(
              [
                ['total', s.totalCents],
                ['received', s.receivedCents],
                ['allocated', s.allocatedCents],
                ['spent', s.spentCents],
                ['unspent', s.receivedCents - s.spentCents],
                ...(s.repayUnspent ? [[`repayment_${s.repayment.phase}`, s.repayment.repaymentCents] as const] : []),
                ...(s.repayment.stillToReceiveCents > 0 ? [['stillToReceive', s.repayment.stillToReceiveCents] as const] : []),
              ] as const
            ).map(([key, cents]) => (
              <div key={key} className="wr-fin-kpi">
                <dt>{t(`finance:detail.kpi.${key}`)}</dt>
                <dd>{euro(cents)}</dd>
              </div>
            ))}
          </dl>
          <Section title={t('finance:budget.alertsHeading', { count: s.signals.length })} id="source-signals">
            <SignalList signals={s.signals} emptyText={t('finance:budget.noAlerts')} />
          </Section>
          <Section title={t('finance:detail.conditionsHeading')} id="source-conditions">
            <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
              {(
                [
                  ['period', `${date(s.spendFrom)} – ${date(s.spendUntil)}`],
                  ['conditions', s.conditions || '—'],
                  ['repay', s.repayUnspent ? t('finance:detail.yes') : t('finance:detail.no')],
                  ['route', s.viaMunicipalBudget ? t('finance:detail.viaBudget') : t('finance:detail.direct')],
                  ['reference', s.reference || '—'],
                  ['coFinancers', s.coFinancers.map((c) => c.name).join(', ') || '—'],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="utrecht-data-list__item">
                  <dt className="utrecht-data-list__item-key">{t(`finance:detail.${key}`)}</dt>
                  <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd wr-prewrap">{value}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <Section title={t('finance:detail.tranches')} id="source-tranches">
            <Table caption={t('finance:detail.tranches')} captionHidden columns={trancheColumns} rows={s.tranches} rowKey={(tr) => String(tr.seq)} empty={t('finance:detail.noTranches')} />
          </Section>
          <Section title={t('finance:detail.obligations')} id="source-obligations">
            <Table caption={t('finance:detail.obligations')} captionHidden columns={obligationColumns} rows={s.obligations} rowKey={(o) => o.id} empty={t('finance:detail.noObligations')} />
          </Section>
          <Section title={t('finance:detail.perActivity')} id="source-activities">
            <Table caption={t('finance:detail.perActivity')} captionHidden columns={activityColumns} rows={s.activities} rowKey={(a) => a.activityId} empty={t('finance:detail.noActivities')} />
          </Section>
          {hasPermission(user, 'finance.export') ? (
            <Section title={t('finance:detail.statement')} id="source-statement">
              <p className="utrecht-paragraph">{t('finance:detail.statementLead')}</p>
              <div className="wr-button-group utrecht-button-group">
                <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={accountabilityUrl(s.id, 'xlsx')} download>
                  {t('finance:download.xlsx')}
                </a>
                <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={accountabilityUrl(s.id, 'docx')} download>
                  {t('finance:download.docx')}
                </a>
              </div>
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
