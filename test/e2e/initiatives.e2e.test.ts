import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, login, menuLink, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Resident initiatives and the wijkbudget (issue 15, items 4 and 5; docs/initiatives.md). A resident, without
 * logging in and on a phone, submits an initiative in Wielwijk and follows it by the private link; the
 * programme manager finds it admissible, scores the rubric and grants it within the demo wijkbudget (€ 25.000,
 * nothing granted yet; after € 1.800, € 23.200 is left); the resident sees the steps with
 * role and organisation, and the public overview shows the money per goal. Axe clean in Dutch and English.
 */
let harness: Harness;
let followPath = '';
const TITLE = 'Bankjes bij de vijver';

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const headingIs = (page: Page, text: string) => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('resident initiatives', () => {
  it('a resident submits an initiative on a phone without an account and follows it by the private link', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/bewoners/initiatief-indienen');
      await waitForPageReady(page);
      await headingIs(page, 'Een initiatief indienen');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page, 'submit form, phone');

      // Nothing filled in: one summary with links to the fields, in plain words.
      await page.getByRole('button', { name: 'Initiatief indienen' }).click();
      const summary = page.getByRole('alert');
      await summary.getByRole('link', { name: /Naam van je initiatief: Geef je initiatief een naam\./ }).waitFor();
      await summary.getByRole('link', { name: /Buurt of wijk: Kies een buurt of wijk\./ }).waitFor();
      await screenshot(page, 'initiatives-submit-errors-phone');

      await page.getByLabel('Naam van je initiatief').fill(TITLE);
      await page.getByLabel('Wat wil je doen?').fill('Twee bankjes aan de vijver, zodat ouderen er kunnen uitrusten.');
      await page.getByLabel('Wat kost het ongeveer? (in euro)').fill('1.800');
      await page.getByLabel('Buurt of wijk', { exact: true }).selectOption('WK050507');
      await page.getByLabel('Plek').fill('Aan de vijver bij het buurthuis');
      await page.getByLabel('Aan welk doel draagt het bij?').selectOption({ label: 'Het vergroten van de leefbaarheid' });
      await page.getByLabel('Je naam').fill('Testbewoner E2E');
      await page.getByLabel('Je e-mailadres').fill('e2e@example.org');
      await expectNoSeriousA11yViolations(page, 'submit form filled, phone');
      await screenshot(page, 'initiatives-submit-phone');
      await page.getByRole('button', { name: 'Initiatief indienen' }).click();

      await headingIs(page, 'Je initiatief is ingediend');
      const link = page.getByRole('link', { name: /\/bewoners\/initiatief-volgen\// });
      followPath = new URL((await link.textContent()) ?? '').pathname;
      expect(followPath).toMatch(/^\/bewoners\/initiatief-volgen\/[A-Za-z0-9_-]{43}$/);
      await expectNoSeriousA11yViolations(page, 'submitted, phone');
      await screenshot(page, 'initiatives-submitted-phone');

      await link.click();
      await headingIs(page, TITLE);
      await page.getByText('Ingediend via het formulier voor bewoners.').waitFor();
      await page.getByText('Besloten door: Bewoner, ingediend via de website').waitFor();
      expect(await page.getByText('e2e@example.org').count()).toBe(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page, 'follow page, phone');
      await screenshot(page, 'initiatives-follow-submitted-phone');

      // A wrong link says so in words.
      await page.goto('/bewoners/initiatief-volgen/bestaat-niet');
      await page.getByText('Deze link kennen we niet').waitFor();
    } finally {
      await context.close();
    }
  });

  it('the programme manager finds it admissible, scores the rubric and grants it within the wijkbudget', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'regisseur');
      await (await menuLink(page, 'Bewonersinitiatieven')).click();
      await headingIs(page, 'Bewonersinitiatieven');
      await page.getByRole('link', { name: TITLE }).waitFor();
      await expectNoSeriousA11yViolations(page, 'initiatives list');
      await screenshot(page, 'initiatives-list');
      await page.getByRole('link', { name: TITLE }).click();
      await headingIs(page, TITLE);

      await page.getByLabel('Wat is je besluit?').selectOption('ontvankelijk');
      await page.getByLabel('Reden').fill('Past binnen de regels van het wijkbudget.');
      await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await page.getByRole('heading', { name: 'Beoordelen' }).waitFor();

      for (const [label, score] of [['Bijdrage aan het gekozen doel', '3'], ['Steun in de buurt', '2'], ['Uitvoerbaarheid', '2'], ['Waarde voor het geld', '2']] as const) {
        await page.getByLabel(label).selectOption(score);
      }
      await page.getByText('Totaal 9 van 12 punten. Nodig om toe te kennen: 7.').waitFor();
      await page.getByLabel('Samenvatting van de beoordeling').fill('Draagt duidelijk bij aan de leefbaarheid; buren doen mee.');
      await expectNoSeriousA11yViolations(page, 'rubric form');
      await screenshot(page, 'initiatives-rubric');
      await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();

      await page.getByRole('heading', { name: 'Toekennen' }).waitFor();
      await page.getByText(/Wijkbudget Wijk 07 Wielwijk \d{4}: €\s25\.000, al toegekend €\s0, nog beschikbaar €\s25\.000\./).waitFor();
      await page.getByText(/^Na toekenning resteert €\s23\.200\.$/).waitFor();
      // More than is left is refused in words before anything is sent.
      await page.getByLabel('Bedrag (in euro)').fill('30.000');
      await page.getByText(/^Dit is meer dan er over is\. Er is nog €\s25\.000 beschikbaar\.$/).first().waitFor();
      await page.getByLabel('Bedrag (in euro)').fill('1.800');
      await page.locator('#grant-reason').fill('Voldoet aan de rubriek en past in het wijkbudget.');
      await expectNoSeriousA11yViolations(page, 'grant form');
      await screenshot(page, 'initiatives-grant');
      await page.getByRole('button', { name: 'Toekennen', exact: true }).click();

      await page.getByRole('link', { name: 'Bekijk de activiteit' }).waitFor();
      await page.getByText('Toegekend', { exact: true }).first().waitFor();
      await expectNoSeriousA11yViolations(page, 'granted initiative');
      await screenshot(page, 'initiatives-granted');

      await page.getByRole('link', { name: 'Bekijk de activiteit' }).click();
      await headingIs(page, `Bewonersinitiatief: ${TITLE}`);
      await page.getByText(/Ontstaan uit een bewonersinitiatief/).first().waitFor();
      await screenshot(page, 'initiatives-activity');
    } finally {
      await context.close();
    }
  });

  it('the resident sees each step with role and organisation, and the public overview per goal, in Dutch and English', async () => {
    expect(followPath).not.toBe('');
    const { context, page } = await harness.newPage();
    try {
      await page.goto(followPath);
      await headingIs(page, TITLE);
      await page.getByText('Voldoet aan de rubriek en past in het wijkbudget.').waitFor();
      await page.getByText(/Besloten door: Programmamanager, /).first().waitFor();
      expect(await page.getByText('Demo Programmamanager').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'follow page, granted');
      await screenshot(page, 'initiatives-follow-granted');

      await page.goto('/bewoners/wijkbudget/WK050507');
      await page.getByRole('heading', { level: 1, name: /^Wijkbudget Wijk 07 Wielwijk \d{4}$/ }).waitFor();
      await page.getByRole('rowheader', { name: 'Het vergroten van de leefbaarheid' }).waitFor();
      await page.getByRole('rowheader', { name: TITLE }).waitFor();
      await expect.poll(() => page.locator('main').textContent()).not.toMatch(/@|Testbewoner/);
      await expectNoSeriousA11yViolations(page, 'wijkbudget overview');
      await screenshot(page, 'initiatives-wijkbudget-nl');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: /^Neighbourhood budget Wijk 07 Wielwijk \d{4}$/ }).waitFor();
      await expectNoSeriousA11yViolations(page, 'wijkbudget overview, English');
      await screenshot(page, 'initiatives-wijkbudget-en');
      await page.goto(followPath);
      await page.getByRole('heading', { name: 'What happened' }).waitFor();
      await page.getByText(/Decided by: Programme manager, /).first().waitFor();
      await expectNoSeriousA11yViolations(page, 'follow page, English');
      await page.goto('/bewoners/initiatief-indienen');
      await headingIs(page, 'Submit an initiative');
      await expectNoSeriousA11yViolations(page, 'submit form, English');
      await screenshot(page, 'initiatives-submit-en');
    } finally {
      await context.close();
    }
  });
});
