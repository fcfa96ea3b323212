import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { formatNumber } from '../../../../platform/web/i18n/format';
import type { PublicGoal, PublicProgramme } from '../../contract';

const BADGE: Record<PublicGoal['status'], BadgeStatus> = { on_track: 'safe', at_risk: 'warning', off_track: 'danger', no_data: 'neutral' };

const year = (isoDate: string) => isoDate.slice(0, 4);

/** The goals under their strategic goal, each with its status in plain words and what it is measured by. */
export function GoalList({ programme }: { programme: PublicProgramme }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(Math.round(value * 10) / 10, i18n.language);
  if (programme.goals.length === 0) return <p className="utrecht-paragraph">{t('publicpages:goals.none')}</p>;
  return (
    <ul className="wr-public-goals">
      {programme.goals.map((goal) => (
        <li key={goal.id} className="wr-public-card">
          <p className="utrecht-paragraph wr-public-card__title">
            <strong>{goal.name}</strong>
          </p>
          <p className="utrecht-paragraph">
            <StatusBadge status={BADGE[goal.status]}>{t(`publicpages:goals.status.${goal.status}`)}</StatusBadge> {t(`publicpages:goals.explain.${goal.status}`)}
          </p>
          <p className="utrecht-paragraph wr-muted">
            {t('publicpages:goals.measure', { indicator: goal.indicatorName, area: goal.areaName })}{' '}
            {t('publicpages:goals.start', { value: number(goal.baseline), year: year(goal.baselineDate) })}{' '}
            {goal.target === null
              ? t('publicpages:goals.targetAverage', { year: year(goal.targetDate) })
              : t(goal.targetKind === 'municipality_average' ? 'publicpages:goals.targetAverageValue' : 'publicpages:goals.target', { value: number(goal.target), year: year(goal.targetDate) })}{' '}
            {goal.latest && goal.latest.value !== null ? t('publicpages:goals.latest', { value: number(goal.latest.value), year: goal.latest.period }) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
