import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../platform/web/components/StatusBadge';
import type { InitiativeStatus } from '../contract';

const LOOK: Record<InitiativeStatus, BadgeStatus> = {
  ingediend: 'neutral',
  ontvankelijk: 'neutral',
  niet_ontvankelijk: 'inactive',
  beoordeeld: 'warning',
  toegekend: 'active',
  afgewezen: 'danger',
  uitgevoerd: 'active',
  verantwoord: 'safe',
};

/** The status in words (never colour alone). */
export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={LOOK[status]}>{t(`initiatives:status.${status}`)}</StatusBadge>;
}
