import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common:notFound.title')}>
      <p className="utrecht-paragraph">{t('common:notFound.body')}</p>
      <p className="utrecht-paragraph">
        <Link to="/" className="utrecht-link utrecht-link--html-a">
          {t('common:notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
