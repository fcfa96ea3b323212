import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../contract';
import { formatIsoDate } from '../format';
import { ActivityStatusBadge } from './StatusBadges';

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The span of years the timeline shows: from the earliest start to the latest end, whole years. */
export function timelineRange(activities: readonly Pick<Activity, 'start' | 'end'>[], today: string): { from: string; to: string; years: number[] } {
  const starts = activities.map((a) => a.start).concat(today);
  const ends = activities.map((a) => a.end).concat(today);
  const first = Number(starts.sort()[0]?.slice(0, 4));
  const last = Number(ends.sort()[ends.length - 1]?.slice(0, 4));
  const years = [];
  for (let y = first; y <= last; y += 1) years.push(y);
  return { from: `${first}-01-01`, to: `${last + 1}-01-01`, years };
}

/** Where a date lies on the timeline, as a percentage of its width. */
export function position(iso: string, range: { from: string; to: string }): number {
  const span = dayOf(range.to) - dayOf(range.from);
  return Math.min(100, Math.max(0, ((dayOf(iso) - dayOf(range.from)) / span) * 100));
}

/**
 * A Gantt-like timeline as an HTML table: one row per activity, its bar placed by start and end on a shared
 * year scale, a line for today. The dates are in the bar's text for screen readers, not in its position only.
 */
export function ActivityTimeline({ activities, today, caption }: { activities: readonly Activity[]; today: string; caption: string }) {
  const { t, i18n } = useTranslation();
  if (activities.length === 0) return <p className="utrecht-paragraph wr-muted">{t('programmes:activities.empty')}</p>;
  const range = timelineRange(activities, today);
  const todayAt = position(today, range);
  return (
    <div className="utrecht-table-container wr-table-container" role="region" aria-label={caption} tabIndex={0}>
      <table className="utrecht-table wr-table wr-timeline">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="utrecht-table__header-cell wr-timeline__name-col">
              {t('programmes:activities.activity')}
            </th>
            <th scope="col" className="utrecht-table__header-cell wr-timeline__status-col">
              {t('programmes:activities.status')}
            </th>
            <th scope="col" className="utrecht-table__header-cell wr-timeline__scale-col">
              <div className="wr-timeline__scale">
                {range.years.map((year) => (
                  <span key={year} className="wr-timeline__year" style={{ left: `${position(`${year}-01-01`, range)}%` }}>
                    {year}
                  </span>
                ))}
              </div>
            </th>
          </tr>
        </thead>
        <tbody>
          {activities.map((activity) => {
            const left = position(activity.start, range);
            const width = Math.max(0.8, position(activity.end, range) - left);
            return (
              <tr key={activity.id}>
                <th scope="row" className="utrecht-table__header-cell wr-table__row-header">
                  <Link className="utrecht-link utrecht-link--html-a" to={`/activiteiten/${activity.id}`}>
                    {activity.name}
                  </Link>
                  <span className="wr-table__secondary">{activity.owner.organisationName}</span>
                </th>
                <td className="utrecht-table__cell">
                  <ActivityStatusBadge status={activity.status} slipping={activity.slipping} />
                </td>
                <td className="utrecht-table__cell wr-timeline__track-cell">
                  <div className="wr-timeline__track">
                    {range.years.map((year) => (
                      <span key={year} className="wr-timeline__gridline" style={{ left: `${position(`${year}-01-01`, range)}%` }} aria-hidden="true" />
                    ))}
                    <span className="wr-timeline__today" style={{ left: `${todayAt}%` }} aria-hidden="true" />
                    <span className={`wr-timeline__bar wr-timeline__bar--${activity.slipping ? 'slipping' : activity.status}`} style={{ left: `${left}%`, width: `${width}%` }}>
                      <span className="wr-timeline__progress" style={{ width: `${activity.progress}%` }} aria-hidden="true" />
                      <span className="wr-visually-hidden">
                        {t('programmes:activities.period', { start: formatIsoDate(activity.start, i18n.language), end: formatIsoDate(activity.end, i18n.language) })}, {t('programmes:activities.progressValue', { percent: activity.progress })}
                      </span>
                    </span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="utrecht-paragraph wr-timeline__legend">
        <span className="wr-timeline__legend-today" aria-hidden="true" /> {t('programmes:activities.todayLine', { date: formatIsoDate(today, i18n.language) })}
      </p>
    </div>
  );
}
