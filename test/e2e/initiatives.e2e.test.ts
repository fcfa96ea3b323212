import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
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
async function apiSession(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/session', { data: { username, password: 'demo' } });
  expect(response.status()).toBe(200);
  return { 'x-csrf-token': (await response.json()).csrfToken as string };
}
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
      await page.getByText('Deze activiteit komt voort uit een toegekend bewonersinitiatief:').waitFor();
      await expectNoSeriousA11yViolations(page, 'activity from an initiative');
      await screenshot(page, 'initiatives-activity');
      await page.getByRole('link', { name: TITLE, exact: true }).click();
      await headingIs(page, TITLE);
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

  it('a grant above € 5.000 waits for a second person: the proposer cannot approve it, finance can; finance sets a wijkbudget', async () => {
    const manager = await harness.newPage();
    const finance = await harness.newPage();
    try {
      // An assessed initiative of € 6.000, set up through the API as the form and the pages above do it.
      const r = manager.context.request;
      const options = await (await r.get('/api/v1/public/initiative-options')).json();
      const goalId = options.goals.find((g: { name: string }) => g.name === 'Een meer samenredzame gemeenschap').id;
      const submitted = await r.post('/api/v1/public/initiatives', { data: { title: 'Buurtfeest met sport', description: 'Een dag sport en eten op het plein.', areaCode: 'WK050507', costCents: 600_000, goalId, contact: { name: 'Testbewoner Vier', email: 'vier@example.org' } } });
      expect(submitted.status()).toBe(201);
      const id = (await submitted.json()).id as string;
      const headers = await apiSession(r, 'regisseur');
      expect((await r.post(`/api/v1/initiatives/${id}/status`, { headers, data: { to: 'ontvankelijk', reason: 'Voldoet aan de regels.' } })).status()).toBe(200);
      expect((await r.post(`/api/v1/initiatives/${id}/assessment`, { headers, data: { rubric: { goal: 3, support: 3, feasibility: 2, value: 2 }, reason: 'Veel steun in de buurt.' } })).status()).toBe(200);

      const page = manager.page;
      await page.goto(`/bewonersinitiatieven/${id}`);
      await headingIs(page, 'Buurtfeest met sport');
      await page.getByText(/^Dit is meer dan €\s5\.000: een tweede persoon moet de toekenning goedkeuren\.$/).waitFor();
      await page.locator('#grant-reason').fill('Groot feest, past in het wijkbudget.');
      await page.getByRole('button', { name: 'Voorstellen aan een tweede persoon' }).click();
      await page.getByText('Wacht op een tweede persoon').waitFor();
      await page.getByText('Je hebt dit zelf voorgesteld. Een ander met recht om toe te kennen beslist.').waitFor();
      expect(await page.getByRole('button', { name: 'Goedkeuren en toekennen' }).count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'grant waiting, proposer');
      await screenshot(page, 'initiatives-four-eyes-proposer');

      const f = finance.page;
      await login(f, 'financien');
      await (await menuLink(f, 'Bewonersinitiatieven')).click();
      await headingIs(f, 'Bewonersinitiatieven');
      await f.getByText('wacht op tweede persoon').first().waitFor();
      await f.getByRole('link', { name: 'Buurtfeest met sport' }).click();
      await headingIs(f, 'Buurtfeest met sport');
      await f.getByText(/^Na toekenning resteert €\s17\.200\.$/).waitFor();
      await expectNoSeriousA11yViolations(f, 'grant waiting, second person');
      await screenshot(f, 'initiatives-four-eyes-second');
      await f.getByRole('button', { name: 'Goedkeuren en toekennen' }).click();
      await f.getByRole('link', { name: 'Bekijk de activiteit' }).waitFor();
      await f.getByText(/Groot feest, past in het wijkbudget\. \(Goedgekeurd door een tweede persoon\.\)/).waitFor();

      // Finance sets the wijkbudget of another wijk of Dordt West.
      await f.getByRole('link', { name: 'Terug naar alle initiatieven' }).click();
      await f.getByRole('heading', { name: 'Wijkbudget instellen' }).waitFor();
      await f.getByLabel('Buurt of wijk', { exact: true }).last().selectOption('WK050508');
      await f.getByLabel('Bedrag (in euro)').fill('10.000');
      await f.getByRole('button', { name: 'Wijkbudget instellen' }).click();
      await f.getByRole('status').getByText(/^Wijkbudget Wijk 08 Crabbehof\/Zuidhoven \d{4} ingesteld: €\s10\.000\./).waitFor();
      await f.getByRole('link', { name: /Crabbehof/ }).first().waitFor();
      await expectNoSeriousA11yViolations(f, 'wijkbudgets, finance');
      await screenshot(f, 'initiatives-wijkbudget-set');
    } finally {
      await manager.context.close();
      await finance.context.close();
    }
  });
});
