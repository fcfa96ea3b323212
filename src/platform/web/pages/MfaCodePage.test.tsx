// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken, setFetchForTests } from '../api-client';
import { resetPageFocusForTests } from '../components/Page';
import { createI18n } from '../i18n';
import { WEB_MODULES } from '../modules';
import { MfaCodePage } from './MfaCodePage';

const USER = {
  id: '0b6f3b4e-1d6a-4a55-9a8e-5c2a1e1f0a01',
  username: 'zorg',
  displayName: 'Demo Zorg',
  organisation: { id: '0b6f3b4e-1d6a-4a55-9a8e-5c2a1e1f0a02', name: 'Welzijn', kind: 'welzijn_zorg' },
  roles: ['partner'],
  areaScopes: [],
  permissions: [],
  locale: 'nl',
  totpEnabled: true,
  mfaEnrolmentRequired: false,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

beforeEach(() => {
  localStorage.clear();
  resetPageFocusForTests();
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('MfaCodePage', () => {
  it('checks the format, says when the code is wrong, and continues once it is right', async () => {
    const bodies: unknown[] = [];
    setFetchForTests(async (url, init) => {
      if (String(url) !== '/api/v1/session/totp') return json(404, { type: 'urn:wijkregie:problem:not_found', title: 'x', status: 404, detail: '' });
      const body = JSON.parse(String(init?.body)) as { code: string };
      bodies.push(body);
      if (body.code !== '123456') return json(422, { type: 'urn:wijkregie:problem:auth.invalid_totp', title: 'x', status: 422, detail: 'The code is not valid' });
      return json(200, { user: USER, csrfToken: 'csrf-2', demoMode: false });
    });
    const router = createMemoryRouter(
      [
        { path: '/mfa', element: <MfaCodePage /> },
        { path: '/', element: <p>home</p> },
      ],
      { initialEntries: ['/mfa'] },
    );
    render(
      <I18nextProvider i18n={createI18n(WEB_MODULES, 'nl')}>
        <QueryClientProvider client={new QueryClient()}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Verificatiecode invoeren' });
    const field = screen.getByLabelText('Verificatiecode');
    fireEvent.change(field, { target: { value: '12ab' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Doorgaan' })));
    expect(bodies).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('Vul zes cijfers in.');

    fireEvent.change(field, { target: { value: '654321' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Doorgaan' })));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('De verificatiecode klopt niet of is verlopen.'));

    fireEvent.change(screen.getByLabelText('Verificatiecode'), { target: { value: '123 456' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Doorgaan' })));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(bodies).toEqual([{ code: '654321' }, { code: '123456' }]);
  });
});
