import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WEB_MODULES } from '../modules';
import { useMeta } from '../session';

/** The public pages that asked for a footer link (the privacy and accessibility statements, contact). */
const FOOTER_LINKS = WEB_MODULES.flatMap((module) => (module.publicRoutes ?? []).flatMap(({ path, footerLabelKey }) => (footerLabelKey ? [{ path, labelKey: footerLabelKey }] : [])));

export function SiteFooter() {
  const { t } = useTranslation();
  const { data: meta } = useMeta();
  return (
    <footer className="utrecht-page-footer wr-footer">
      <div className="utrecht-page-footer__content wr-footer__content">
        {FOOTER_LINKS.length ? (
          <nav aria-label={t('common:app.footerLinks')} className="wr-footer__nav">
            <ul className="wr-footer__links">
              {FOOTER_LINKS.map((link) => (
                <li key={link.path}>
                  <Link className="utrecht-link utrecht-link--html-a wr-footer__link" to={link.path}>
                    {t(link.labelKey)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <p className="wr-footer__text">
          {/* The version helps a user report a problem; which database runs is for the operator (GET /api/v1/meta), not the user. */}
          {meta ? t('common:app.footer', { version: meta.version }) : t('common:app.footerNoVersion')}
        </p>
      </div>
    </footer>
  );
}
