import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, updateReadmeScreenshot, waitForPageReady, menuLink, menuEntry } from './app-actions';
import { REPO_ROOT, startHarness, type Harness } from './harness';

/**
 * The analyst's information position, end to end on the demo's real CBS data: the map of Dordrecht's
 * buurten, a buurt profile, the Dordt West focus area, a priority ranking saved with a note, and an import
 * whose bad row is shown with its line and column.
 */

const FIXTURE = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'values-unknown-indicator.csv');
/** A made-up re-division of 2022: BU05050100 split into two new buurten (boundaries, 2022 figures, crosswalk). */
const BOUNDARY_CHANGE = (file: string) => path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', `boundary-change-${file}`);
let harness: Harness;
let analyst: { context: BrowserContext; page: Page };

async function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => (await (await fetch(target)).json()) as unknown, url) as Promise<T>;
}

async function waitForMapShapes(page: Page, expected: number): Promise<void> {
  await page.waitForFunction((count) => document.querySelectorAll('.wr-map .leaflet-overlay-pane path').length === count, expected, { timeout: 30_000 });
}

beforeAll(async () => {
  harness = await startHarness();
  analyst = await harness.newPage();
  await login(analyst.page, 'analist');
  await waitForPageReady(analyst.page);
});

afterAll(async () => {
  await analyst?.context.close().catch(() => undefined);
  await harness?.stop();
});

