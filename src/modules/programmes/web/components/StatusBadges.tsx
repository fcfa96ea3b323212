import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import type { ActivityStatus, GoalStatus } from '../../contract';

const GOAL_BADGE: Record<GoalStatus, BadgeStatus> = { on_track: 'safe', at_risk: 'warning', off_track: 'danger', no_data: 'neutral' };
// A symbol beside the colour, so the status is not told by colour alone (WCAG 1.4.1).
const GOAL_ICON: Record<GoalStatus, string> = { on_track: '✓', at_risk: '!', off_track: '✕', no_data: '?' };

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={GOAL_BADGE[status]}>
      <span aria-hidden="true">{GOAL_ICON[status]} </span>
      {t(`programmes:goalStatus.${status}`)}
    </StatusBadge>
  );
}

const ACTIVITY_BADGE: Record<ActivityStatus, BadgeStatus> = { idea: 'neutral', planned: 'inactive', running: 'active', done: 'safe', stopped: 'neutral' };

export function ActivityStatusBadge({ status, slipping = false }: { status: ActivityStatus; slipping?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="wr-badge-list">
      <StatusBadge status={ACTIVITY_BADGE[status]}>{t(`programmes:activityStatus.${status}`)}</StatusBadge>
      {slipping ? <StatusBadge status="danger">{t('programmes:activities.slipping')}</StatusBadge> : null}
    </span>
  );
}

export function ExampleBadge() {
  const { t } = useTranslation();
  return <StatusBadge status="warning">{t('programmes:common.example')}</StatusBadge>;
}
