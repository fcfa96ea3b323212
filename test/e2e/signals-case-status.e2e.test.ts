import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, menuLink, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * A case's status and timeline (docs/signals.md): the casusregisseur takes the demo case up, closes it with
 * a reason, reopens it with a reason, and the timeline shows each step with who and when.
 */
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('case status (casusregisseur)', () => {
  it('takes up, closes with a reason and reopens the demo case; the timeline shows both', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'casusregisseur');
      await waitForPageReady(page);
      await (await menuLink(page, 'Casussen')).click();
      await page.waitForURL((url) => url.pathname === '/casussen');
      await waitForPageReady(page);
      const row = page.getByRole('row', { name: /Aanhoudende woonoverlast portiekflat/ });
      await expect.poll(() => row.getByRole('cell', { name: 'open', exact: true }).count()).toBe(1);
      await row.getByRole('link').click();
      await page.waitForURL((url) => url.pathname.startsWith('/casussen/'));
      await waitForPageReady(page);
      const timeline = page.getByRole('list', { name: 'Tijdlijn' });
      await timeline.getByText(/Casus aangemaakt met \d+ signalen/).waitFor();
      await timeline.getByText(/Casusoverleg van .* vastgelegd/).waitFor();

      await page.getByRole('button', { name: 'In behandeling nemen' }).click();
      await page.getByText('in behandeling', { exact: true }).waitFor();

      // Closing without a reason is refused, with the message at the field.
      await page.getByRole('button', { name: 'Afsluiten' }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousA11yViolations(page, 'closing a case without a reason');

      await page.getByLabel('Reden').selectOption({ label: 'Opgelost' });
      await page.getByLabel('Toelichting').fill('Portiek opgeknapt, geen nieuwe meldingen sinds oktober');
      await page.getByRole('button', { name: 'Afsluiten' }).click();
      await page.getByText('afgesloten', { exact: true }).waitFor();
      await timeline.getByText(/Afgesloten \(Opgelost\) “Portiek opgeknapt, geen nieuwe meldingen sinds oktober”/).waitFor();

      await page.getByLabel('Reden').selectOption({ label: 'Nieuwe signalen' });
      await page.getByRole('button', { name: 'Heropenen' }).click();
      await page.getByRole('button', { name: 'Afsluiten' }).waitFor();
      await timeline.getByText(/Heropend \(Nieuwe signalen\)/).waitFor();

      const items = await timeline.getByRole('listitem').allTextContents();
      const steps = items.map((text) => (/In behandeling genomen|Afgesloten|Heropend|Casus aangemaakt|Casusoverleg/.exec(text) ?? [''])[0]);
      expect(steps.filter((s) => ['In behandeling genomen', 'Afgesloten', 'Heropend'].includes(s))).toEqual(['In behandeling genomen', 'Afgesloten', 'Heropend']);
      expect(steps[0]).toBe('Casus aangemaakt');
      // Who and when, in Amsterdam time (dd-mm-jjjj hh:mm or the locale's words), on every status step.
      for (const text of items.slice(-3)) expect(text).toMatch(/\d{1,2}:\d{2}.*door /);
      await expectNoSeriousA11yViolations(page, 'a case closed and reopened');
      await screenshot(page, 'signals-case-status');
    } finally {
      await context.close();
    }
  });
});