describe('figures (analist)', () => {
  it('shows the new pages in the menu and on the home page', async () => {
    const { page } = analyst;
    for (const name of ['Kaart', 'Gebieden', 'Afwegingskader', 'Import']) {
      await menuEntry(page, name).waitFor({ state: 'attached' });
    }
    await screenshot(page, 'figures-home');
  });

  it('draws a choropleth of inhabitants per buurt in Dordrecht 2020, with a table and the source', async () => {
    const { page } = analyst;
    await (await menuLink(page, 'Kaart')).click();
    await page.waitForURL((url) => url.pathname === '/kaart');
    await waitForPageReady(page);
    const buurten = await apiGet<{ items: unknown[] }>(page, '/api/v1/areas?municipality=GM0505&level=buurt&year=2020');
    expect(buurten.items.length).toBeGreaterThan(100);
    expect(await page.getByLabel('Gemeente').inputValue()).toBe('GM0505');
    expect(await page.getByLabel('Niveau').inputValue()).toBe('buurt');
    await expect.poll(() => page.getByLabel('Jaar').inputValue()).toBe('2020');
    expect(await page.getByLabel('Indicator', { exact: true }).inputValue()).toBe('inhabitants');
    await waitForMapShapes(page, buurten.items.length);
    await page.getByText('Bron: CBS, Kadaster').first().waitFor();
    await expect.poll(() => page.locator('.wr-legend__item').count()).toBeGreaterThanOrEqual(3);
    const table = page.getByRole('table', { name: /per gebied, 2020/ });
    expect(await table.locator('tbody tr').count()).toBe(buurten.items.length);
    await page.getByLabel('Klassenindeling').selectOption('jenks');
    await waitForMapShapes(page, buurten.items.length);
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'the map page');
    await screenshot(page, 'figures-map-dordrecht-buurten');
    await updateReadmeScreenshot(page);
  });

  it('hovering a buurt shows its name and value; clicking opens its profile with rows', async () => {
    const { page } = analyst;
    const shape = page.locator('.wr-map .leaflet-overlay-pane path').nth(40);
    await shape.hover({ force: true });
    const tooltip = page.locator('.wr-map-tooltip');
    await tooltip.waitFor();
    const tip = (await tooltip.textContent()) ?? '';
    expect(tip.length).toBeGreaterThan(3);
    await shape.click({ force: true });
    await page.waitForURL((url) => url.pathname.startsWith('/gebieden/BU0505'));
    await waitForPageReady(page);
    await page.locator('#profile-figures table tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#profile-figures table tbody tr').count()).toBeGreaterThan(10);
    await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Dordrecht' }).waitFor();
    await page.locator('.wr-map--small .leaflet-overlay-pane path').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'a buurt profile');
    await screenshot(page, 'figures-profile-buurt');
  });

  it('opens the Dordt West profile with its members and the aggregation note', async () => {
    const { page } = analyst;
    await (await menuLink(page, 'Gebieden')).click();
    await page.waitForURL((url) => url.pathname === '/gebieden');
    await waitForPageReady(page);
    await page.locator('.wr-area-tree__wijk').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the areas page');
    await screenshot(page, 'figures-areas');
    await page.getByRole('link', { name: 'Dordt West' }).click();
    await page.waitForURL((url) => url.pathname === '/gebieden/FAdordt-west');
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Dordt West');
    await page.locator('#profile-figures table tbody tr').first().waitFor({ timeout: 30_000 });
    await page.getByText(/Bestaat uit 4 gebieden/).waitFor();
    // 2020 has the full Dordrecht set, including indicators that cannot be aggregated (medians, averages).
    await page.getByLabel('Jaar').selectOption('2020');
    await page.getByRole('heading', { name: 'Cijfers 2020' }).waitFor();
    await page.getByText('niet optelbaar').first().waitFor();
    await page.locator('.wr-map--small .leaflet-overlay-pane path').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the Dordt West profile');
    await screenshot(page, 'figures-profile-dordt-west');
  });

  it('shows a time series for a Baarn buurt', async () => {
    const { page } = analyst;
    const baarn = await apiGet<{ items: { code: string }[] }>(page, '/api/v1/areas?municipality=GM0308&level=buurt');
    const code = baarn.items[0]?.code ?? '';
    await page.goto(`/gebieden/${code}`);
    await waitForPageReady(page);
    await page.locator('#profile-series').waitFor({ timeout: 30_000 });
    await page.locator('#profile-series .recharts-surface, #profile-series .wr-muted').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'figures-profile-baarn');
  });

  it('runs a priority ranking and saves it with a note', async () => {
    const { page } = analyst;
    await (await menuLink(page, 'Afwegingskader')).click();
    await page.waitForURL((url) => url.pathname === '/afwegingskader');
    await waitForPageReady(page);
    for (const code of ['inhabitants', 'households']) {
      await page.getByLabel('Indicator toevoegen').selectOption(code).catch(async () => {
        // Pick any two indicators when the demo catalogue names them differently.
        const values = await page.locator('#ranking-add option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
        await page.getByLabel('Indicator toevoegen').selectOption(values[code === 'inhabitants' ? 0 : 1] ?? '');
      });
      await page.getByRole('button', { name: 'Toevoegen' }).click();
    }
    expect(await page.locator('.wr-criteria__item').count()).toBe(2);
    await page.getByRole('button', { name: 'Bereken rangorde' }).click();
    const ranked = page.getByRole('table', { name: 'Gebieden op volgorde van voorrang' });
    await ranked.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await page.locator('#ranking-result .leaflet-overlay-pane path').first().waitFor();
    await page.getByLabel('Naam').fill('Voorrang Dordrecht e2e');
    await page.getByLabel(/^Toelichting/).fill('Gekozen voor de test: inwoners en huishoudens.');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('‘Voorrang Dordrecht e2e’ is vastgelegd.').waitFor();
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'the ranking page');
    await screenshot(page, 'figures-ranking');
    await page.getByRole('link', { name: 'Bekijk de vastgelegde afweging' }).click();
    // The ranking page's own heading is still there until the saved ranking has loaded.
    await page.waitForURL((url) => /^\/afwegingskader\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    await pageHeading(page).filter({ hasText: 'Voorrang Dordrecht e2e' }).waitFor();
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Voorrang Dordrecht e2e');
    await page.getByText(/Vastgelegd door .* op /).waitFor();
    await screenshot(page, 'figures-ranking-saved');
  });

  it('imports a values CSV with an unknown indicator and lists the bad row with its line and column', async () => {
    const { page } = analyst;
    await (await menuLink(page, 'Import')).click();
    await page.waitForURL((url) => url.pathname === '/import');
    await waitForPageReady(page);
    await page.getByLabel('Soort bestand').selectOption('values-csv');
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Inlezen' }).click();
    const errors = page.locator('.wr-import-errors table');
    await errors.waitFor({ timeout: 30_000 });
    const rows = await errors.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.join(' ')).toMatch(/3/);
    expect(rows.join(' ')).toMatch(/indicator/i);
    await expectNoSeriousA11yViolations(page, 'the import page');
    await screenshot(page, 'figures-import-errors');
  });

  it('imports a boundary change and marks it on the profile and in the series chart', async () => {
    const { page } = analyst;
    const upload = async (kind: string, year: string, file: string, note?: RegExp) => {
      await page.getByLabel('Soort bestand').selectOption(kind);
      await page.getByLabel('Jaar').fill(year);
      await page.getByLabel('Bestand', { exact: true }).setInputFiles(BOUNDARY_CHANGE(file));
      await page.getByRole('button', { name: 'Inlezen' }).click();
      // Applied, or refused: a refusal fails the test with what the page says instead of a bare timeout.
      const applied = page.getByRole('status').filter({ hasText: 'Import verwerkt' });
      const refused = page.locator('.wr-import-errors');
      try {
        await applied.or(refused).first().waitFor({ timeout: 60_000 });
      } catch (error) {
        throw new Error(`${file}: no answer to the import on the page:\n${await page.locator('main').innerText()}`, { cause: error });
      }
      if (await refused.isVisible()) throw new Error(`${file} was not imported:\n${await refused.innerText()}`);
      if (note) await page.getByText(note).first().waitFor({ timeout: 30_000 });
    };
    // The demo's KWB 2024 file has no boundaries: its report names the years whose boundaries it sits on.
    const imports = await apiGet<{ items: { fileName: string; report: { olderBoundaries?: { byYear: { boundaryYear: number; areas: number }[] } } }[] }>(page, '/api/v1/imports');
    const kwb = imports.items.find((item) => item.fileName === 'kwb2024_gemeenten_wijken_basis.csv');
    const totals = kwb?.report.olderBoundaries?.byYear ?? [];
    expect(totals.map((total) => total.boundaryYear)).toEqual([2020, 2023]);
    expect(totals[0]?.areas).toBeGreaterThan(0);
    expect(totals[1]?.areas).toBe(342);
    await page.goto('/import');
    await waitForPageReady(page);
    await upload('areas-geojson', '2022', '2022.geojson');
    // BU05050106 has no boundaries of 2022: its 2022 figure sits on those of 2020, and the page says so.
    await upload('values-csv', '', 'values-2022.csv', /1 gebied heeft cijfers van 2022 op de grenzen van 2020/);
    await upload('crosswalk-csv', '2022', 'crosswalk-2022.csv', /Grenswijziging 2022 ingelezen/);
    await expectNoSeriousA11yViolations(page, 'the import page with a boundary change');

    // A new buurt: its 2020 figures are converted from the old one (0.6 × 815 = 489 inhabitants).
    await page.goto('/gebieden/BU05050120?jaar=2020');
    await waitForPageReady(page);
    await page.getByText('Grenswijziging 2022', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByText(/De cijfers van 2020 zijn omgerekend van de oude indeling/).waitFor();
    const row = page.locator('#profile-figures tr', { hasText: 'Aantal inwoners' }).first();
    await expect.poll(() => row.textContent()).toMatch(/489.*omgerekend/);
    await page.locator('#profile-series').getByLabel('Indicator').selectOption('inhabitants');
    await page.getByText('Grenswijziging 2022: cijfers vóór 2022 zijn omgerekend van de oude indeling (gestippelde lijn).').waitFor({ timeout: 30_000 });
    // The converted years are their own, dashed line in the chart, and named in its table.
    await page.locator('#profile-series .recharts-line-curve[stroke-dasharray="10 5"]').first().waitFor({ timeout: 30_000 });
    await page.locator('#profile-series summary').click();
    await page.locator('#profile-series table').getByText('Omgerekend (grenswijziging 2022)').waitFor();
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'a profile across a boundary change');
    await screenshot(page, 'figures-profile-boundary-change');

    // Figures of 2022 on the boundaries of 2020, said in words.
    await page.goto('/gebieden/BU05050106?jaar=2022');
    await waitForPageReady(page);
    await page.getByText('Van dit gebied zijn geen grenzen van 2022 ingelezen: de cijfers van 2022 horen bij de grenzen van 2020.').waitFor({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(page, 'a profile on older boundaries');
  });

  it('caused no CSP violation or page error', () => {
    expect(harness.browserProblems()).toEqual([]);
  });
});
