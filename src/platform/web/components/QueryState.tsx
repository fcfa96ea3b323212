import { useTranslation } from 'react-i18next';
import { problemMessage } from '../i18n/problem-message';
import { Alert } from './Alert';
import { Button } from './Button';
import { LoadingMessage } from './LoadingMessage';

interface QueryStateProps {
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
}

/** Loading and failure of a list, said the same way on every page. Renders nothing once data is there. */
export function QueryState({ isPending, error, onRetry }: QueryStateProps) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert type="error" heading={t('common:common.loadFailed')}>
        <p className="utrecht-paragraph">{problemMessage(error, t)}</p>
        {onRetry ? (
          <Button appearance="secondary" onClick={onRetry}>
            {t('common:common.retry')}
          </Button>
        ) : null}
      </Alert>
    );
  }
  if (isPending) return <LoadingMessage />;
  return null;
}
