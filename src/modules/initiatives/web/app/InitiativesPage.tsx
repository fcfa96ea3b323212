import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table } from '../../../../platform/web/components/Table';
import { formatDate, formatMoney } from '../../../../platform/web/i18n/format';
import { INITIATIVE_STATUSES, wijkbudgetPublicPath, type InitiativeStatus } from '../../contract';
import { useInitiatives, useWijkbudgets } from '../initiatives-api';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { InitiativeStatusBadge } from '../InitiativeStatusBadge';
import { WijkbudgetForm } from './WijkbudgetForm';

/** The municipality's list of resident initiatives with filters, and the wijkbudgets (/bewonersinitiatieven). */
export default function InitiativesPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<InitiativeStatus | ''>('');
  const [area, setArea] = useState('');
  const list = useInitiatives({ status, area });
  const budgets = useWijkbudgets();
  const canSetBudgets = hasPermission(useCurrentUser(), 'wijkbudgets.manage');
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const areaOptions = (budgets.data?.items ?? []).map((b) => ({ value: b.areaCode, label: b.areaName })).filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  return (
    <Page title={t('initiatives:list.title')} lead={t('initiatives:list.lead')}>
      <div className="wr-filters">
        <SelectField
          id="initiatives-status"
          label={t('initiatives:fields.status')}
          options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiatives:status.${s}`) }))}
          placeholder={t('initiatives:list.allStatuses')}
          value={status}
          onChange={(e) => setStatus(e.target.value as InitiativeStatus | '')}
        />
        <SelectField id="initiatives-area" label={t('initiatives:list.wijkbudgetArea')} options={areaOptions} placeholder={t('initiatives:list.allAreas')} value={area} onChange={(e) => setArea(e.target.value)} />
      </div>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
      {list.data ? (
        <Table
          caption={t('initiatives:list.caption')}
          rowKey={(row) => row.id}
          rows={list.data.items}
          empty={t('initiatives:list.empty')}
          columns={[
            {
              key: 'title',
              header: t('initiatives:fields.title'),
              rowHeader: true,
              render: (row) => (
                <>
                  <Link className="utrecht-link utrecht-link--html-a" to={`/bewonersinitiatieven/${row.id}`}>
                    {row.title}
                  </Link>
                  {row.isExample ? <span className="wr-muted"> ({t('initiatives:list.example')})</span> : null}
                </>
              ),
            },
            { key: 'area', header: t('initiatives:fields.area'), render: (row) => row.areaName },
            { key: 'goal', header: t('initiatives:fields.goal'), render: (row) => row.goalName },
            { key: 'cost', header: t('initiatives:fields.cost'), render: (row) => money(row.costCents), numeric: true },
            {
              key: 'status',
              header: t('initiatives:fields.status'),
              render: (row) => (
                <>
                  <InitiativeStatusBadge status={row.status} />
                  {row.pendingGrant ? <span className="wr-muted"> {t('initiatives:list.waitsForSecond')}</span> : null}
                </>
              ),
            },
            { key: 'submitted', header: t('initiatives:fields.submitted'), render: (row) => formatDate(row.submittedAt, i18n.language) },
          ]}
        />
      ) : null}
      <Section title={t('initiatives:list.wijkbudgets')}>
        <QueryState isPending={budgets.isPending} error={budgets.error} />
        {budgets.data ? (
          <Table
            caption={t('initiatives:list.wijkbudgets')}
            captionHidden
            rowKey={(row) => row.id}
            rows={budgets.data.items}
            empty={t('initiatives:list.noWijkbudgets')}
            columns={[
              {
                key: 'area',
                header: t('initiatives:fields.area'),
                rowHeader: true,
                render: (row) => (
                  <Link className="utrecht-link utrecht-link--html-a" to={wijkbudgetPublicPath(row.areaCode)}>
                    {row.areaName}
                  </Link>
                ),
              },
              { key: 'year', header: t('initiatives:list.year'), render: (row) => row.year },
              { key: 'total', header: t('initiatives:overview.total'), render: (row) => money(row.totalCents), numeric: true },
              { key: 'granted', header: t('initiatives:overview.granted'), render: (row) => money(row.grantedCents), numeric: true },
              { key: 'remaining', header: t('initiatives:overview.remaining'), render: (row) => money(row.remainingCents), numeric: true },
              { key: 'threshold', header: t('initiatives:list.threshold'), render: (row) => money(row.fourEyesThresholdCents), numeric: true },
            ]}
          />
        ) : null}
      </Section>
      {canSetBudgets ? (
        <Section title={t('initiatives:wijkbudget.heading')}>
          <WijkbudgetForm />
        </Section>
      ) : null}
    </Page>
  );
}
