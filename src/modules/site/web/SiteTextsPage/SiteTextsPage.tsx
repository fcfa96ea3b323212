import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { useSitePagesForEditing } from '../site-api';
import { SitePageForm } from './SitePageForm';

/** The administrator writes the three footer pages here (/beheer/site-teksten). */
export default function SiteTextsPage() {
  const { t } = useTranslation();
  const pages = useSitePagesForEditing();
  return (
    <Page title={t('site:admin.title')} lead={t('site:admin.lead')}>
      <QueryState isPending={pages.isPending} error={pages.error} onRetry={() => void pages.refetch()} />
      {pages.data?.map((page) => (
        <Section key={page.slug} id={`site-${page.slug}`} title={t(`site:page.defaultTitle.${page.slug}`)}>
          <SitePageForm page={page} />
        </Section>
      ))}
    </Page>
  );
}
