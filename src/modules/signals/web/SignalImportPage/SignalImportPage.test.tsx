// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken, setFetchForTests } from '../../../../platform/web/api-client';
import { resetPageFocusForTests } from '../../../../platform/web/components/Page';
import { createI18n } from '../../../../platform/web/i18n';
import { WEB_MODULES } from '../../../../platform/web/modules';
import SignalImportPage from './SignalImportPage';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

const TAXONOMY = { categories: [], regimes: [] };

beforeEach(() => resetPageFocusForTests());
afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function renderPage() {
  const router = createMemoryRouter([{ path: '/signalen-importeren', element: <SignalImportPage /> }], { initialEntries: ['/signalen-importeren'] });
  render(
    <I18nextProvider i18n={createI18n(WEB_MODULES, 'nl')}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

async function chooseAndSubmit(name: string) {
  fireEvent.change(screen.getByLabelText('CSV-bestand'), { target: { files: [new File(['x'], name, { type: 'text/csv' })] } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Importeren' })));
}

describe('SignalImportPage', () => {
  it('asks for a file, uploads with the CSRF token, reports the import and then every bad row', async () => {
    setCsrfToken('csrf-1');
    const sent: { headers: Record<string, string>; body: FormData }[] = [];
    const answers = [
      json(201, { id: 'imp-1', rows: 2, skipped: 1, status: 'applied' }),
      json(200, { id: 'imp-1', rows: 2, status: 'already_imported' }),
      json(422, {
        type: 'urn:wijkregie:problem:signal_import.invalid',
        title: 'Invalid',
        status: 422,
        detail: 'The file has 2 problem(s); nothing was imported',
        errors: [
          { path: 'line 3, column 11 (purpose)', message: 'Too small: expected string to have >=1 characters', code: 'required' },
          { path: 'line 4, column 1 (external_id)', message: 'appears twice in this file', code: 'duplicate_row' },
        ],
      }),
    ];
    setFetchForTests(async (url, init) => {
      if (String(url).startsWith('/api/v1/signal-categories')) return json(200, TAXONOMY);
      sent.push({ headers: init?.headers as Record<string, string>, body: init?.body as FormData });
      return answers.shift() ?? json(500, {});
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Signalen importeren' });
    expect(screen.getByRole('table', { name: 'Kolommen van een signalen-CSV' })).toBeTruthy();

    // Nothing chosen: the summary says so and nothing is sent.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Importeren' })));
    expect(screen.getByRole('alert').textContent).toContain('Kies een CSV-bestand.');
    expect(sent).toHaveLength(0);

    await chooseAndSubmit('meldingen.csv');
    const report = await screen.findByTestId('signal-import-report');
    expect(report.textContent).toContain('Geïmporteerd: 2 signalen.');
    expect(report.textContent).toContain('Overgeslagen: 1 regel');
    expect(document.activeElement).toBe(screen.getByTestId('signal-import-outcome'));
    expect(sent[0]?.headers['x-csrf-token']).toBe('csrf-1');
    expect(sent[0]?.body.get('municipality')).toBe('GM0505');
    expect((sent[0]?.body.get('file') as File).name).toBe('meldingen.csv');

    await chooseAndSubmit('meldingen.csv');
    await waitFor(() => expect(screen.getByTestId('signal-import-report').textContent).toContain('Er is niets opnieuw ingelezen'));
    expect(screen.getByText('Dit bestand was al geïmporteerd')).toBeTruthy();

    await chooseAndSubmit('fout.csv');
    const table = await screen.findByRole('table', { name: '2 fouten in het bestand' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('3');
    expect(rows[1]?.textContent).toContain('11 purpose');
    expect(rows[1]?.textContent).toContain('Dit is verplicht');
    expect(rows[2]?.textContent).toContain('Dit staat twee keer in het bestand');
    expect(table.textContent).not.toMatch(/Too small|appears twice/);
    expect(screen.getByText(/Er is niets opgeslagen/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('signal-import-outcome'));
  });

  it('counts the problems the server did not list, in Dutch, without its English count line', async () => {
    setCsrfToken('csrf-1');
    const listed = Array.from({ length: 100 }, (_, i) => ({ path: `line ${i + 2}, column 2 (category)`, message: 'unknown category', code: 'unknown_reference' }));
    setFetchForTests(async (url) => {
      if (String(url).startsWith('/api/v1/signal-categories')) return json(200, TAXONOMY);
      return json(422, {
        type: 'urn:wijkregie:problem:signal_import.invalid',
        title: 'Invalid',
        status: 422,
        detail: 'The file has 250 problem(s); nothing was imported',
        errors: [...listed, { path: 'file', message: '150 more problems not listed', code: 'more_not_listed', params: { count: 150 } }],
      });
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Signalen importeren' });
    await chooseAndSubmit('fout.csv');
    const table = await screen.findByRole('table', { name: '250 fouten in het bestand' });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(screen.getByText('Hierboven staan de eerste 100 fouten; er zijn nog 150 fouten die niet in de lijst staan.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('more problems');
  });
});
