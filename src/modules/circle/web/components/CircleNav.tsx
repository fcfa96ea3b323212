import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The circle's own pages, as a row of links under the title. */
export function CircleNav() {
  const { t } = useTranslation();
  const links = [
    ['/kring', 'circle:subnav.overview'],
    ['/kring/lessen', 'circle:subnav.lessons'],
    ['/kring/bijeenkomsten', 'circle:subnav.meetings'],
    ['/kring/vergelijken', 'circle:subnav.median'],
  ] as const;
  return (
    <nav className="wr-circle-nav" aria-label={t('circle:subnav.label')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink end className="utrecht-link utrecht-link--html-a" to={to}>
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
