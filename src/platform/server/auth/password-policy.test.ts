import { describe, expect, it } from 'vitest';
import { newPasswordProblem } from './password-policy.js';

describe('newPasswordProblem', () => {
  it.each([
    'password1234',
    'Password1234!',
    'wachtwoord123',
    'welkom123456',
    'qwertyuiop12',
    '123456789012',
    'iloveyou1234',
    'aaaaaaaaaaaaaaaa',
    'wijkregie2026',
    'P@ssw0rd2024!',
    'Welkom2024!!',
    'Wachtwoord!2025',
  ])('refuses the common or leaked password %s', (password) => {
    expect(newPasswordProblem(password)).toMatch(/too easy to guess/);
  });

  it('refuses a password built from the account’s own username or name', () => {
    expect(newPasswordProblem('p.jansen1234567', ['p.jansen', 'Piet Jansen'])).toMatch(/too easy to guess/);
  });

  it('refuses fewer than 12 characters, counted as characters, not bytes', () => {
    expect(newPasswordProblem('kort')).toBe('at least 12 characters');
    expect(newPasswordProblem('ééééééééééé')).toBe('at least 12 characters');
  });

  it.each(['correct horse battery', 'een lang wachtwoord 123', 'lang-genoeg-wachtwoord-42', 'nieuw en heel geheim', 'fiets regen kaas molen', 'a9$Kq2!xZ7#m'])(
    'accepts a passphrase or a random password: %s',
    (password) => {
      expect(newPasswordProblem(password)).toBeNull();
    },
  );
});
