import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, menuLink, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * One casusoverleg, not two (issue 13, item 13): the meetings page lists the case meetings of the cases the
 * reader may see, each linking to its case, and no longer plans a "casusoverleg" of its own; the form says
 * where one is recorded instead.
 */
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('case meetings on the meetings page', () => {
  it('the programme manager sees the demo case meeting beside the meetings and follows it to its case', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'regisseur');
      await waitForPageReady(page);
      await (await menuLink(page, 'Overleggen')).click();
      await page.waitForURL((url) => url.pathname === '/overleggen');
      await waitForPageReady(page);
      const section = page.getByRole('region', { name: 'Casusoverleggen' });
      const row = section.getByRole('row', { name: /Aanhoudende woonoverlast portiekflat/ });
      await row.waitFor();
      // The kind list plans kernteam, wijkoverleg and other meetings; a casusoverleg goes to its case.
      const kinds = await page.getByLabel('Soort overleg').locator('option').allTextContents();
      expect(kinds).toEqual(['Kernteam', 'Wijkoverleg', 'Overig overleg']);
      expect(await page.locator('#meeting-case-note').textContent()).toContain('Een casusoverleg plan je hier niet');
      await expectNoSeriousA11yViolations(page, 'meetings page with case meetings');
      await screenshot(page, 'meetings-case-meetings');

      await row.getByRole('link').click();
      await page.waitForURL((url) => url.pathname.startsWith('/casussen/'));
      await waitForPageReady(page);
      await page.getByRole('list', { name: 'Tijdlijn' }).getByText(/Casusoverleg van .* vastgelegd/).waitFor();
    } finally {
      await context.close();
    }
  });

  it('an analyst, who reads meetings and signals but plans no meeting, sees the case meeting and no form', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'analist');
      await waitForPageReady(page);
      await page.goto(`${harness.baseUrl}/overleggen`);
      await waitForPageReady(page);
      const section = page.getByRole('region', { name: 'Casusoverleggen' });
      await section.getByRole('row', { name: /Aanhoudende woonoverlast portiekflat/ }).waitFor();
      expect(await page.getByLabel('Soort overleg').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
