import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge, type BadgeStatus } from '../../../platform/web/components/StatusBadge';
import { formatDate, formatDateTime } from '../../../platform/web/i18n/format';
import { useSignalText } from '../../finance/web/index';
import type { WorklistItem } from '../contract';

const BADGE: Record<WorklistItem['urgency'], BadgeStatus> = { alert: 'danger', warning: 'warning', info: 'neutral' };

function useEuro() {
  const { i18n } = useTranslation();
  return (cents: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Math.round(cents / 100));
}

/** The title a row links with: the thing's own name, or what it is when it has none (a threshold change). */
function useTitle() {
  const { t } = useTranslation();
  const euro = useEuro();
  return (item: WorklistItem) => (item.kind === 'threshold_change' ? t('worklist:row.thresholdTitle', { amount: euro(item.amountCents ?? 0) }) : item.title || t(`worklist:kind.${item.kind}`));
}

/** One line under the title: what kind of thing it is and why it is here, in words. */
function useDescription() {
  const { t, i18n } = useTranslation();
  const euro = useEuro();
  const signalText = useSignalText();
  const date = (d: string | null) => formatDate(d, i18n.language);
  return (item: WorklistItem): string[] => {
    const parts: string[] = [];
    switch (item.kind) {
      case 'action':
      case 'action_follow_up':
        parts.push(item.kind === 'action_follow_up' ? t('worklist:row.actionOf', { owner: item.person ?? '' }) : item.detail === 'organisation' ? t('worklist:row.actionOfOrganisation') : t('worklist:row.action'));
        if (item.context) parts.push(item.context);
        parts.push(item.daysOverdue !== null ? t('worklist:row.daysLate', { count: item.daysOverdue, date: date(item.dueDate) }) : t('worklist:row.dueOn', { date: date(item.dueDate) }));
        break;
      case 'spatial_condition':
        parts.push(t('worklist:row.spatialCondition'));
        if (item.context) parts.push(item.context);
        parts.push(item.daysOverdue !== null ? t('worklist:row.daysLate', { count: item.daysOverdue, date: date(item.dueDate) }) : t('worklist:row.dueOn', { date: date(item.dueDate) }));
        break;
      case 'finance_entry':
        parts.push(t(`worklist:row.entry.${item.detail === 'spend' ? 'spend' : 'commitment'}`, { amount: euro(item.amountCents ?? 0) }));
        if (item.context) parts.push(item.context);
        parts.push(t('worklist:row.submittedBy', { name: item.person ?? '' }));
        break;
      case 'threshold_change':
        parts.push(t('worklist:row.proposedBy', { name: item.person ?? '' }));
        break;
      case 'line_proposal':
        parts.push(t('worklist:row.lineProposal', { amount: euro(item.amountCents ?? 0) }));
        if (item.context) parts.push(item.context);
        parts.push(t('worklist:row.proposedByLower', { name: item.person ?? '' }));
        break;
      case 'escalation':
        parts.push(t('worklist:row.escalated', { name: item.person ?? t('worklist:row.someone'), date: formatDateTime(item.at, i18n.language) }));
        break;
      case 'activity_past_end':
        parts.push(t('worklist:row.activityPastEnd', { count: item.daysOverdue ?? 0, date: date(item.dueDate) }));
        if (item.context) parts.push(item.context);
        break;
      case 'goal_off_track':
        parts.push(t('worklist:row.goalOffTrack', { date: date(item.dueDate) }));
        if (item.context) parts.push(item.context);
        break;
      case 'money':
        if (item.signal) parts.push(signalText(item.signal));
        if (item.context) parts.push(item.context);
        break;
      case 'change':
        parts.push(t(`worklist:row.change.${item.detail ?? 'updated'}`, { name: item.person ?? '', defaultValue: t('worklist:row.change.updated', { name: item.person ?? '' }) }));
        if (item.context) parts.push(item.context);
        parts.push(formatDateTime(item.at, i18n.language));
        break;
    }
    return parts;
  };
}

export function WorklistRow({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const title = useTitle();
  const describe = useDescription();
  return (
    <li className="wr-worklist__row">
      <div className="wr-worklist__main">
        <Link className="utrecht-link utrecht-link--html-a wr-worklist__link" to={item.href}>
          {title(item)}
        </Link>
        <span className="wr-worklist__meta">{describe(item).join(' · ')}</span>
      </div>
      <StatusBadge status={BADGE[item.urgency]}>{t(`worklist:urgency.${item.urgency}`)}</StatusBadge>
    </li>
  );
}
