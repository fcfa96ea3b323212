import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { PublicActivity } from '../../contract';

const BADGE: Record<PublicActivity['status'], BadgeStatus> = { idea: 'neutral', planned: 'inactive', running: 'active', done: 'safe', stopped: 'inactive' };

/**
 * What is being done: each activity with the organisation responsible, its status and how far it is. Cards
 * rather than a five-column table, so a phone shows all of it without scrolling sideways.
 */
export function ActivityList({ activities }: { activities: readonly PublicActivity[] }) {
  const { t, i18n } = useTranslation();
  if (activities.length === 0) return <p className="utrecht-paragraph">{t('publicpages:activities.none')}</p>;
  return (
    <ul className="wr-public-goals">
      {activities.map((a) => (
        <li key={a.id} className="wr-public-card">
          <p className="utrecht-paragraph">
            <strong>{a.name}</strong>
          </p>
          <p className="utrecht-paragraph">
            <StatusBadge status={BADGE[a.status]}>{t(`publicpages:activities.statuses.${a.status}`)}</StatusBadge> {t('publicpages:activities.progressText', { percent: a.progress })}
          </p>
          <p className="utrecht-paragraph">
            {t('publicpages:activities.ownerText', { organisation: a.ownerOrganisationName })}
            {a.partnerOrganisationNames.length ? ` ${t('publicpages:activities.with', { partners: a.partnerOrganisationNames.join(', ') })}` : null}
          </p>
          <p className="utrecht-paragraph wr-muted">{t('publicpages:activities.periodText', { start: formatDate(a.start, i18n.language), end: formatDate(a.end, i18n.language) })}</p>
        </li>
      ))}
    </ul>
  );
}
