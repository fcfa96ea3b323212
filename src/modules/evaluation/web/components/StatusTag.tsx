import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import type { EvaluationStatus } from '../../contract';

const BADGE: Record<EvaluationStatus, BadgeStatus> = { concept: 'neutral', scoring_open: 'active', scoring_closed: 'warning', established: 'safe' };

/** The step an evaluation is in, in words. */
export function StatusTag({ status }: { status: EvaluationStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={BADGE[status]}>{t(`evaluation:status.${status}`)}</StatusBadge>;
}
