import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page';

/** Shown when someone opens the address of a page their role may not use. */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common:noAccess.title')}>
      <p className="utrecht-paragraph">{t('common:noAccess.body')}</p>
      <p className="utrecht-paragraph">
        <Link to="/" className="utrecht-link utrecht-link--html-a">
          {t('common:notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
