import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { PublicDecision } from '../../contract';

type Action = PublicDecision['actions'][number];
const BADGE: Record<Action['status'], BadgeStatus> = { open: 'neutral', in_progress: 'active', done: 'safe', cancelled: 'inactive' };

/** The decisions the programme made public, each with what became of it. */
export function DecisionList({ decisions }: { decisions: readonly PublicDecision[] }) {
  const { t, i18n } = useTranslation();
  if (decisions.length === 0) return <p className="utrecht-paragraph">{t('publicpages:decisions.none')}</p>;
  return (
    <ul className="wr-public-goals">
      {decisions.map((decision) => (
        <li key={decision.id} className="wr-public-card">
          <p className="utrecht-paragraph">
            <strong>{decision.text}</strong>
          </p>
          <p className="utrecht-paragraph wr-muted">
            {t('publicpages:decisions.decided', { meeting: t(`publicpages:decisions.kinds.${decision.meetingKind}`, { defaultValue: t('publicpages:decisions.kinds.other') }), date: formatDate(decision.decidedOn, i18n.language) })}
          </p>
          {decision.actions.length === 0 ? (
            <p className="utrecht-paragraph">{t('publicpages:decisions.noActions')}</p>
          ) : (
            <>
              <p className="utrecht-paragraph">{t('publicpages:decisions.whatHappened')}</p>
              <ul className="utrecht-unordered-list">
                {decision.actions.map((action, i) => (
                  <li key={i} className="utrecht-unordered-list__item">
                    {action.title} <span className="wr-muted">({t('publicpages:decisions.by', { organisation: action.ownerOrganisationName, date: formatDate(action.dueDate, i18n.language) })})</span>{' '}
                    <StatusBadge status={action.overdue ? 'warning' : BADGE[action.status]}>{action.overdue ? t('publicpages:decisions.late') : t(`publicpages:decisions.statuses.${action.status}`)}</StatusBadge>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
