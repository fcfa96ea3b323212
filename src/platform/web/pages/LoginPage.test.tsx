// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken, setFetchForTests } from '../api-client';
import { createI18n } from '../i18n';
import { WEB_MODULES } from '../modules';
import { resetPageFocusForTests } from '../components/Page';
import { LoginPage } from './LoginPage';

const USER = {
  id: '0b6f3b4e-1d6a-4a55-9a8e-5c2a1e1f0a01',
  username: 'beheerder',
  displayName: 'Demo Beheerder',
  organisation: { id: '0b6f3b4e-1d6a-4a55-9a8e-5c2a1e1f0a02', name: 'Gemeente Dordrecht', kind: 'gemeente' },
  roles: ['administrator'],
  areaScopes: [],
  permissions: ['users.manage'],
  locale: 'nl',
  totpEnabled: true,
  mfaEnrolmentRequired: false,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

function problem(status: number, code: string, detail = ''): Response {
  return json(status, { type: `urn:wijkregie:problem:${code}`, title: 'x', status, detail });
}

interface Call {
  method: string;
  url: string;
  body: unknown;
}

function renderLogin(respond: (call: Call) => Response, initialEntry = '/login') {
  const calls: Call[] = [];
  setFetchForTests(async (url, init) => {
    const call = { method: init?.method ?? 'GET', url: String(url), body: init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined };
    calls.push(call);
    return respond(call);
  });
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <p>home</p> },
    ],
    { initialEntries: [initialEntry] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={createI18n(WEB_MODULES, 'nl')}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { calls, router };
}

beforeEach(() => {
  localStorage.clear();
  resetPageFocusForTests();
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('LoginPage', () => {
  it('asks for the TOTP code when the server wants one, then logs in with it', async () => {
    const { calls, router } = renderLogin(({ method, url, body }) => {
      if (url === '/api/v1/session' && method === 'GET') return problem(401, 'auth.required');
      if (url === '/api/v1/meta') return json(200, { demoMode: true, version: '0.1.0', database: 'pglite' });
      if (url === '/api/v1/session' && method === 'POST') {
        const totp = (body as { totp?: string }).totp;
        if (!totp) return problem(401, 'auth.totp_required');
        return json(200, { user: USER, csrfToken: 'csrf-1', demoMode: true });
      }
      return problem(404, 'not_found');
    });

    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
    fireEvent.change(screen.getByLabelText('Gebruikersnaam'), { target: { value: 'beheerder' } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'demo' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Inloggen' })));

    const totpField = await screen.findByLabelText('Verificatiecode');
    fireEvent.change(totpField, { target: { value: '123456' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Inloggen' })));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.body)).toEqual([
      { username: 'beheerder', password: 'demo' },
      { username: 'beheerder', password: 'demo', totp: '123456' },
    ]);
  });

  it('says so when the password is wrong, and checks empty fields before sending', async () => {
    const { calls } = renderLogin(({ method, url }) => {
      if (url === '/api/v1/session' && method === 'POST') return problem(401, 'auth.invalid_credentials', 'Invalid username or password');
      if (url === '/api/v1/meta') return json(200, { demoMode: false, version: '0.1.0', database: 'pglite' });
      return problem(401, 'auth.required');
    });
    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
    expect(screen.queryByText('Demo-accounts')).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Inloggen' })));
    expect(screen.getByRole('alert').textContent).toContain('Gebruikersnaam: Vul dit veld in.');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Gebruikersnaam'), { target: { value: 'beheerder' } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'wrong' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Inloggen' })));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Gebruikersnaam of wachtwoord klopt niet.'));
  });

  it('tells how long to wait when login is throttled', async () => {
    renderLogin(({ method, url }) => {
      if (url === '/api/v1/session' && method === 'POST') {
        return new Response(JSON.stringify({ type: 'urn:wijkregie:problem:auth.throttled', title: 'x', status: 429, detail: 'Too many attempts' }), {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '90' },
        });
      }
      if (url === '/api/v1/meta') return json(200, { demoMode: true, version: '0.1.0', database: 'pglite' });
      return problem(401, 'auth.required');
    });
    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
    fireEvent.change(screen.getByLabelText('Gebruikersnaam'), { target: { value: 'beheerder' } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'x' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Inloggen' })));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Probeer het over 90 seconden opnieuw.'));
  });

  describe('OIDC login', () => {
    const respondWith = (oidc: { label: string | null } | null) => ({ url }: Call) =>
      url === '/api/v1/meta' ? json(200, { demoMode: false, version: '0.1.0', database: 'pglite', mapTiles: null, oidc }) : problem(401, 'auth.required');

    it('shows a link to the identity provider with the configured text, besides the password form', async () => {
      renderLogin(respondWith({ label: 'Inloggen met Gemeente-account' }));
      const link = await screen.findByRole('link', { name: 'Inloggen met Gemeente-account' });
      expect(link.getAttribute('href')).toBe('/api/v1/session/oidc/start');
      expect(screen.getByLabelText('Gebruikersnaam')).toBeTruthy();
      expect(screen.getByText('Of log in met je Wijkregie-gebruikersnaam en -wachtwoord:')).toBeTruthy();
    });

    it('uses its own, translated text when no label is configured', async () => {
      renderLogin(respondWith({ label: null }));
      expect(await screen.findByRole('link', { name: 'Inloggen met je organisatie-account' })).toBeTruthy();
    });

    it('shows no OIDC link when OIDC is not configured', async () => {
      renderLogin(respondWith(null));
      await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
      await waitFor(() => expect(screen.getByLabelText('Gebruikersnaam')).toBeTruthy());
      expect(screen.queryByRole('link', { name: /organisatie-account/ })).toBeNull();
    });

    it.each([
      ['unknown_user', 'Er is geen Wijkregie-account voor het account waarmee je bij je organisatie bent ingelogd.'],
      ['disabled', 'Je Wijkregie-account is uitgeschakeld.'],
      ['state_mismatch', 'hoort niet bij een inlogpoging vanuit deze browser'],
      ['expired', 'duurde te lang'],
      ['idp_error', 'heeft je niet ingelogd'],
      ['something-else', 'Inloggen via je organisatie is niet gelukt.'],
    ])('explains why an OIDC login failed (?oidc=%s)', async (reason, text) => {
      renderLogin(respondWith({ label: null }), `/login?oidc=${encodeURIComponent(reason)}`);
      await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(text));
    });
  });
});
