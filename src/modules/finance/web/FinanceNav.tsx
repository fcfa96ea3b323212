import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';

/** The finance pages as tabs, so budget, sources, approvals and proposals are one click apart. */
export function FinanceNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const tabs = [
    { to: '/financien', label: t('finance:nav.budget'), end: true },
    { to: '/financien/bronnen', label: t('finance:nav.sources'), end: false },
    ...(hasPermission(user, 'finance.approve') ? [{ to: '/financien/accordering', label: t('finance:nav.approvals'), end: false }] : []),
    { to: '/financien/begrotingsvoorstellen', label: t('finance:nav.proposals'), end: false },
  ];
  return (
    <nav className="wr-fin-tabs" aria-label={t('finance:nav.tabsLabel')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className={({ isActive }) => (isActive ? 'wr-fin-tabs__link wr-fin-tabs__link--active' : 'wr-fin-tabs__link')}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
