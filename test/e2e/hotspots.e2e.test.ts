import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, mainMenu, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Hot-spot analysis end to end: the analyst runs Gi* on population density over Dordrecht's buurten (real CBS
 * data), reads map, legend, explanation and table, switches to local Moran's I and saves the analysis; the
 * police partner registers signals (synthetic, made in this test) and runs Gi* on H3 cells, where a cell
 * with 3 signals is shown as suppressed.
 */

let harness: Harness;
let analyst: { context: BrowserContext; page: Page };
let police: { context: BrowserContext; page: Page };

async function waitForMapShapes(page: Page, atLeast: number): Promise<number> {
  await page.waitForFunction((count) => document.querySelectorAll('.wr-map .leaflet-overlay-pane path').length >= count, atLeast, { timeout: 60_000 });
  return page.locator('.wr-map .leaflet-overlay-pane path').count();
}

beforeAll(async () => {
  harness = await startHarness();
  analyst = await harness.newPage();
  await login(analyst.page, 'analist');
  await waitForPageReady(analyst.page);
  police = await harness.newPage();
  await login(police.page, 'politie');
  await waitForPageReady(police.page);
});

afterAll(async () => {
  await analyst?.context.close().catch(() => undefined);
  await police?.context.close().catch(() => undefined);
  await harness?.stop();
});

describe('hot-spot analysis', () => {
  it('runs Gi* on an indicator over buurten and shows map, legend, explanation and table', async () => {
    const { page } = analyst;
    await mainMenu(page).getByRole('link', { name: 'Hotspotanalyse', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/hotspots');
    await waitForPageReady(page);
    expect(await pageHeading(page).textContent()).toContain('Hotspotanalyse');
    await expect.poll(() => page.getByLabel('Indicator').inputValue()).toBe('population_density');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
    expect(await waitForMapShapes(page, 100)).toBeGreaterThan(100);
    await page.getByText('Hotspot, 99 % zeker').first().waitFor();
    await page.getByRole('heading', { name: 'Hoe lees ik dit?' }).waitFor();
    const table = page.getByRole('table', { name: /Alle gebieden/ });
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(100);
    // The densest buurten of the city centre come first and are hot spots.
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/Hotspot/);
    await screenshot(page, 'hotspots-gi-star-buurten');
    await expectNoSeriousA11yViolations(page, 'hot-spot analysis, Gi* result');
  });

  it("switches to local Moran's I with k nearest neighbours and saves the analysis as evidence", async () => {
    const { page } = analyst;
    await page.getByLabel('Methode').selectOption('local_moran');
    await page.getByLabel('Wie zijn buren?').selectOption('knn:6');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByText('Cluster van hoge waarden').first().waitFor();
    await page.getByRole('button', { name: 'Bewaar analyse' }).click();
    await page.getByText('Geef de analyse een naam.').first().waitFor();
    await page.getByLabel('Naam').fill('Bevolkingsdichtheid Dordrecht 2020');
    await page.getByRole('button', { name: 'Bewaar analyse' }).click();
    await page.getByText('De analyse is bewaard:').waitFor();
    await page.getByRole('link', { name: 'Bevolkingsdichtheid Dordrecht 2020' }).first().click();
    await page.waitForURL((url) => /^\/hotspots\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    expect(await pageHeading(page).textContent()).toContain('Bevolkingsdichtheid Dordrecht 2020');
    await waitForMapShapes(page, 100);
    await screenshot(page, 'hotspots-saved-local-moran');
    await expectNoSeriousA11yViolations(page, 'saved hot-spot analysis');
  });

  it('runs Gi* on signals in H3 cells and shows a cell with 3 signals as suppressed', async () => {
    const { page } = police;
    const today = new Date().toISOString().slice(0, 10);
    const created = await page.evaluate(async (day) => {
      const { csrfToken } = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const post = (lon: number, lat: number) =>
        fetch('/api/v1/signals', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({
            category: 'woonoverlast',
            occurredAt: `${day}T01:30:00Z`,
            location: { lon, lat },
            description: 'Testmelding voor de browsertest (synthetisch).',
            confidentiality: 'restricted',
            legalRegime: 'municipal-task',
            purpose: 'Aanpak woonoverlast in de wijk',
          }),
        }).then((r) => r.status);
      const statuses: number[] = [];
      // A busy spot in Oud Krispijn, spread over a few hundred metres, and 3 signals in the Stadspolders.
      for (let i = 0; i < 40; i++) statuses.push(await post(4.6745 + ((i % 7) - 3) * 0.0009, 51.7995 + (Math.floor(i / 7) - 3) * 0.0006));
      for (let i = 0; i < 3; i++) statuses.push(await post(4.72, 51.794));
      return statuses;
    }, today);
    expect(created.every((status) => status === 201)).toBe(true);
    await mainMenu(page).getByRole('link', { name: 'Hotspotanalyse', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/hotspots');
    await waitForPageReady(page);
    await page.getByLabel('Signalen per zeshoek (H3-cellen)').check();
    await page.getByLabel('Celgrootte').selectOption('9');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
    expect(await waitForMapShapes(page, 500)).toBeGreaterThan(500);
    await page.getByText(/Afgeschermd \(minder dan 5 signalen\) \(1\)/).waitFor();
    await page.getByText('Hotspot, 99 % zeker').first().waitFor();
    const table = page.getByRole('table', { name: /significante cellen/ });
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'hotspots-signals-h3');
    await expectNoSeriousA11yViolations(page, 'hot-spot analysis of signals');
  });
});
