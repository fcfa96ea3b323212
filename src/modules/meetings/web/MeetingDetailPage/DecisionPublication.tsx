import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { problemMessage } from '../../../../platform/web/i18n/problem-message';
import type { Decision } from '../../contract';
import { useSetDecisionPublication } from '../meetings-api';

/**
 * Whether residents see a decision on the public area pages (docs/publicpages.md): a badge for everyone, and for
 * whoever manages meetings the switch, also after the meeting closed. Never offered in a case meeting.
 */
export function DecisionPublication({ decision, canPublish, onMessage }: { decision: Decision; canPublish: boolean; onMessage: (message: string) => void }) {
  const { t } = useTranslation();
  const publish = useSetDecisionPublication();
  const next = !decision.isPublic;
  return (
    <div className="wr-decision__publication">
      {decision.isPublic ? <StatusBadge status="active">{t('meetings:publication.public')}</StatusBadge> : null}
      {canPublish ? (
        <Button
          appearance="subtle"
          busy={publish.isPending}
          onClick={() => publish.mutate({ id: decision.id, isPublic: next }, { onSuccess: () => onMessage(t(next ? 'meetings:publication.madePublic' : 'meetings:publication.madeInternal')) })}
        >
          {t(next ? 'meetings:publication.makePublic' : 'meetings:publication.makeInternal')}
        </Button>
      ) : null}
      {publish.error ? (
        <Alert type="error" live="alert">
          {problemMessage(publish.error, t)}
        </Alert>
      ) : null}
    </div>
  );
}
