import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { Table } from '../../../../platform/web/components/Table';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { SurveySummary } from '../../contract';
import { useSurveys } from '../survey-api';

/** /enquetes: the municipality's resident surveys. */
export default function SurveysPage() {
  const { t, i18n } = useTranslation();
  const surveys = useSurveys();
  return (
    <Page
      title={t('survey:list.title')}
      lead={t('survey:list.lead')}
      actions={
        <Link className="utrecht-button utrecht-button--secondary-action wr-button-link" to="/enquetes/nieuw">
          {t('survey:new.newLink')}
        </Link>
      }
    >
      <QueryState isPending={surveys.isPending} error={surveys.error} onRetry={() => void surveys.refetch()} />
      {surveys.data ? (
        <Table<SurveySummary>
          caption={t('survey:list.caption')}
          captionHidden
          rows={surveys.data.items}
          rowKey={(s) => s.id}
          empty={t('survey:list.empty')}
          columns={[
            { key: 'title', header: t('survey:list.name'), rowHeader: true, render: (s) => <Link className="utrecht-link utrecht-link--html-a" to={`/enquetes/${s.id}`}>{s.title}</Link> },
            { key: 'period', header: t('survey:list.period'), render: (s) => t('survey:period', { from: formatDate(s.opensOn, i18n.language), to: formatDate(s.closesOn, i18n.language) }) },
            { key: 'status', header: t('survey:list.status'), render: (s) => <StatusBadge status={s.open ? 'active' : 'inactive'}>{t(s.open ? 'survey:status.open' : 'survey:status.closed')}</StatusBadge> },
          ]}
        />
      ) : null}
    </Page>
  );
}
