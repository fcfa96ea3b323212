import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import type { CurrentUser } from '../../../modules/auth/contract';
import { useSession } from '../session';
import { LoadingMessage } from './LoadingMessage';
import { MainNavigation } from './MainNavigation';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

interface ShellProps {
  user: CurrentUser | null;
  navigation: boolean;
  children: ReactNode;
}

/** Skip link, header, menu, main content and footer: the landmarks every page shares. */
export function Shell({ user, navigation, children }: ShellProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="utrecht-page-layout wr-layout">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus wr-skip-link" href="#main">
        {t('common:app.skipLink')}
      </a>
      <SiteHeader user={user} />
      {navigation && user ? <MainNavigation user={user} /> : null}
      {/* data-path is the address this content belongs to: the address bar changes before a lazily loaded page
          replaces the previous one, so the browser tests wait until the two agree. */}
      <main id="main" tabIndex={-1} className="wr-main" data-path={pathname}>
        <div className="wr-main__content">{children}</div>
      </main>
      <SiteFooter />
    </div>
  );
}

/** The layout of every logged-in page; module pages load lazily inside it. */
export function AppShell() {
  const { data: session } = useSession();
  return (
    <Shell user={session?.user ?? null} navigation>
      <Suspense fallback={<LoadingMessage />}>
        <Outlet />
      </Suspense>
    </Shell>
  );
}
