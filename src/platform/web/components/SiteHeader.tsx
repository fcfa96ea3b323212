import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CurrentUser } from '../../../modules/auth/contract';
import { WEB_MODULES } from '../modules';
import { markSessionEnd, useLogout } from '../session';
import { Button } from './Button';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

export function SiteHeader({ user }: { user: CurrentUser | null }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <header className="utrecht-page-header wr-header">
      <DemoBanner />
      <div className="utrecht-page-header__content wr-header__content">
        <div className="wr-brand">
          <Link to="/" className="wr-brand__link">
            <Logo />
            <span className="wr-brand__name">{t('common:app.name')}</span>
          </Link>
          <span className="wr-brand__tagline">{t('common:app.tagline')}</span>
        </div>
        <div className="wr-header__tools">
          <LanguageSwitch />
          {user ? (
            <div className="wr-user">
              <p className="wr-user__who">
                <span className="wr-visually-hidden">{t('common:user.menuLabel')} </span>
                <span className="wr-user__name" data-testid="current-user">
                  {user.displayName}
                </span>
                <span className="wr-user__organisation">{user.organisation.name}</span>
                {/* Under the name, so the header keeps its one line however long the name is. */}
                {WEB_MODULES.flatMap(({ namespace, userMenuItem: Item }) => (Item ? [<Item key={namespace} />] : []))}
              </p>
              <Button
                appearance="secondary"
                className="wr-user__logout"
                onClick={() => {
                  markSessionEnd('logged_out');
                  void logout().then(() => navigate('/login', { replace: true }));
                }}
              >
                {t('common:user.logout')}
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
