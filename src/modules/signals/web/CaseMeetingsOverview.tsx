import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../platform/web/api-client';
import { Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../platform/web/components/Table';
import type { CaseSummary } from '../contract';
import { DEMO_MUNICIPALITY, formatDate } from './signals-api';

interface CaseMeetingRow {
  key: string;
  heldOn: string;
  caseId: string;
  caseTitle: string;
  areaName: string | null;
  status: CaseSummary['status'];
}

/**
 * The casusoverleggen of the cases the reader may see, for the meetings overview: a casusoverleg is one
 * thing, recorded on its case (where the signals' need-to-know and read audit cover it), and listed here
 * beside the other meetings. It reads the same case list as the cases page, so it shows nothing more.
 */
export function CaseMeetingsOverview({ municipalities }: { municipalities: readonly string[] }) {
  const { t, i18n } = useTranslation();
  // Without meetings to go by, the municipality the cases page shows.
  const codes = municipalities.length > 0 ? municipalities : [DEMO_MUNICIPALITY];
  const lists = useQueries({
    queries: codes.map((municipality) => ({
      queryKey: ['signals', 'cases', municipality],
      queryFn: () => api.get<{ items: CaseSummary[] }>(`/api/v1/signal-cases?municipality=${encodeURIComponent(municipality)}`),
    })),
  });
  const failed = lists.find((list) => list.error);
  const pending = lists.some((list) => list.isPending);
  const rows: CaseMeetingRow[] = lists
    .flatMap((list) => list.data?.items ?? [])
    .flatMap((c) => c.meetingDates.map((heldOn, i) => ({ key: `${c.id}-${i}`, heldOn, caseId: c.id, caseTitle: c.title, areaName: c.areaName, status: c.status })))
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || a.caseTitle.localeCompare(b.caseTitle, 'nl'));
  const columns: Column<CaseMeetingRow>[] = [
    { key: 'date', header: t('signals:caseMeetings.date'), render: (row) => <span className="wr-nowrap">{formatDate(row.heldOn, i18n.language)}</span> },
    {
      key: 'case',
      header: t('signals:caseMeetings.case'),
      rowHeader: true,
      render: (row) => (
        <Link className="utrecht-link utrecht-link--html-a" to={`/casussen/${row.caseId}`}>
          {row.caseTitle}
        </Link>
      ),
    },
    { key: 'area', header: t('signals:caseMeetings.area'), render: (row) => row.areaName ?? '—' },
    { key: 'status', header: t('signals:caseMeetings.caseStatus'), render: (row) => t(`signals:caseStatus.status.${row.status}`) },
  ];
  return (
    <Section title={t('signals:caseMeetings.heading')} id="case-meetings">
      <p className="utrecht-paragraph">{t('signals:caseMeetings.lead')}</p>
      <QueryState isPending={pending} error={failed?.error ?? null} onRetry={() => lists.forEach((list) => void list.refetch())} />
      {!pending && !failed ? <Table caption={t('signals:caseMeetings.heading')} captionHidden columns={columns} rows={rows} rowKey={(row) => row.key} empty={t('signals:caseMeetings.empty')} /> : null}
    </Section>
  );
}
