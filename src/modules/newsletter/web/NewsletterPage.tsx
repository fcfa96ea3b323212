import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Page } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { formatDate } from '../../../platform/web/i18n/format';
import { PlainTextBody } from '../../site/web/index';
import { NEWSLETTER_PATHS } from '../contract';
import { useNewsletter } from './newsletter-api';

/** One sent newsletter as its subscribers received it. */
export default function NewsletterPage() {
  const { t, i18n } = useTranslation();
  const { areaCode = '', id = '' } = useParams();
  const newsletter = useNewsletter(id);
  const data = newsletter.data;
  return (
    <Page title={data?.title ?? t('newsletter:archive.titleLoading')}>
      <QueryState isPending={newsletter.isPending} error={newsletter.error} onRetry={() => void newsletter.refetch()} />
      {data ? (
        <>
          {data.isDemo ? (
            <Alert type="info" heading={t('newsletter:one.demoHeading')}>
              <p className="utrecht-paragraph">{t('newsletter:one.demoText')}</p>
            </Alert>
          ) : null}
          <p className="utrecht-paragraph wr-muted">{t('newsletter:archive.sentOn', { date: formatDate(data.sentAt, i18n.language) })}</p>
          {!i18n.language.startsWith('nl') ? <p className="utrecht-paragraph wr-muted">{t('newsletter:one.writtenInDutch')}</p> : null}
          <PlainTextBody body={data.body} />
        </>
      ) : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to={NEWSLETTER_PATHS.archive(data?.areaCode ?? areaCode)}>
          {t('newsletter:one.back')}
        </Link>
      </p>
    </Page>
  );
}
