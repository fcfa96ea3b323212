import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady, menuLink } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Signals end to end on the synthetic demo data: a police partner registers a signal with the map, sees
 * it in the list next to the synthetic ones; the case officer opens the demo case and reveals identities.
 */
let harness: Harness;
let politie: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  politie = await harness.newPage();
  await login(politie.page, 'politie');
  await waitForPageReady(politie.page);
});

afterAll(async () => {
  await politie?.context.close().catch(() => undefined);
  await harness?.stop();
});

async function openFromMenu(page: Page, name: string, path: string): Promise<void> {
  await (await menuLink(page, name)).click();
  await page.waitForURL((url) => url.pathname === path);
  await waitForPageReady(page);
}

describe('signals (politie)', () => {
  it('lists the signals the police may see, labelled synthetic, with suppressed counts per buurt', async () => {
    const { page } = politie;
    await openFromMenu(page, 'Signalen', '/signalen');
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Signalen');
    await page.getByText('Synthetische demonstratiegegevens').waitFor();
    await page.locator('.wr-signals-tag--synthetic').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.wr-map .leaflet-overlay-pane path').length > 50, undefined, { timeout: 30_000 });
    const table = page.getByRole('table', { name: 'Aantal signalen per buurt' });
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await table.getByText('< 5').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'the signals list');
    await screenshot(page, 'signals-list');
  });

  it('registers a signal: category-dependent fields, a point clicked on the map, a person as pseudonym', async () => {
    const { page } = politie;
    await page.getByRole('link', { name: 'Signaal registreren' }).click();
    await page.waitForURL((url) => url.pathname === '/signalen/nieuw');
    // The list page (with its own "Categorie" filter) stays until the form's code has loaded: wait for the form.
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Signaal registreren');
    await waitForPageReady(page);
    await page.getByLabel('Categorie').selectOption('jeugdoverlast');
    // Youth nuisance records groups, never persons (data minimisation).
    await page.getByRole('textbox', { name: /^Groepen/ }).waitFor();
    expect(await page.getByRole('textbox', { name: /^Personen/ }).count()).toBe(0);
    await page.getByLabel('Categorie').selectOption('woonoverlast');
    await page.getByRole('textbox', { name: /^Personen/ }).waitFor();
    await page.getByLabel('Datum en tijd').fill('2026-10-01T21:30');
    await page.getByLabel('Omschrijving').fill('Herhaaldelijk geluidsoverlast in de nacht vanuit de benedenwoning.');
    await page.getByLabel('Soort overlast').selectOption('geluid');
    await page.getByLabel('Grondslag (juridisch kader)').selectOption('municipal-task');
    await page.getByLabel('Doel', { exact: true }).fill('Aanpak woonoverlast Dordt West');
    await page.getByRole('textbox', { name: /^Personen/ }).fill('demo-persoon-901');
    await page.waitForFunction(() => document.querySelectorAll('.wr-signals-picker .leaflet-overlay-pane path').length > 50, undefined, { timeout: 30_000 });
    const map = page.getByTestId('signal-point-map');
    const box = await map.boundingBox();
    if (!box) throw new Error('map not visible');
    await map.click({ position: { x: box.width * 0.42, y: box.height * 0.55 } });
    await expect.poll(() => page.getByLabel('Lengtegraad (WGS84)').inputValue()).not.toBe('');
    // The keyboard route sets an exact point in Krispijnse Driehoek (Dordt West).
    await page.getByLabel('Lengtegraad (WGS84)').fill('4.6633');
    await page.getByLabel('Breedtegraad (WGS84)').fill('51.8008');
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'the register form');
    await screenshot(page, 'signals-register-form');
    await page.getByRole('button', { name: 'Signaal registreren' }).click();
    await page.waitForURL((url) => /^\/signalen\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    await page.getByText('Het signaal is geregistreerd.').waitFor();
    expect(await page.getByText('demo-persoon-901').count()).toBe(0);
    await page.getByText('Politie (demopartner)').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the signal detail');
    await screenshot(page, 'signals-detail');
    await page.goto('/signalen?categorie=woonoverlast&van=2026-10-01&tot=2026-10-01');
    await waitForPageReady(page);
    await page.getByRole('cell', { name: 'geregistreerd' }).first().waitFor();
    await screenshot(page, 'signals-list-after-register');
  });

  it('refuses a register form without purpose and regime, saying which fields', async () => {
    const { page } = politie;
    await page.goto('/signalen/nieuw');
    await waitForPageReady(page);
    await page.getByLabel('Categorie').selectOption('verloedering');
    await page.getByRole('button', { name: 'Signaal registreren' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByLabel('Doel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'the register form with errors');
  });
});

describe('cases and identities (casusregisseur)', () => {
  it('opens the demo case with its meeting and interventions, and reveals identities only on request', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'casusregisseur');
      await waitForPageReady(page);
      await openFromMenu(page, 'Casussen', '/casussen');
      await page.getByRole('link', { name: /Aanhoudende woonoverlast portiekflat/ }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/casussen/'));
      await waitForPageReady(page);
      await page.getByText('Huisbezoek en keukentafelgesprek').waitFor();
      await page.getByText('Gezamenlijk huisbezoek door corporatie en wijkagent').waitFor();
      await expectNoSeriousA11yViolations(page, 'a case');
      await screenshot(page, 'signals-case');
      await openFromMenu(page, 'Signalen', '/signalen');
      await page.getByLabel('Categorie').selectOption('ondermijning');
      await page.locator('table tbody tr a').first().click();
      await page.waitForURL((url) => /^\/signalen\/[0-9a-f-]{36}$/.test(url.pathname));
      await waitForPageReady(page);
      await page.getByRole('button', { name: 'Identiteiten tonen' }).click();
      await page.getByText(/^demo-persoon-\d{3}$/).first().waitFor();
      await expectNoSeriousA11yViolations(page, 'identities revealed');
      await screenshot(page, 'signals-identities');
    } finally {
      await context.close();
    }
  });
});
