import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  login,
  logout,
  mainMenu,
  pageHeading,
  screenshot,
  menuEntry,
  menuLink,
  waitForPageReady,
} from './app-actions';
import { startHarness, type Harness } from './harness';
import { totpCode } from './totp';

/**
 * The administrator's work, end to end and in order: language, an organisation, a user, an MFA policy the
 * new user must then follow, an API token, the audit log and its chain, and disabling the user, whose own
 * browser is then sent back to the login page.
 */

const ORGANISATION = 'Wijkteam Dordrecht-West (e2e)';
const NEW_USER = { username: 'e2e.raadslid', displayName: 'Roos Raadslid', password: 'lang-genoeg-wachtwoord-42' };
const TOKEN_NAME = 'CBS-import nacht (e2e)';

let harness: Harness;
let admin: { context: BrowserContext; page: Page };
let member: { context: BrowserContext; page: Page };

async function openFromMenu(page: Page, name: string | RegExp, path: string): Promise<void> {
  await (await menuLink(page, name)).click();
  await page.waitForURL((url) => url.pathname === path);
  // Lazy pages render when loaded; until then the previous page stays, so wait for the menu to move.
  await mainMenu(page).locator(`a[href="${path}"][aria-current="page"]`).waitFor({ state: 'attached' });
  await waitForPageReady(page);
}

beforeAll(async () => {
  harness = await startHarness();
  admin = await harness.newPage();
  member = await harness.newPage();
});

afterAll(async () => {
  await admin?.context.close().catch(() => undefined);
  await member?.context.close().catch(() => undefined);
  await harness?.stop();
});

