import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocatieserverStandin, type LocatieserverStandin } from '../support/locatieserver-standin';
import { startTileStandin, type TileStandin } from '../support/tile-standin';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

/**
 * Placing a signal, as a registrar (the police partner) does with an address search configured (a local
 * stand-in answering as the PDOK Locatieserver) and a base map (a local tile stand-in): type an address, pick
 * a suggestion, see the marker and the buurt, register; then place another signal by clicking the map. Also
 * what the registrar sees when the address lies outside the municipality or the search fails.
 */

let locatieserver: LocatieserverStandin;
let tiles: TileStandin;
let harness: Harness;
let registrar: { context: BrowserContext; page: Page };

beforeAll(async () => {
  locatieserver = await startLocatieserverStandin();
  tiles = await startTileStandin();
  harness = await startHarness({ env: { ADDRESS_SEARCH_URL: locatieserver.baseUrl, MAP_TILE_URL: tiles.template, MAP_TILE_ATTRIBUTION: 'Kaartgegevens © Kadaster' } });
  registrar = await harness.newPage();
  await login(registrar.page, 'politie');
  await waitForPageReady(registrar.page);
}, 180_000);

afterAll(async () => {
  await registrar?.context.close().catch(() => undefined);
  await harness?.stop();
  await locatieserver?.close();
  await tiles?.close();
});

const MARKER = '.wr-signals-picker .leaflet-overlay-pane path[fill="#d52b1e"]';

/** The register form, filled in except for the place. */
async function openFilledForm(page: Page, description: string): Promise<void> {
  await page.goto('/signalen/nieuw');
  await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Signaal registreren');
  await waitForPageReady(page);
  await page.getByLabel('Categorie').selectOption('verloedering');
  await page.getByLabel('Datum en tijd').fill('2026-11-30T14:15');
  await page.getByLabel('Omschrijving').fill(description);
  await page.getByLabel('Grondslag (juridisch kader)').selectOption('municipal-task');
  await page.getByLabel('Doel', { exact: true }).fill('Aanpak verloedering Dordt West');
  await page.waitForFunction(() => document.querySelectorAll('.wr-signals-picker .leaflet-overlay-pane path').length > 50, undefined, { timeout: 30_000 });
}

async function submitAndReadBuurt(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Signaal registreren' }).click();
  await page.waitForURL((url) => /^\/signalen\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 30_000 });
  await waitForPageReady(page);
  await page.getByText('Het signaal is geregistreerd.').waitFor();
  return (await pageHeading(page).textContent()) ?? '';
}

