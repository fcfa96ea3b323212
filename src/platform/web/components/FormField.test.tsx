// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { WEB_MODULES } from '../modules';
import { ErrorSummary } from './ErrorSummary';
import { CheckboxGroup, TextField } from './FormField';

afterEach(cleanup);

describe('TextField', () => {
  it('ties label, description and error to the control', () => {
    render(<TextField id="name" label="Naam" description="Zoals op de website" error="Vul een naam in." value="" onChange={() => undefined} />);
    const input = screen.getByLabelText('Naam');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('name-description name-error');
    expect(document.getElementById('name-error')?.textContent).toBe('Vul een naam in.');
    expect(document.getElementById('name-description')?.textContent).toBe('Zoals op de website');
  });

  it('is not marked invalid without an error', () => {
    render(<TextField label="Naam" value="" onChange={() => undefined} />);
    const input = screen.getByLabelText('Naam');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('CheckboxGroup', () => {
  it('is a named group whose first box carries the id an error link points at', () => {
    render(
      <CheckboxGroup
        id="roles"
        name="roles"
        legend="Rollen"
        error="Kies minstens één rol."
        options={[
          { value: 'analyst', label: 'Analist' },
          { value: 'finance', label: 'Financiën' },
        ]}
        value={['finance']}
        onChange={() => undefined}
      />,
    );
    const group = screen.getByRole('group', { name: 'Rollen' });
    expect(group.getAttribute('aria-describedby')).toBe('roles-error');
    expect((screen.getByLabelText('Analist') as HTMLInputElement).id).toBe('roles');
    expect((screen.getByLabelText('Financiën') as HTMLInputElement).checked).toBe(true);
  });
});

describe('ErrorSummary', () => {
  it('announces field errors with links to the fields', () => {
    render(
      <I18nextProvider i18n={createI18n(WEB_MODULES, 'nl')}>
        <ErrorSummary fields={[{ fieldId: 'login-username', label: 'Gebruikersnaam', message: 'Vul dit veld in.' }]} />
      </I18nextProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Controleer de gemarkeerde velden.');
    expect(screen.getByRole('link', { name: 'Gebruikersnaam: Vul dit veld in.' }).getAttribute('href')).toBe('#login-username');
  });

  it('renders nothing when all is well', () => {
    const { container } = render(
      <I18nextProvider i18n={createI18n(WEB_MODULES, 'nl')}>
        <ErrorSummary />
      </I18nextProvider>,
    );
    expect(container.innerHTML).toBe('');
  });
});
