import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Issue 13, items 3 and 4: the programme manager opens the Regie dashboard and finds the money that slips next
 * to the overdue actions and off-track goals — the late tranche of Preventie met Gezag (and no repayment: more
 * was spent than received), the energy-help line heading over budget, each with its owner — follows the
 * source's link to its page, which gives the same repayment figures, and the line's link to the budget page.
 * The administrator sees the dashboard without money.
 */

let harness: Harness;
let manager: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  manager = await harness.newPage();
  await login(manager.page, 'regisseur');
  await waitForPageReady(manager.page);
});

afterAll(async () => {
  await manager?.context.close().catch(() => undefined);
  await harness?.stop();
});

async function openDashboard(page: Page): Promise<void> {
  await (await menuLink(page, 'Regie')).click();
  await page.waitForURL((url) => url.pathname === '/regie');
  await waitForPageReady(page);
}

describe('money on the Regie dashboard (regisseur)', () => {
  it('shows late tranches, overruns and late accountability with their owners next to the overdue actions and goals', async () => {
    const { page } = manager;
    await openDashboard(page);
    await page.locator('#direction-overdue').waitFor();
    await page.locator('#direction-goals').waitFor();
    const money = page.locator('#direction-money');
    await money.waitFor();
    await page.getByRole('link', { name: /Geld dat uit de pas loopt/ }).waitFor();

    const tranche = money.getByRole('row', { name: /Preventie met Gezag/ }).filter({ hasText: 'Tranche 4 is te laat' });
    await tranche.waitFor();
    const trancheText = ((await tranche.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(trancheText).toContain('Verstrekker: Ministerie van Justitie en Veiligheid');
    expect(trancheText).toContain('€ 1.075.302');
    // More was spent than received: no repayment alarm for this source (docs/finance.md "Repayment risk").
    expect(await money.getByRole('row', { name: /Preventie met Gezag/ }).filter({ hasText: 'terugbetaald' }).count()).toBe(0);

    const energy = money.getByRole('row', { name: /Energiehulpen/ });
    await energy.waitFor();
    expect(await energy.textContent()).toMatch(/Verwachte overschrijding|Boven budget/);
    expect(await energy.textContent()).toContain('Nationaal Programma Dordt West');

    await money.getByRole('row').filter({ hasText: 'Verantwoording te laat' }).first().waitFor();
    // No raw codes on screen.
    const text = (await money.textContent()) ?? '';
    expect(text).not.toMatch(/tranche_overdue|over_budget|forecast_overrun|repayment_|underspend_risk|accountability_overdue|financiele_verantwoording|funding_source/);
    await expectNoSeriousA11yViolations(page, 'direction dashboard with money');
    await screenshot(page, 'direction-money');
  });

  it('follows a funding source row to its page, which says the same: nothing to pay back, € 209.094 still to receive', async () => {
    const { page } = manager;
    const money = page.locator('#direction-money');
    await money.getByRole('row').filter({ hasText: 'Tranche 4 is te laat' }).getByRole('link', { name: 'Preventie met Gezag' }).click();
    await page.waitForURL((url) => /^\/financien\/bronnen\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe('Preventie met Gezag');
    await page.getByText('Tranche 4 is te laat').waitFor();
    const kpi = async (label: string) => ((await page.locator('.wr-fin-kpi').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await kpi('Terug te betalen')).toBe('€ 0');
    expect(await kpi('Nog te ontvangen op grond van de besteding')).toBe('€ 209.094');
    expect(await page.getByText('moet worden terugbetaald').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'funding source from the dashboard');
    await screenshot(page, 'direction-money-source');
  });

  it('follows a budget line row to the budget page of its programme and year', async () => {
    const { page } = manager;
    await openDashboard(page);
    const money = page.locator('#direction-money');
    await money.getByRole('row', { name: /Energiehulpen/ }).getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/financien' && url.searchParams.has('programma'));
    await waitForPageReady(page);
    await page.getByRole('region', { name: 'Begrotingsregels' }).getByText('Energiehulpen: inzet en kleine maatregelen').first().waitFor();
  });

  it('shows the money rows in English too', async () => {
    const { page } = manager;
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/regie');
    await waitForPageReady(page);
    await page.getByRole('heading', { name: 'Money that slips' }).waitFor();
    const money = page.locator('#direction-money');
    await money.getByRole('row').filter({ hasText: 'Tranche 4 is overdue' }).getByText('Funder: Ministerie van Justitie en Veiligheid').waitFor();
    await expectNoSeriousA11yViolations(page, 'direction dashboard with money, English');
    await screenshot(page, 'direction-money-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});

describe('money on the Regie dashboard (beheerder)', () => {
  it('is left out for the administrator, who may not see finance', async () => {
    const admin = await harness.newPage();
    try {
      await login(admin.page, 'beheerder');
      await waitForPageReady(admin.page);
      await openDashboard(admin.page);
      await admin.page.locator('#direction-overdue').waitFor();
      expect(await admin.page.locator('#direction-money').count()).toBe(0);
      expect(await admin.page.getByText('Preventie met Gezag', { exact: true }).count()).toBe(0);
    } finally {
      await admin.context.close().catch(() => undefined);
    }
  });
});