describe('placing a signal', () => {
  it('by typing an address: the suggestion puts the marker in its buurt, and the signal is registered there', async () => {
    const { page } = registrar;
    await openFilledForm(page, 'Zwerfvuil en kapotte verlichting bij de portiek (testgegevens).');
    const search = page.getByRole('combobox', { name: 'Zoek een adres of straat' });
    await search.fill('Teststraat 1');
    await page.getByRole('option', { name: 'Teststraat 12, 3317AA Dordrecht' }).waitFor();
    expect(await page.getByRole('listbox', { name: 'Gevonden adressen' }).getByRole('option').count()).toBe(2);
    // The keyboard route: arrow to the first suggestion, Enter picks it (and does not submit the form).
    await search.press('ArrowDown');
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBe('signal-address-search-option-0');
    await search.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Teststraat 12, 3317AA Dordrecht staat op de kaart, in de buurt Krispijnse Driehoek.' }).waitFor();
    expect(page.url()).toMatch(/\/signalen\/nieuw$/);
    expect(await page.getByLabel('Lengtegraad (WGS84)').inputValue()).toBe('4.6633');
    expect(await page.getByLabel('Breedtegraad (WGS84)').inputValue()).toBe('51.8008');
    await page.locator(MARKER).waitFor();
    // Data minimisation: the searched address is not copied into the stored address field.
    expect(await page.getByLabel(/^Adres/).inputValue()).toBe('');
    // The browser asked only us; our server asked the Locatieserver.
    expect(locatieserver.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/suggest', '/lookup']));
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'the register form with an address found');
    await page.getByTestId('signal-point-map').screenshot({ path: path.join(SCREENSHOT_DIR, 'signal-location-address-map.png') });
    await screenshot(page, 'signal-location-address-form');
    expect(await submitAndReadBuurt(page)).toBe('Verloedering – Krispijnse Driehoek');
    await screenshot(page, 'signal-location-address-registered');
  }, 120_000);

  it('by clicking the map: the marker goes where the click was and the signal is placed in that buurt', async () => {
    const { page } = registrar;
    await openFilledForm(page, 'Graffiti op de geluidswal (testgegevens).');
    expect(await page.locator(MARKER).count()).toBe(0);
    const map = page.getByTestId('signal-point-map');
    const box = await map.boundingBox();
    if (!box) throw new Error('map not visible');
    await map.click({ position: { x: box.width * 0.25, y: box.height * 0.35 } });
    // Clicking scrolls the map into view: measure again where it is now.
    const after = await map.boundingBox();
    if (!after) throw new Error('map not visible');
    await expect.poll(() => page.getByLabel('Lengtegraad (WGS84)').inputValue()).not.toBe('');
    await page.locator(MARKER).waitFor();
    const marker = await page.locator(MARKER).boundingBox();
    if (!marker) throw new Error('marker not visible');
    // The marker sits where the map was clicked.
    expect(Math.abs(marker.x + marker.width / 2 - (after.x + after.width * 0.25))).toBeLessThan(3);
    expect(Math.abs(marker.y + marker.height / 2 - (after.y + after.height * 0.35))).toBeLessThan(3);
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'the register form with a clicked point');
    await screenshot(page, 'signal-location-click-form');
    expect(await submitAndReadBuurt(page)).toMatch(/^Verloedering – \S/);
    await screenshot(page, 'signal-location-click-registered');
  }, 120_000);

  it('says so when the address lies outside every buurt, and keeps the point as it was', async () => {
    const { page } = registrar;
    await openFilledForm(page, 'Adres buiten de gemeente (testgegevens).');
    await page.getByRole('combobox', { name: 'Zoek een adres of straat' }).fill('Proefweg');
    await page.getByRole('option', { name: 'Proefweg 1, 9999ZZ Elders' }).click();
    await page.getByRole('alert').filter({ hasText: 'ligt niet in een buurt die Wijkregie kent' }).waitFor();
    expect(await page.getByLabel('Lengtegraad (WGS84)').inputValue()).toBe('');
    expect(await page.locator(MARKER).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the register form with an address outside');
  }, 60_000);

  it('explains a failing address search in plain words, and the map still works', async () => {
    const { page } = registrar;
    await openFilledForm(page, 'Adres zoeken werkt niet (testgegevens).');
    const signalsBefore = await page.evaluate(async () => (await (await fetch('/api/v1/signals?municipality=GM0505')).json()).total as number);
    locatieserver.failWith = 503;
    try {
      await page.getByRole('combobox', { name: 'Zoek een adres of straat' }).fill('Teststraat');
      await page.getByRole('alert').filter({ hasText: 'Adressen zoeken lukt nu niet. Klik op de kaart, of typ de coördinaten.' }).waitFor();
      expect(await page.getByRole('listbox', { name: 'Gevonden adressen', includeHidden: true }).getByRole('option').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'the register form with the address search failing');
      await screenshot(page, 'signal-location-search-failing');
    } finally {
      locatieserver.failWith = null;
    }
    const signalsAfter = await page.evaluate(async () => (await (await fetch('/api/v1/signals?municipality=GM0505')).json()).total as number);
    expect(signalsAfter).toBe(signalsBefore);
  }, 60_000);
});

it('ran under the strict CSP without a violation or an uncaught error', () => {
  expect(harness.browserProblems()).toEqual([]);
});
