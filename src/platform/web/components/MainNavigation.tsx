import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { CurrentUser } from '../../../modules/auth/contract';
import { navigationFor } from '../navigation';

/** The main menu: only what this user's permissions allow. The server checks again on every request. */
export function MainNavigation({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const entries = navigationFor(user);
  return (
    <nav className="utrecht-nav-bar wr-nav" aria-label={t('common:nav.label')}>
      <div className="utrecht-nav-bar__content wr-nav__content">
        <ul className="utrecht-nav-list wr-nav__list">
          <li className="utrecht-nav-list__item">
            <NavLink to="/" end className="utrecht-nav-list__link wr-nav__link">
              {t('common:nav.home')}
            </NavLink>
          </li>
          {entries.map((entry) => (
            <li key={entry.to} className="utrecht-nav-list__item">
              <NavLink to={entry.to} className="utrecht-nav-list__link wr-nav__link">
                {t(entry.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
