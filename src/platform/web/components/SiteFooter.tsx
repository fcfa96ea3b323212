import { useTranslation } from 'react-i18next';
import { useMeta } from '../session';

export function SiteFooter() {
  const { t } = useTranslation();
  const { data: meta } = useMeta();
  return (
    <footer className="utrecht-page-footer wr-footer">
      <div className="utrecht-page-footer__content wr-footer__content">
        <p className="wr-footer__text">
          {/* The version helps a user report a problem; which database runs is for the operator (GET /api/v1/meta), not the user. */}
          {meta ? t('common:app.footer', { version: meta.version }) : t('common:app.footerNoVersion')}
        </p>
      </div>
    </footer>
  );
}
