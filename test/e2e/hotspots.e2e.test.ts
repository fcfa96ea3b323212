import { latLngToCell } from 'h3-js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { expectNoSeriousA11yViolations, login, screenshot, waitForPageReady, menuLink } from './app-actions';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';
import { calendarDayOf } from '../../src/platform/shared/time';

/**
 * Hot-spot analysis end to end: the analyst runs Gi* on population density over Dordrecht's buurten (real CBS
 * data), reads map, legend, explanation and table, switches to local Moran's I and saves the analysis; the
 * police partner registers signals (synthetic, made in this test) and runs Gi* on H3 cells, where a cell
 * with 3 signals is shown as suppressed.
 */

let harness: Harness;
let analyst: { context: BrowserContext; page: Page };
let police: { context: BrowserContext; page: Page };
/** In the Dordtse Biesbosch, south of where the demo scatters its synthetic signals (lon, lat). */
const SMALL = [4.64, 51.74] as const;

/** The map and legend alone, at full size, to look at closely (the page screenshots are long). */
async function mapScreenshot(page: Page, name: string): Promise<void> {
  await page.locator('.wr-hotspot-result .wr-map-layout').first().screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The counts in the legend's class lines ("Hotspot, 99 % zeker (15)"), by label; the hatched and excluded lines apart. */
async function legendCounts(page: Page): Promise<Map<string, number>> {
  const lines = await page.locator('.wr-legend .wr-legend__item').allTextContents();
  const counts = new Map<string, number>();
  for (const line of lines) {
    const match = /^(.*) \((\d+)[),]/.exec(line.trim());
    if (match) counts.set(match[1]!, Number(match[2]));
  }
  return counts;
}
const QUIET = ['Niet significant', 'Afgeschermd: minder dan 5 signalen', 'Geen waarde, niet meegenomen'];
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

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
    await (await menuLink(page, 'Hotspotanalyse')).click();
    await page.waitForURL((url) => url.pathname === '/hotspots');
    await waitForPageReady(page);
    await page.getByRole('heading', { level: 1, name: 'Hotspotanalyse' }).waitFor();
    await expect.poll(() => page.getByLabel('Indicator', { exact: true }).inputValue()).toBe('population_density');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
    expect(await waitForMapShapes(page, 100)).toBeGreaterThan(100);
    await page.getByText('Hotspot, 99 % zeker').first().waitFor();
    await page.getByRole('heading', { name: 'Hoe lees ik dit?' }).waitFor();
    const table = page.getByRole('table', { name: /Alle \d+ gebieden/ });
    const rowCount = await table.locator('tbody tr').count();
    expect(rowCount).toBeGreaterThan(100);
    // The legend counts the same areas as the table lists: every class adds up to the table's rows.
    const counts = await legendCounts(page);
    expect(sum([...counts].filter(([label]) => label !== 'Geen waarde, niet meegenomen').map(([, n]) => n))).toBe(rowCount);
    expect(await table.locator('caption').textContent()).toContain(`Alle ${rowCount} gebieden`);
    // Gi* is explained in plain Dutch: an area counts together with its neighbours.
    await page.getByText(/Een gebied telt mee met zijn buren/).waitFor();
    // The densest buurten of the city centre come first and are hot spots.
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/Hotspot/);
    await screenshot(page, 'hotspots-gi-star-buurten');
    await mapScreenshot(page, 'hotspots-gi-star-buurten-map');
    await expectNoSeriousA11yViolations(page, 'hot-spot analysis, Gi* result');
  });

  it("switches to local Moran's I with k nearest neighbours and saves the analysis as evidence", async () => {
    const { page } = analyst;
    await page.getByLabel('Methode').selectOption('local_moran');
    await page.getByLabel('Wie zijn buren?').selectOption('knn:6');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByText('Cluster van hoge waarden').first().waitFor();
    await page.getByRole('button', { name: 'Bewaar analyse' }).click();
    await page.locator('#hotspot-name-error', { hasText: 'Dit is verplicht: vul het in of kies iets.' }).waitFor();
    await page.getByLabel('Naam').fill('Bevolkingsdichtheid Dordrecht 2020');
    await page.getByRole('button', { name: 'Bewaar analyse' }).click();
    await page.getByText('De analyse is bewaard:').waitFor();
    await page.getByRole('link', { name: 'Bevolkingsdichtheid Dordrecht 2020' }).first().click();
    await page.waitForURL((url) => /^\/hotspots\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    await page.getByRole('heading', { level: 1, name: 'Bevolkingsdichtheid Dordrecht 2020' }).waitFor();
    await waitForMapShapes(page, 100);
    await screenshot(page, 'hotspots-saved-local-moran');
    await expectNoSeriousA11yViolations(page, 'saved hot-spot analysis');
  });

  it('runs Gi* on signals in H3 cells and shows a cell with 3 signals as suppressed', async () => {
    const { page } = police;
    const today = calendarDayOf(new Date());
    const created = await page.evaluate(async ({ day, SMALL }) => {
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
      // A busy spot in Oud Krispijn, spread over a few hundred metres, and 3 signals in the Biesbosch, away from the demo's
      // synthetic signals, so their cell holds exactly 3.
      for (let i = 0; i < 40; i++) statuses.push(await post(4.6745 + ((i % 7) - 3) * 0.0009, 51.7995 + (Math.floor(i / 7) - 3) * 0.0006));
      for (let i = 0; i < 3; i++) statuses.push(await post(SMALL[0], SMALL[1]));
      return statuses;
    }, { day: today, SMALL });
    expect(created).toEqual(created.map(() => 201));
    await (await menuLink(page, 'Hotspotanalyse')).click();
    await page.waitForURL((url) => url.pathname === '/hotspots');
    await waitForPageReady(page);
    await page.getByLabel('Signalen per zeshoek (H3-cellen)').check();
    await page.getByLabel('Celgrootte').selectOption('9');
    await page.getByRole('button', { name: 'Bereken' }).click();
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
    expect(await waitForMapShapes(page, 500)).toBeGreaterThan(500);
    // One wording for suppressed counts: in the legend, the table and the map's tooltip.
    const legend = await page.locator('.wr-legend__item', { hasText: 'Afgeschermd: minder dan 5 signalen' }).textContent();
    expect(Number(/\((\d+),/.exec(legend ?? '')?.[1])).toBeGreaterThanOrEqual(1);
    // The cell with our 3 signals comes back without its count, z or p.
    const small = await page.evaluate(async (cell) => {
      const { csrfToken } = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      // Dutch days, as the server counts them (the browser runs in Amsterdam time; sv-SE writes YYYY-MM-DD).
      const dutchDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
      const day = dutchDay(Date.now());
      const from = dutchDay(Date.now() - 365 * 86_400_000);
      const response = await fetch('/api/v1/analyses/hotspots', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ source: { signals: { municipality: 'GM0505', from, to: day }, cell: 'h3:9' }, weights: 'ring:1', statistic: 'gi_star' }),
      });
      const body = (await response.json()) as { items: { id: string }[] };
      return body.items.find((item) => item.id === cell);
    }, latLngToCell(SMALL[1], SMALL[0], 9));
    expect(small).toMatchObject({ suppressed: true, value: null, z: null, p: null });
    await page.getByText('Hotspot, 99 % zeker').first().waitFor();
    const table = page.getByRole('table', { name: /significante cellen/ });
    const rows = table.locator('tbody tr');
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(0);
    // The legend counts the same cells as the table lists: its hot- and cold-spot lines add up to the rows.
    const counts = await legendCounts(page);
    expect(sum([...counts].filter(([label]) => !QUIET.includes(label)).map(([, n]) => n))).toBe(rowCount);
    expect(await table.locator('caption').textContent()).toContain(`De ${rowCount} significante cellen`);
    // Cells are named by place: the buurt they lie in, then the H3 index.
    const names = await rows.locator('th').allTextContents();
    expect(names.every((name) => /^\S.* 89[0-9a-f]{13}$/.test(name.trim()) && !name.startsWith('Geen buurt')), names.join(' | ')).toBe(true);
    expect(names.some((name) => /Krispijn|Nieuweweg/.test(name))).toBe(true);
    // The top hot spot has signals of its own; a hot cell of 0 is marked as hot through its neighbours and the page explains why.
    const top = await rows.first().locator('td').allTextContents();
    expect(top.at(-1)).toMatch(/^Hotspot/);
    expect(Number(top[0])).toBeGreaterThan(0);
    expect(await table.getByText('Afgeschermd: minder dan 5 signalen').count()).toBeGreaterThan(0);
    const byNeighbours = rows.filter({ hasText: 'door de buren (zelf 0)' });
    expect(await byNeighbours.count()).toBeGreaterThan(0);
    expect(await byNeighbours.first().locator('td').first().textContent()).toBe('0');
    await page.getByText(/Een cel telt mee met haar buren/).waitFor();
    await screenshot(page, 'hotspots-signals-h3');
    await mapScreenshot(page, 'hotspots-signals-h3-map');
    await expectNoSeriousA11yViolations(page, 'hot-spot analysis of signals');
  });
});
