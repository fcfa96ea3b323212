import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The analyst picks an indicator on the map (issue 13, item 10): the picker offers only indicators with figures
 * for the chosen gemeente, level and year, greys out those with figures in other years (with those years),
 * and the page opens on a year with figures. The profile then says better or worse than the city where the
 * indicator has a direction. On the demo's real CBS data.
 */

let harness: Harness;
let analyst: { context: BrowserContext; page: Page };

interface FigureYears {
  years: number[];
  indicators: { indicator: string; years: number[] }[];
}

async function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => (await (await fetch(target)).json()) as unknown, url) as Promise<T>;
}

/** The picker's options as the browser has them: value, text and whether they can be chosen. */
async function pickerOptions(page: Page): Promise<{ value: string; text: string; disabled: boolean }[]> {
  return page.locator('#map-indicator option').evaluateAll((options) =>
    options.map((option) => ({ value: (option as HTMLOptionElement).value, text: option.textContent ?? '', disabled: (option as HTMLOptionElement).disabled })),
  );
}

async function openMap(page: Page, query: string): Promise<void> {
  await page.goto(`/kaart${query}`);
  await waitForPageReady(page);
  await page.locator('#map-indicator option').first().waitFor({ state: 'attached' });
  await page.locator('.wr-map .leaflet-overlay-pane path').first().waitFor({ timeout: 30_000 });
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

describe('the indicator picker (analist)', () => {
  it("offers for Dordrecht's buurten in 2020 exactly the indicators with figures then, and no income figures", async () => {
    const { page } = analyst;
    await openMap(page, '');
    await expect.poll(() => page.getByLabel('Jaar').inputValue()).toBe('2020');
    const available = await apiGet<FigureYears>(page, '/api/v1/figure-years?municipality=GM0505&level=buurt');
    const with2020 = available.indicators.filter((item) => item.years.includes(2020)).map((item) => item.indicator);
    const options = await pickerOptions(page);
    expect(options.filter((option) => !option.disabled).map((option) => option.value).sort()).toEqual([...with2020].sort());
    expect(options.map((option) => option.value)).not.toContain('average_income_per_inhabitant');
    // Only years with figures at the level are offered (Dordrecht has boundaries of 2023 and 2024 too).
    const years = await page.locator('#map-year option').evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value));
    expect(years).toEqual(available.years.map(String).reverse());
    await page.getByText(`${with2020.length} indicatoren met cijfers van 2020.`).waitFor();
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'the map with the indicator picker');
    await screenshot(page, 'indicator-picker-dordrecht-buurten');
  });

  it("greys out, for Dordrecht's wijken in 2020, the indicators with figures only in 2024, with that year", async () => {
    const { page } = analyst;
    await openMap(page, '?gemeente=GM0505&niveau=wijk&jaar=2020');
    const greyed = (await pickerOptions(page)).filter((option) => option.disabled);
    expect(greyed.map((option) => option.text)).toContain('Bevolkingsdichtheid (cijfers van 2024)');
    expect(greyed.every((option) => / \(cijfers van .*\)$/.test(option.text))).toBe(true);
    await page.locator('#map-indicator optgroup[label="Geen cijfers van 2020"]').waitFor({ state: 'attached' });
    // In 2024 it can be chosen, and the map draws it.
    await page.getByLabel('Jaar').selectOption('2024');
    await expect.poll(async () => (await pickerOptions(page)).find((option) => option.value === 'population_density')?.disabled).toBe(false);
    await page.getByLabel('Indicator', { exact: true }).selectOption('population_density');
    await page.getByRole('table', { name: /Bevolkingsdichtheid per gebied, 2024/ }).waitFor();
    // Back to 2020, where it has no figures: the page falls back to inhabitants instead of an empty map.
    await page.getByLabel('Jaar').selectOption('2020');
    await expect.poll(() => page.getByLabel('Indicator', { exact: true }).inputValue()).toBe('inhabitants');
    await expectNoSeriousA11yViolations(page, 'the map of the wijken');
  });

  it("opens Baarn's buurten on 2024, the year with the most figures, not on 2025 that has only inhabitants", async () => {
    const { page } = analyst;
    await openMap(page, '?gemeente=GM0308&niveau=buurt');
    await expect.poll(() => page.getByLabel('Jaar').inputValue()).toBe('2024');
    const lowIncome = (await pickerOptions(page)).find((option) => option.value === 'share_households_low_income');
    expect(lowIncome).toEqual({ value: 'share_households_low_income', text: 'Huishoudens met een laag inkomen (cijfers van 2016–2023)', disabled: true });
    await screenshot(page, 'indicator-picker-baarn-2024');
  });

  it('picks the share of low incomes in 2020 and the buurt profile says better or worse than the city', async () => {
    const { page } = analyst;
    await openMap(page, '?gemeente=GM0308&niveau=buurt&jaar=2020&indicator=share_households_low_income');
    expect(await page.getByLabel('Indicator', { exact: true }).inputValue()).toBe('share_households_low_income');
    const table = page.getByRole('table', { name: /Huishoudens met een laag inkomen per gebied, 2020/ });
    await table.waitFor();
    await table.getByRole('link', { name: 'Centrum' }).click();
    await page.waitForURL((url) => url.pathname === '/gebieden/BU03080000');
    await waitForPageReady(page);
    await page.getByLabel('Jaar').selectOption('2020');
    await page.getByRole('heading', { name: 'Cijfers 2020' }).waitFor({ timeout: 30_000 });
    const row = (name: string) => page.locator('#profile-figures tr', { hasText: name });
    // 6.3 % against Baarn's 5.1 %: lower is better, so worse; youth care 5.9 % against 8.7 %: better.
    await expect.poll(() => row('Huishoudens met een laag inkomen').textContent()).toMatch(/6,3\s?%.*5,1\s?%.*ongunstiger/);
    expect(await row('Percentage jongeren met jeugdzorg').textContent()).toMatch(/gunstiger/);
    expect(await row('Percentage jongeren met jeugdzorg').textContent()).not.toMatch(/ongunstiger/);
    // A count has no direction against the city: 30 people on social assistance are a part of Baarn's 360.
    expect(await row('Bijstand').textContent()).toMatch(/niet van toepassing/);
    // No national figures of 2020 were imported, and the page says so instead of a column of dashes only.
    await page.getByText('Van 2020 zijn geen landelijke cijfers ingelezen: de kolom Nederland blijft leeg.').waitFor();
    await expectNoSeriousA11yViolations(page, 'a Baarn buurt profile of 2020');
    await screenshot(page, 'indicator-picker-profile-baarn-2020');
  });

  it('shows the national figure where the imported data has one (Nederland 2024, summed from the 342 gemeenten)', async () => {
    const { page } = analyst;
    await page.getByLabel('Jaar').selectOption('2024');
    await page.getByRole('heading', { name: 'Cijfers 2024' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('#profile-figures tr').filter({ has: page.getByRole('rowheader', { name: 'Aantal inwoners', exact: true }) }).textContent()).toMatch(/17\.942\.942/);
    expect(await page.getByText(/zijn geen landelijke cijfers ingelezen/).count()).toBe(0);
  });
});
