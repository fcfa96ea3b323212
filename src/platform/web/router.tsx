import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import type { Permission } from '../shared/permissions';
import { Alert } from './components/Alert';
import { AppShell, Shell } from './components/AppShell';
import { LoadingMessage } from './components/LoadingMessage';
import { readStoredLocale, storeLocale } from './i18n';
import { problemMessage } from './i18n/problem-message';
import { WEB_MODULES } from './modules';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MfaCodePage } from './pages/MfaCodePage';
import { MfaEnrolmentPage } from './pages/MfaEnrolmentPage';
import { NoAccessPage } from './pages/NoAccessPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { forgetUserData, hasPermission, SESSION_QUERY_KEY, useSession } from './session';

/** Adopts the account's language after a reload, unless this browser has a choice of its own. */
function useAccountLocale(locale: 'nl' | 'en' | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!locale || readStoredLocale() !== null) return;
    storeLocale(locale);
    void i18n.changeLanguage(locale);
  }, [locale, i18n]);
}

/**
 * Checks the session again on every navigation, so a user who was disabled or whose session expired is
 * sent to the login page at their next click, even on pages that load no data.
 */
function useSessionCheckOnNavigation(navigationKey: string, loggedIn: boolean): void {
  const queryClient = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  }, [navigationKey, queryClient]);
  useEffect(() => {
    if (!loggedIn) forgetUserData(queryClient);
  }, [loggedIn, queryClient]);
}

function SessionLoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Shell user={null} navigation={false}>
      <Alert type="error">{problemMessage(error, t)}</Alert>
    </Shell>
  );
}

/**
 * Everything but the login page needs a session. A user who must set up MFA first is held on the
 * enrolment page (the server refuses everything else to them anyway).
 */
function RequireSession({ enrolment = false }: { enrolment?: boolean }) {
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  useAccountLocale(session?.user.locale);
  useSessionCheckOnNavigation(location.key, isPending || Boolean(session));
  if (isPending) {
    return (
      <Shell user={null} navigation={false}>
        <LoadingMessage />
      </Shell>
    );
  }
  if (error) return <SessionLoadError error={error} />;
  if (!session) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (session.user.mfaEnrolmentRequired && !enrolment) return <Navigate to="/mfa" replace />;
  if (!session.user.mfaEnrolmentRequired && enrolment) return <Navigate to="/" replace />;
  if (enrolment) {
    return (
      <Shell user={session.user} navigation={false}>
        <Outlet />
      </Shell>
    );
  }
  return <Outlet />;
}

/** A session that owes its second factor: the code of the user's app, or setting one up first. */
function MfaStep() {
  const { data: session } = useSession();
  return session?.user.totpEnabled ? <MfaCodePage /> : <MfaEnrolmentPage />;
}

/**
 * A page anyone may open (the privacy statement must be readable before logging in): the shell without the
 * session check. A visitor sees no menu; someone logged in keeps theirs, so the page is not a dead end.
 */
function PublicPage() {
  const { data: session } = useSession();
  // Someone who still owes the set-up of a second factor may use nothing behind the menu yet.
  return (
    <Shell user={session?.user ?? null} navigation={Boolean(session && !session.user.mfaEnrolmentRequired)}>
      <Suspense fallback={<LoadingMessage />}>
        <Outlet />
      </Suspense>
    </Shell>
  );
}

function RequirePermission({ permission, children }: { permission: Permission | 'authenticated'; children: ReactNode }) {
  const { data: session } = useSession();
  // Every route sits inside RequireSession: 'authenticated' needs nothing more.
  return permission === 'authenticated' || hasPermission(session?.user, permission) ? <>{children}</> : <NoAccessPage />;
}

export function buildRoutes(): RouteObject[] {
  const moduleRoutes: RouteObject[] = WEB_MODULES.flatMap((module) =>
    module.routes.map(({ path, permission, Component }) => ({
      path,
      element: (
        <RequirePermission permission={permission}>
          <Component />
        </RequirePermission>
      ),
    })),
  );
  const publicRoutes: RouteObject[] = WEB_MODULES.flatMap((module) => (module.publicRoutes ?? []).map(({ path, Component }) => ({ path, element: <Component /> })));
  return [
    { path: '/login', element: <LoginPage /> },
    { element: <PublicPage />, children: publicRoutes },
    { element: <RequireSession enrolment />, children: [{ path: '/mfa', element: <MfaStep /> }] },
    {
      element: <RequireSession />,
      children: [
        {
          element: <AppShell />,
          children: [{ index: true, element: <HomePage /> }, ...moduleRoutes, { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(buildRoutes());
}
