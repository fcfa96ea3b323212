import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { SitePageSlug } from '../../contract';
import { useSitePage } from '../site-api';
import { PlainTextBody } from './PlainTextBody';

/** A footer page as anyone reads it, logged in or not. */
export function SitePageView({ slug }: { slug: SitePageSlug }) {
  const { t, i18n } = useTranslation();
  const page = useSitePage(slug);
  const data = page.data;
  return (
    <Page title={data?.title ?? t(`site:page.defaultTitle.${slug}`)}>
      <QueryState isPending={page.isPending} error={page.error} onRetry={() => void page.refetch()} />
      {data && !data.written ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('site:page.notWritten')}</p>
        </Alert>
      ) : null}
      {data?.written && data.body !== null ? (
        <>
          {data.isDemo ? (
            <Alert type="info" heading={t('site:page.demoHeading')}>
              <p className="utrecht-paragraph">{t('site:page.demoText')}</p>
            </Alert>
          ) : null}
          {!i18n.language.startsWith('nl') ? <p className="utrecht-paragraph wr-muted">{t('site:page.writtenInDutch')}</p> : null}
          <PlainTextBody body={data.body} />
          {data.updatedAt ? <p className="utrecht-paragraph wr-muted">{t('site:page.updated', { date: formatDate(data.updatedAt, i18n.language) })}</p> : null}
        </>
      ) : null}
    </Page>
  );
}
