import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { Page } from '../../../platform/web/components/Page';
import { newsletterProblem } from './newsletter-problem';
import { useUnsubscribe } from './newsletter-api';

/** The unsubscribe link of every newsletter: one button, and the address is deleted. */
export default function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const unsubscribe = useUnsubscribe();
  return (
    <Page title={t('newsletter:unsubscribe.title')}>
      {unsubscribe.isSuccess ? (
        <Alert type="ok" live="status" heading={t('newsletter:unsubscribe.doneHeading')}>
          <p className="utrecht-paragraph">{t('newsletter:unsubscribe.doneText')}</p>
        </Alert>
      ) : unsubscribe.error ? (
        <Alert type="info" live="alert">
          <p className="utrecht-paragraph">{newsletterProblem(unsubscribe.error, t, true)}</p>
        </Alert>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('newsletter:unsubscribe.text')}</p>
          <Button appearance="primary" busy={unsubscribe.isPending} onClick={() => unsubscribe.mutate(token)}>
            {t('newsletter:unsubscribe.button')}
          </Button>
        </>
      )}
    </Page>
  );
}
