import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { CurrentUser } from '../../../modules/auth/contract';
import { navigationSectionsFor, type NavSection } from '../navigation';
import type { NavGroup } from '../web-module';

const descriptionId = (to: string) => `wr-nav-description${to.replace(/\//g, '-')}`;
const isUnder = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/**
 * The main menu: only what this user's permissions allow (the server checks again on every request).
 * Entries are grouped in sections that open as a list (disclosure buttons), so that the bar stays one line
 * however many modules a role may use; a section with one entry is a plain link.
 */
export function MainNavigation({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const sections = navigationSectionsFor(user);
  const [open, setOpen] = useState<NavGroup | null>(null);
  const navRef = useRef<HTMLElement>(null);

  // A followed link, a click elsewhere on the page: the open list closes.
  useEffect(() => setOpen(null), [pathname]);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (navRef.current && !navRef.current.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !open) return;
    navRef.current?.querySelector<HTMLButtonElement>(`#wr-nav-toggle-${open}`)?.focus();
    setOpen(null);
  };

  return (
    <nav ref={navRef} className="utrecht-nav-bar wr-nav" aria-label={t('common:nav.label')} onKeyDown={onKeyDown}>
      <div className="utrecht-nav-bar__content wr-nav__content">
        <ul className="utrecht-nav-list wr-nav__list">
          <li className="utrecht-nav-list__item">
            <NavLink to="/" end className="utrecht-nav-list__link wr-nav__link">
              {t('common:nav.home')}
            </NavLink>
          </li>
          {sections.map((section) =>
            section.entries.length === 1 ? (
              <li key={section.group} className="utrecht-nav-list__item">
                <NavLink to={section.entries[0]!.to} className="utrecht-nav-list__link wr-nav__link">
                  {t(section.entries[0]!.labelKey)}
                </NavLink>
              </li>
            ) : (
              <MenuSection key={section.group} section={section} pathname={pathname} open={open === section.group} onToggle={() => setOpen(open === section.group ? null : section.group)} />
            ),
          )}
        </ul>
      </div>
    </nav>
  );
}

function MenuSection({ section, pathname, open, onToggle }: { section: NavSection; pathname: string; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const current = section.entries.some((entry) => isUnder(pathname, entry.to));
  const panelId = `wr-nav-panel-${section.group}`;
  return (
    <li className="utrecht-nav-list__item wr-nav__section" data-menu-section={section.group}>
      <button
        type="button"
        id={`wr-nav-toggle-${section.group}`}
        className={`wr-nav__link wr-nav__toggle${current ? ' wr-nav__toggle--current' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={onToggle}
      >
        {t(`common:nav.groups.${section.group}`)}
        <span className="wr-nav__chevron" aria-hidden="true" />
      </button>
      <ul id={panelId} className="wr-nav__panel" hidden={!open}>
        {section.entries.map((entry) => (
          <li key={entry.to}>
            {/* The name is the label alone; the line under it is read as the link's description. */}
            <NavLink to={entry.to} className="wr-nav__panel-link" aria-describedby={descriptionId(entry.to)}>
              <span className="wr-nav__panel-label">{t(entry.labelKey)}</span>
              <span id={descriptionId(entry.to)} className="wr-nav__panel-description" aria-hidden="true">
                {t(entry.descriptionKey)}
              </span>
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}
