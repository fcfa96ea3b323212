import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../platform/web/api-client';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table } from '../../../../platform/web/components/Table';
import { formatDateTime } from '../signals-api';

interface Alerts {
  threshold: number;
  items: { id: string; username: string; hour: string; distinctPseudonyms: number; createdAt: string }[];
}

/** For administrators: users who read more distinct persons in one hour than the threshold allows. */
export default function UnusualReadsPage() {
  const { t, i18n } = useTranslation();
  const alerts = useQuery({ queryKey: ['signals', 'unusual-reads'], queryFn: () => api.get<Alerts>('/api/v1/signals/unusual-reads') });
  return (
    <Page title={t('signals:unusual.title')} lead={t('signals:unusual.lead', { threshold: alerts.data?.threshold ?? '…' })}>
      <QueryState isPending={alerts.isPending} error={alerts.error} />
      {alerts.data ? (
        <Table
          caption={t('signals:unusual.title')}
          captionHidden
          columns={[
            { key: 'user', header: t('signals:unusual.user'), rowHeader: true, render: (a) => a.username },
            { key: 'hour', header: t('signals:unusual.hour'), render: (a) => formatDateTime(a.hour, i18n.language) },
            { key: 'n', header: t('signals:unusual.count'), numeric: true, render: (a) => a.distinctPseudonyms },
          ]}
          rows={alerts.data.items}
          rowKey={(a) => a.id}
          empty={t('signals:unusual.none')}
        />
      ) : null}
    </Page>
  );
}
