import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { Page } from '../../../platform/web/components/Page';
import { NEWSLETTER_PATHS } from '../contract';
import { newsletterProblem } from './newsletter-problem';
import { useConfirm } from './newsletter-api';

/**
 * The page behind the confirmation link. Confirming takes a click: a mail program that opens links to check
 * them must not confirm on the resident's behalf.
 */
export default function ConfirmPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useConfirm();
  return (
    <Page title={t('newsletter:confirm.title')}>
      {confirm.data ? (
        <Alert type="ok" live="status" heading={t('newsletter:confirm.doneHeading')}>
          <p className="utrecht-paragraph">{t('newsletter:confirm.doneText', { areas: confirm.data.areas.map((a) => a.name).join(', ') })}</p>
        </Alert>
      ) : (
        <>
          {confirm.error ? (
            <Alert type="error" live="alert">
              <p className="utrecht-paragraph">{newsletterProblem(confirm.error, t, true)}</p>
              <p className="utrecht-paragraph">
                <Link className="utrecht-link utrecht-link--html-a" to={NEWSLETTER_PATHS.subscribe}>
                  {t('newsletter:confirm.again')}
                </Link>
              </p>
            </Alert>
          ) : (
            <p className="utrecht-paragraph">{t('newsletter:confirm.text')}</p>
          )}
          {!confirm.error ? (
            <Button appearance="primary" busy={confirm.isPending} onClick={() => confirm.mutate(token)}>
              {t('newsletter:confirm.button')}
            </Button>
          ) : null}
        </>
      )}
    </Page>
  );
}
