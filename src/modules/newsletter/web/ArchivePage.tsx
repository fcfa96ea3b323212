import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Page } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../platform/web/components/StatusBadge';
import { formatDate } from '../../../platform/web/i18n/format';
import { NEWSLETTER_PATHS } from '../contract';
import { useNewsletterArchive } from './newsletter-api';

/** The sent newsletters of one area, newest first, for anyone. */
export default function ArchivePage() {
  const { t, i18n } = useTranslation();
  const { areaCode = '' } = useParams();
  const archive = useNewsletterArchive(areaCode);
  const data = archive.data;
  return (
    <Page title={data ? t('newsletter:archive.title', { area: data.area.name }) : t('newsletter:archive.titleLoading')}>
      <QueryState isPending={archive.isPending} error={archive.error} onRetry={() => void archive.refetch()} />
      {data && data.items.length === 0 ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('newsletter:archive.empty')}</p>
        </Alert>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className="utrecht-unordered-list wr-newsletter-archive">
          {data.items.map((item) => (
            <li key={item.id} className="utrecht-unordered-list__item">
              <Link className="utrecht-link utrecht-link--html-a" to={NEWSLETTER_PATHS.newsletter(data.area.code, item.id)}>
                {item.title}
              </Link>{' '}
              <span className="wr-muted">{t('newsletter:archive.sentOn', { date: formatDate(item.sentAt, i18n.language) })}</span>{' '}
              {item.isDemo ? <StatusBadge status="neutral">{t('newsletter:archive.demo')}</StatusBadge> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to={NEWSLETTER_PATHS.subscribe}>
          {t('newsletter:archive.subscribe')}
        </Link>
      </p>
    </Page>
  );
}
