import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady, menuLink, scrollIntoView } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * An activity has its money (issue 13, item 1): the programme manager opens an activity of the demo and sees
 * its budget lines per year, then follows the link to the programme's budget of that year; the analyst, who
 * may not read finance, sees the same activity without money. The programme page shows this year's money per
 * pillar to the programme manager and not to the analyst.
 */

let harness: Harness;
let manager: { context: BrowserContext; page: Page };
let analyst: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  manager = await harness.newPage();
  await login(manager.page, 'regisseur');
  await waitForPageReady(manager.page);
  analyst = await harness.newPage();
  await login(analyst.page, 'analist');
  await waitForPageReady(analyst.page);
});

afterAll(async () => {
  await manager?.context.close().catch(() => undefined);
  await analyst?.context.close().catch(() => undefined);
  await harness?.stop();
});

/** Amounts are written with a non-breaking space after the euro sign. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

async function openActivity(page: Page, name: string): Promise<void> {
  await (await menuLink(page, "Programma's")).click();
  await page.waitForURL((url) => url.pathname === '/programmas');
  await waitForPageReady(page);
  await page.getByRole('link', { name: 'Nationaal Programma Dordt West 2023–2043' }).click();
  await page.waitForURL((url) => /^\/programmas\/[0-9a-f-]{36}$/.test(url.pathname));
  await waitForPageReady(page);
  await page.getByRole('link', { name: 'Activiteiten en tijdlijn' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/activiteiten'));
  await waitForPageReady(page);
  await page.getByRole('link', { name }).first().click();
  await page.waitForURL((url) => /^\/activiteiten\/[0-9a-f-]{36}$/.test(url.pathname));
  await waitForPageReady(page);
  await expect.poll(() => pageHeading(page).textContent()).toBe(name);
}

describe('money on the activity page', () => {
  it('shows the programme manager the youth approach’s budget lines per year, and links to the budget of a year', async () => {
    const { page } = manager;
    await openActivity(page, 'Preventie met Gezag: jongerenaanpak Crabbehof');
    const money = page.getByRole('region', { name: 'Geld' });
    await money.waitFor();
    const table = money.getByRole('table', { name: 'Begrotingsregels van deze activiteit per jaar' });
    // Hand-checked in docs/finance.md: 2023 € 400.000 budgeted, € 350.000 spent, € 50.000 left.
    const row2023 = table.getByRole('row').filter({ hasText: '2023' });
    await row2023.waitFor();
    const cells = (await row2023.getByRole('cell').allTextContents()).map(plain);
    expect(cells).toEqual(expect.arrayContaining(['€ 400.000', '€ 350.000', '€ 50.000']));
    const row2025 = plain(await table.getByRole('row').filter({ hasText: '2025' }).textContent());
    expect(row2025).toContain('€ 1.450.000');
    expect(row2025).toContain('€ 125.000');
    expect(plain(await money.getByText(/^Alle jaren samen/).textContent())).toBe('Alle jaren samen: € 3.775.000 begroot, € 3.435.000 besteed, € 340.000 resterend.');
    await scrollIntoView(money);
    await screenshot(page, 'activity-money');
    await expectNoSeriousA11yViolations(page, 'activity page with money');
    await money.getByRole('link', { name: 'Budgetoverzicht van het programma in 2025' }).click();
    await page.waitForURL((url) => url.pathname === '/financien' && url.searchParams.get('jaar') === '2025');
    await waitForPageReady(page);
    await page.getByRole('region', { name: 'Begrotingsregels' }).getByText('Jongerenwerk en jeugdboa’s').first().waitFor();
  });

  it('shows the Wielwijk renovation with the € 24.000 that waits for approval', async () => {
    const { page } = manager;
    await openActivity(page, 'Renovatie en verduurzaming portiekflats Wielwijk');
    const row = page.getByRole('region', { name: 'Geld' }).getByRole('row').filter({ hasText: 'Procesbegeleiding bewoners bij renovatie' });
    await row.waitFor();
    const text = plain(await row.textContent());
    expect(text).toContain('€ 90.000');
    expect(text).toContain('€ 24.000');
    await screenshot(page, 'activity-money-wielwijk');
  });

  it('shows the programme manager this year’s budget and spend per pillar on the programme page', async () => {
    const { page } = manager;
    await (await menuLink(page, "Programma's")).click();
    await page.waitForURL((url) => url.pathname === '/programmas');
    await waitForPageReady(page);
    await page.getByRole('link', { name: 'Nationaal Programma Dordt West 2023–2043' }).click();
    await page.waitForURL((url) => /^\/programmas\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    const year = new Date().getFullYear();
    const money = page.getByRole('region', { name: `Geld per pijler in ${year}` });
    const wonen = money.getByRole('row').filter({ hasText: 'Wonen en fysieke leefomgeving' });
    await wonen.waitFor();
    // The Wielwijk renovation's line: € 90.000 with € 24.000 waiting for approval.
    expect(plain(await wonen.textContent())).toContain('€ 90.000');
    expect(plain(await wonen.textContent())).toContain('€ 24.000');
    // Energy help (€ 180.000) and debt help (€ 60.000) serve Werk en inkomen.
    expect(plain(await money.getByRole('row').filter({ hasText: 'Werk en inkomen' }).textContent())).toContain('€ 240.000');
    await scrollIntoView(money);
    await screenshot(page, 'programme-pillar-money');
    await expectNoSeriousA11yViolations(page, 'programme page with money per pillar');
  });

  it('shows the analyst, who may not read finance, the activity without money', async () => {
    const { page } = analyst;
    await openActivity(page, 'Preventie met Gezag: jongerenaanpak Crabbehof');
    await page.getByRole('heading', { name: 'Mijlpalen' }).waitFor();
    expect(await page.getByRole('region', { name: 'Geld' }).count()).toBe(0);
    expect(await page.getByText('€').count()).toBe(0);
    await (await menuLink(page, "Programma's")).click();
    await page.waitForURL((url) => url.pathname === '/programmas');
    await page.getByRole('link', { name: 'Nationaal Programma Dordt West 2023–2043' }).click();
    await page.getByRole('heading', { name: 'Operationele doelen' }).waitFor();
    expect(await page.getByRole('region', { name: /^Geld per pijler/ }).count()).toBe(0);
  });
});