describe('administrator', () => {
  it('logs in and sees the home page, with the admin modules in the menu', async () => {
    const { page } = admin;
    await login(page, 'beheerder');
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toMatch(/^Welkom, /);
    // The start page is the worklist (no tiles copying the menu): the admin pages are in the menu's Beheer section.
    await menuEntry(page, 'Gebruikers').first().waitFor({ state: 'attached' });
  });

  it('switches the language to English and back, and the choice survives a reload', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toMatch(/^Welcome, /);
    await mainMenu(page).getByRole('button', { name: 'Administration' }).waitFor();
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'home in English');
    await screenshot(page, 'home-english');

    await page.reload();
    await waitForPageReady(page);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    // Saved on the account too, not only in this browser.
    const locale = await page.evaluate(async () => ((await (await fetch('/api/v1/session')).json()) as { user: { locale: string } }).user.locale);
    expect(locale).toBe('en');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toMatch(/^Welkom, /);
  });

  it('creates an organisation', async () => {
    const { page } = admin;
    await openFromMenu(page, 'Organisaties', '/admin/organisations');
    await expectNoSeriousA11yViolations(page, 'organisations');

    // An empty form is refused in the browser, with the errors announced and tied to the fields.
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'organisations with errors');

    await page.getByLabel('Naam', { exact: true }).fill(ORGANISATION);
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Welzijn en zorg' });
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: `Organisatie ${ORGANISATION} is toegevoegd` }).waitFor();
    const row = page.getByRole('row').filter({ hasText: ORGANISATION });
    await row.waitFor();
    expect(await row.textContent()).toContain('Welzijn en zorg');
    await screenshot(page, 'admin-organisations');
  });

  it('creates a user in that organisation', async () => {
    const { page } = admin;
    await openFromMenu(page, 'Gebruikers', '/admin/users');
    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    await page.getByRole('heading', { name: 'Nieuwe gebruiker' }).waitFor();

    // Wrong input first: the browser explains in Dutch before anything is sent.
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('Roos');
    await page.getByLabel('Tijdelijk wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('minstens 12 tekens');
    await expectNoSeriousA11yViolations(page, 'new user form with errors');
    await screenshot(page, 'admin-user-form-errors');

    await page.getByLabel('Volledige naam').fill(NEW_USER.displayName);
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill(NEW_USER.username);
    await page.getByLabel('Tijdelijk wachtwoord').fill(NEW_USER.password);
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: ORGANISATION });
    await page.getByLabel('Bestuurder/raad (lezen)').check();
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByRole('status').filter({ hasText: `Gebruiker ${NEW_USER.username} is aangemaakt` }).waitFor();
    const row = page.getByRole('row').filter({ hasText: NEW_USER.displayName });
    await row.waitFor();
    expect(await row.textContent()).toContain(ORGANISATION);
    await expectNoSeriousA11yViolations(page, 'users');
    await screenshot(page, 'admin-users');
  });

  it('requires MFA for the new user’s role, which the user must then set up', async () => {
    const { page } = admin;
    await openFromMenu(page, 'MFA-beleid', '/admin/role-policies');
    await page.getByLabel('Bestuurder/raad (lezen)').check();
    await page.getByRole('button', { name: 'Beleid opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het MFA-beleid is opgeslagen' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'role policies');
    await screenshot(page, 'admin-role-policies');

    // The new user logs in elsewhere and can do nothing but link an authenticator app.
    const user = member.page;
    await login(user, NEW_USER.username, NEW_USER.password);
    await user.waitForURL((url) => url.pathname === '/mfa');
    await waitForPageReady(user);
    expect(await pageHeading(user).textContent()).toBe('Tweestapsverificatie instellen');
    expect(await user.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await user.getByRole('button', { name: 'Koppeling starten' }).click();
    const secret = ((await user.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoSeriousA11yViolations(user, 'MFA enrolment');
    await screenshot(user, 'mfa-enrolment');

    await user.getByLabel('Verificatiecode').fill(totpCode(secret));
    await user.getByRole('button', { name: 'Bevestigen' }).click();
    await user.waitForURL((url) => url.pathname === '/');
    await waitForPageReady(user);
    expect(await pageHeading(user).textContent()).toBe(`Welkom, ${NEW_USER.displayName}`);
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    const { page } = admin;
    await openFromMenu(page, 'API-tokens', '/admin/api-tokens');
    // A token is always the maker's own: there is no choice of user.
    expect(await page.getByLabel('Gebruiker', { exact: true }).count()).toBe(0);
    await page.getByLabel('Naam', { exact: true }).fill(TOKEN_NAME);
    await page.getByRole('button', { name: 'Token aanmaken' }).click();
    const value = page.getByTestId('api-token-value');
    await value.waitFor();
    const token = ((await value.textContent()) ?? '').trim();
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(await page.getByText('het wordt niet opnieuw getoond').count()).toBe(1);
    const row = page.getByRole('row').filter({ hasText: TOKEN_NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain('Actief');
    expect(await row.textContent()).toContain('beheerder');
    await expectNoSeriousA11yViolations(page, 'API tokens with a new token');
    await screenshot(page, 'admin-api-tokens');

    // Shown once: after a reload only the prefix is left.
    await page.reload();
    await waitForPageReady(page);
    expect(await page.getByTestId('api-token-value').count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: `Token ${TOKEN_NAME} intrekken` }).click();
    await page.getByRole('button', { name: `Ja, intrekken: ${TOKEN_NAME}` }).click();
    await page.getByRole('status').filter({ hasText: `Token ${TOKEN_NAME} is ingetrokken` }).waitFor();
    await expect.poll(async () => page.getByRole('row').filter({ hasText: TOKEN_NAME }).textContent()).toContain('Ingetrokken');
  });

  it('reads the audit log, filters it and verifies the chain', async () => {
    const { page } = admin;
    await openFromMenu(page, 'Auditlog', '/audit');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await expectNoSeriousA11yViolations(page, 'audit log');

    await page.getByLabel('Gebruiker', { exact: true }).fill('beheerder');
    await page.getByRole('button', { name: 'Filteren', exact: true }).click();
    await expect.poll(async () => {
      const actors = await page.locator('table tbody tr td:nth-child(3)').allTextContents();
      return actors.length > 0 && actors.every((actor) => actor === 'beheerder');
    }).toBe(true);

    // Actions have names, in the filter and in the table, never the code the server writes.
    await page.getByLabel('Handeling', { exact: true }).selectOption({ label: 'Ingelogd' });
    await page.getByRole('button', { name: 'Filteren', exact: true }).click();
    await expect.poll(async () => {
      const actions = await page.locator('table tbody tr td:nth-child(4)').allTextContents();
      return actions.length > 0 && actions.every((action) => action === 'Ingelogd');
    }).toBe(true);
    expect(await page.locator('table tbody').textContent()).not.toContain('auth.login');
    expect(await page.locator('#audit-action option').allTextContents()).not.toContain('auth.login');
    await page.getByLabel('Handeling', { exact: true }).selectOption({ label: 'Alle handelingen' });
    await page.getByRole('button', { name: 'Filteren', exact: true }).click();
    await expect.poll(async () => new Set(await page.locator('table tbody tr td:nth-child(4)').allTextContents()).size).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/De auditketen is intact: \d+ regels gecontroleerd/);
    await screenshot(page, 'admin-audit');
  });

  it('disables the user, whose open browser is then sent to the login page', async () => {
    const { page } = admin;
    await openFromMenu(page, 'Gebruikers', '/admin/users');
    await page.getByRole('row').filter({ hasText: NEW_USER.displayName }).getByRole('link', { name: /Beheren/ }).click();
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe(NEW_USER.displayName);
    await expectNoSeriousA11yViolations(page, 'user detail');
    await screenshot(page, 'admin-user-detail');

    // Casusregisseur opens the identity barrier: one administrator's grant waits for a second one.
    await page.getByLabel('Casusregisseur (identiteiten)').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'wacht op goedkeuring van een tweede beheerder' }).waitFor();
    await page.getByRole('heading', { name: 'Wacht op goedkeuring' }).waitFor();
    await page.getByText('Je hebt dit zelf aangevraagd. Een andere beheerder beslist.').waitFor();
    expect(await page.getByRole('button', { name: /goedkeuren$/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'user detail with a pending grant');
    await screenshot(page, 'admin-user-pending-grant');

    await page.getByRole('button', { name: 'Account uitschakelen' }).click();
    await page.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await page.getByRole('status').filter({ hasText: 'is uitgeschakeld' }).waitFor();

    // The user's next click ends on the login page, with the reason.
    const user = member.page;
    await user.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
    await user.waitForURL((url) => url.pathname === '/login');
    await user.getByText('Je sessie is beëindigd').waitFor();
    await screenshot(user, 'session-ended');
  });

  it('logs out', async () => {
    const { page } = admin;
    await logout(page);
    await page.getByRole('status').filter({ hasText: 'Je bent uitgelogd' }).waitFor();
    await page.goto('/audit');
    await page.waitForURL((url) => url.pathname === '/login');
  });
});

it('ran under the strict CSP without a violation or an uncaught error', () => {
  expect(harness.browserProblems()).toEqual([]);
});
