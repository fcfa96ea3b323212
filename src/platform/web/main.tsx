// Order matters: typeface, NL Design System tokens and components, then Wijkregie's own layer.
import './styles/fonts.css';
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/index.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiProblem, onSessionEvent, setCsrfRecovery } from './api-client';
import { createI18n } from './i18n';
import { WEB_MODULES } from './modules';
import { createAppRouter } from './router';
import { applySession, fetchSession, markSessionEnd, SESSION_QUERY_KEY } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (failureCount, error) => !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && failureCount < 2,
      staleTime: 15_000,
    },
  },
});

// Whichever page hears it first: a 401 means the session is gone (expired, user disabled, logged out elsewhere).
onSessionEvent((event) => {
  if (event === 'unauthorized') {
    markSessionEnd('expired');
    applySession(queryClient, null);
  } else {
    void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  }
});

setCsrfRecovery(async () => {
  const session = await fetchSession();
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
  return session?.csrfToken ?? null;
});

const i18n = createI18n(WEB_MODULES);
const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
