import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { ApiProblem } from '../../../../platform/web/api-client';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table } from '../../../../platform/web/components/Table';
import { formatMoney } from '../../../../platform/web/i18n/format';
import { SUBMIT_PATH } from '../../contract';
import { useWijkbudgetOverview } from '../initiatives-api';
import { Facts } from '../Facts';
import { InitiativeStatusBadge } from '../InitiativeStatusBadge';

/** Public: where this year's wijkbudget of an area went, per goal and per granted initiative (/bewoners/wijkbudget/:areaCode). */
export default function WijkbudgetPage() {
  const { t, i18n } = useTranslation();
  const { areaCode = '' } = useParams();
  const overview = useWijkbudgetOverview(areaCode);
  const data = overview.data;
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const none = overview.error instanceof ApiProblem && overview.error.status === 404;
  return (
    <Page title={data ? t('initiatives:overview.title', { area: data.areaName, year: data.year }) : t('initiatives:overview.titlePlain')} lead={t('initiatives:overview.lead')}>
      {none ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('initiatives:overview.none')}</p>
        </Alert>
      ) : (
        <QueryState isPending={overview.isPending} error={overview.error} onRetry={() => void overview.refetch()} />
      )}
      {data ? (
        <>
          <Facts
            items={[
              [t('initiatives:overview.total'), money(data.totalCents)],
              [t('initiatives:overview.granted'), money(data.grantedCents)],
              [t('initiatives:overview.remaining'), money(data.remainingCents)],
            ]}
          />
          <Section title={t('initiatives:overview.perGoal')}>
            <Table
              caption={t('initiatives:overview.perGoal')}
              captionHidden
              rowKey={(row) => row.goalName}
              rows={data.perGoal}
              empty={t('initiatives:overview.nothingGranted')}
              columns={[
                { key: 'c1', header: t('initiatives:fields.goal'), render: (row) => row.goalName, rowHeader: true },
                { key: 'c2', header: t('initiatives:overview.count'), render: (row) => row.count, numeric: true },
                { key: 'c3', header: t('initiatives:overview.granted'), render: (row) => money(row.grantedCents), numeric: true },
              ]}
            />
          </Section>
          <Section title={t('initiatives:overview.initiatives')}>
            {data.initiatives.some((i) => i.isExample) ? <p className="utrecht-paragraph wr-muted">{t('initiatives:overview.examples')}</p> : null}
            <Table
              caption={t('initiatives:overview.initiatives')}
              captionHidden
              rowKey={(row) => `${row.title}-${row.grantedCents}`}
              rows={data.initiatives}
              empty={t('initiatives:overview.nothingGranted')}
              columns={[
                { key: 'c4', header: t('initiatives:fields.title'), render: (row) => row.title, rowHeader: true },
                { key: 'c5', header: t('initiatives:fields.goal'), render: (row) => row.goalName },
                { key: 'c6', header: t('initiatives:fields.granted'), render: (row) => money(row.grantedCents), numeric: true },
                { key: 'c7', header: t('initiatives:fields.status'), render: (row) => <InitiativeStatusBadge status={row.status} /> },
              ]}
            />
          </Section>
        </>
      ) : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to={SUBMIT_PATH}>
          {t('initiatives:overview.submitLink')}
        </Link>
      </p>
    </Page>
  );
}
