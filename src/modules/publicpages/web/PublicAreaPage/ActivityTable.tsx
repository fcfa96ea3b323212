import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { PublicActivity } from '../../contract';

const BADGE: Record<PublicActivity['status'], BadgeStatus> = { idea: 'neutral', planned: 'inactive', running: 'active', done: 'safe', stopped: 'inactive' };

/** What is being done: each activity with the organisation responsible, its status and how far it is. */
export function ActivityTable({ activities }: { activities: readonly PublicActivity[] }) {
  const { t, i18n } = useTranslation();
  const columns: Column<PublicActivity>[] = [
    { key: 'name', header: t('publicpages:activities.name'), rowHeader: true, render: (a) => a.name },
    {
      key: 'owner',
      header: t('publicpages:activities.owner'),
      render: (a) => (
        <>
          {a.ownerOrganisationName}
          {a.partnerOrganisationNames.length ? <span className="wr-muted">{` ${t('publicpages:activities.with', { partners: a.partnerOrganisationNames.join(', ') })}`}</span> : null}
        </>
      ),
    },
    { key: 'period', header: t('publicpages:activities.period'), render: (a) => `${formatDate(a.start, i18n.language)} – ${formatDate(a.end, i18n.language)}` },
    { key: 'status', header: t('publicpages:activities.status'), render: (a) => <StatusBadge status={BADGE[a.status]}>{t(`publicpages:activities.statuses.${a.status}`)}</StatusBadge> },
    { key: 'progress', header: t('publicpages:activities.progress'), numeric: true, render: (a) => `${a.progress}%` },
  ];
  return <Table caption={t('publicpages:activities.caption')} captionHidden columns={columns} rows={activities} rowKey={(a) => a.id} empty={t('publicpages:activities.none')} />;
}
