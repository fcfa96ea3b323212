import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTileStandin, type TileStandin } from '../support/tile-standin';
import { expectNoSeriousA11yViolations, login, screenshot, waitForPageReady } from './app-actions';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

/**
 * The base map: with MAP_TILE_URL pointing at a local tile server (a stand-in for PDOK's BRT
 * Achtergrondkaart) every map draws tiles under the areas and shows the provider's attribution, under the
 * strict CSP; without it the same maps ask nothing from anywhere but the app itself.
 */

const ATTRIBUTION = 'Kaartgegevens © Kadaster';
let tiles: TileStandin;
let online: Harness;
let offline: Harness;
const browsers: { context: BrowserContext; page: Page }[] = [];

beforeAll(async () => {
  tiles = await startTileStandin();
  online = await startHarness({ env: { MAP_TILE_URL: tiles.template, MAP_TILE_ATTRIBUTION: ATTRIBUTION } });
  offline = await startHarness();
}, 240_000);

afterAll(async () => {
  for (const b of browsers) await b.context.close().catch(() => undefined);
  await online?.stop();
  await offline?.stop();
  await tiles?.close();
});

async function loggedIn(harness: Harness, username: string): Promise<Page> {
  const browser = await harness.newPage();
  browsers.push(browser);
  await login(browser.page, username);
  await waitForPageReady(browser.page);
  return browser.page;
}

/** Each map of the app, opened as the programme manager would, until its areas are drawn. */
const MAPS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'figures map (/kaart)',
    open: async (page) => {
      await page.goto('/kaart');
      await waitForPageReady(page);
      await page.waitForFunction(() => document.querySelectorAll('.wr-map .leaflet-overlay-pane path').length > 100, undefined, { timeout: 60_000 });
    },
  },
  {
    name: 'signals map (/signalen)',
    open: async (page) => {
      await page.goto('/signalen');
      await waitForPageReady(page);
      await page.waitForFunction(() => document.querySelectorAll('.wr-map .leaflet-overlay-pane path').length > 50, undefined, { timeout: 60_000 });
    },
  },
  {
    name: 'hot-spot map (/hotspots)',
    open: async (page) => {
      await page.goto('/hotspots');
      await waitForPageReady(page);
      await expect.poll(() => page.getByLabel('Indicator', { exact: true }).inputValue(), { timeout: 30_000 }).toBe('population_density');
      await page.getByRole('button', { name: 'Bereken' }).click();
      await page.getByRole('heading', { name: 'Resultaat' }).waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => document.querySelectorAll('.wr-map .leaflet-overlay-pane path').length > 100, undefined, { timeout: 60_000 });
    },
  },
  {
    name: 'signal place picker (/signalen/nieuw)',
    open: async (page) => {
      await page.goto('/signalen/nieuw');
      await waitForPageReady(page);
      await page.waitForFunction(() => document.querySelectorAll('.wr-signals-picker .leaflet-overlay-pane path').length > 50, undefined, { timeout: 60_000 });
    },
  },
];

describe('with MAP_TILE_URL', () => {
  it.each(MAPS.map((m, i) => ({ ...m, i })))('draws tiles under the areas with the attribution: $name', async ({ open, i }) => {
    const page = browsers[0]?.page ?? (await loggedIn(online, 'regisseur'));
    const before = tiles.requests.length;
    await open(page);
    const map = page.locator('.wr-map').first();
    await expect.poll(() => map.locator('img.leaflet-tile-loaded').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(tiles.requests.length).toBeGreaterThan(before);
    for (const tile of tiles.requests.slice(before)) expect(tile).toMatch(/^1\d\/\d+\/\d+$/);
    await expect.poll(() => map.locator('.leaflet-control-attribution').textContent()).toContain(ATTRIBUTION);
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, `the ${MAPS[i]?.name} over tiles`);
    await screenshot(page, `base-map-${i + 1}-tiles`);
    await map.screenshot({ path: path.join(SCREENSHOT_DIR, `base-map-${i + 1}-tiles-map.png`) });
  }, 120_000);

  it('loaded the tiles under the strict CSP without a violation or an uncaught error', () => {
    expect(online.browserProblems()).toEqual([]);
  });
});

describe('without MAP_TILE_URL', () => {
  it('draws the same maps without tiles, and no request leaves the app', async () => {
    const page = await loggedIn(offline, 'regisseur');
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(offline.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
    });
    const tilesBefore = tiles.requests.length;
    for (const [i, map] of MAPS.entries()) {
      await map.open(page);
      expect(await page.locator('.wr-map img.leaflet-tile').count(), map.name).toBe(0);
      const attribution = await page.locator('.wr-map .leaflet-control-attribution').first().textContent();
      expect(attribution, map.name).not.toContain('Kaartgegevens');
      expect(attribution?.trim().length, map.name).toBeGreaterThan(0);
      if (i === 0) await page.locator('.wr-map').first().screenshot({ path: path.join(SCREENSHOT_DIR, 'base-map-offline-map.png') });
    }
    // Without an address search the register form offers no address field either.
    expect(await page.getByRole('combobox', { name: /Zoek een adres/ }).count()).toBe(0);
    expect(elsewhere).toEqual([]);
    expect(tiles.requests.length).toBe(tilesBefore);
    expect(offline.browserProblems()).toEqual([]);
  }, 240_000);
});
