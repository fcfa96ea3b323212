import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../platform/web/api-client';
import { Alert } from '../../../platform/web/components/Alert';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { InitiativeSummary } from '../contract';

/**
 * For the activity page: "came from a resident initiative", linking back to it. Renders nothing for an activity
 * that did not come from one, or for a user who may not read initiatives.
 */
export function InitiativeOrigin({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const allowed = hasPermission(useCurrentUser(), 'initiatives.read');
  const origin = useQuery({
    queryKey: ['initiatives', { activity: activityId }],
    queryFn: () => api.get<{ items: InitiativeSummary[] }>(`/api/v1/initiatives?activity=${encodeURIComponent(activityId)}`),
    enabled: allowed,
  });
  const initiative = origin.data?.items[0];
  if (!allowed || !initiative) return null;
  return (
    <Alert type="info">
      <p className="utrecht-paragraph">
        {t('initiatives:origin.text')}{' '}
        <Link className="utrecht-link utrecht-link--html-a" to={`/bewonersinitiatieven/${initiative.id}`}>
          {initiative.title}
        </Link>
      </p>
    </Alert>
  );
}
