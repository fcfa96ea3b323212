import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../platform/web/components/Table';
import { formatDate } from '../../../platform/web/i18n/format';
import type { LineProposal } from '../contract';
import { euro } from './money';

/**
 * Proposed budget lines in a table: waiting for finance ("voorgesteld") or turned down with the reason. They
 * count in no figure of the page, which the caption says; `showActivity` names the activity (budget overview).
 */
export function ProposedLines({ proposals, caption, showActivity = false }: { proposals: readonly LineProposal[]; caption: string; showActivity?: boolean }) {
  const { t, i18n } = useTranslation();
  const columns: Column<LineProposal>[] = [
    { key: 'year', header: t('finance:activityMoney.year'), render: (p) => p.year },
    {
      key: 'line',
      header: t('finance:budget.line'),
      rowHeader: true,
      render: (p) => (
        <>
          {showActivity ? <span className="wr-fin-line-activity">{p.activityName ?? t('finance:hiddenActivity')}</span> : null}
          {p.description}
          <span className="wr-fin-line-description">{p.fundingSourceName}</span>
        </>
      ),
    },
    { key: 'amount', header: t('finance:proposedLines.amount'), numeric: true, render: (p) => euro(p.amountCents) },
    {
      key: 'status',
      header: t('finance:budget.status'),
      render: (p) =>
        p.status === 'pending' ? (
          <>
            <StatusBadge status="warning">{t('finance:proposedLines.pending')}</StatusBadge>
            <span className="wr-fin-line-description">{t('finance:proposedLines.by', { name: p.proposedBy, date: formatDate(p.proposedAt.slice(0, 10), i18n.language) })}</span>
          </>
        ) : (
          <>
            <StatusBadge status="danger">{t('finance:proposedLines.rejected')}</StatusBadge>
            <span className="wr-fin-line-description">{t('finance:proposedLines.reason', { reason: p.decisionNote, name: p.decidedBy ?? '' })}</span>
          </>
        ),
    },
  ];
  return <Table caption={caption} columns={columns} rows={[...proposals]} rowKey={(p) => p.id} compact />;
}
