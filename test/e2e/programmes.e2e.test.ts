import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady, menuLink } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The programme manager's direction work, end to end on the demo: the Dordt West programme with its pillars
 * and goals, a new operational goal with its status and chart, a new activity moved through the workflow
 * with a progress update, the timeline, and the neighbourhood plan; then a partner who sees only their own.
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

async function openProgramme(page: Page): Promise<void> {
  await (await menuLink(page, "Programma's")).click();
  await page.waitForURL((url) => url.pathname === '/programmas');
  await waitForPageReady(page);
  await page.getByRole('link', { name: 'Nationaal Programma Dordt West 2023–2043' }).click();
  await page.waitForURL((url) => /^\/programmas\/[0-9a-f-]{36}$/.test(url.pathname));
  await waitForPageReady(page);
}

describe('programmes (regisseur)', () => {
  it('lists the demo programme and shows its ambition, five pillars and the example goals with their status', async () => {
    const { page } = manager;
    await (await menuLink(page, "Programma's")).click();
    await page.waitForURL((url) => url.pathname === '/programmas');
    await waitForPageReady(page);
    // The municipality by name, not by its CBS code.
    const row = page.getByRole('row').filter({ hasText: 'Nationaal Programma Dordt West 2023–2043' });
    expect(await row.textContent()).toContain('Dordrecht');
    expect(await row.textContent()).not.toContain('GM0505');
    await screenshot(page, 'programmes-list');
    await expectNoSeriousA11yViolations(page, 'programme list');
    await openProgramme(page);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Nationaal Programma Dordt West 2023–2043');
    await page.getByText('We groeien met Dordt West naar het Dordts gemiddelde.').waitFor();
    for (const pillar of ['Wonen en fysieke leefomgeving', 'Gezond en samen leven', 'Leren en ontwikkelen', 'Werk en inkomen', 'Leefbaar en veilig']) {
      await page.getByRole('heading', { name: pillar, level: 3 }).waitFor();
    }
    // Scoped: the programme page also names the goals in its money-per-goal table.
    await page.getByRole('region', { name: 'Pijlers en strategische doelen' }).getByText('Het vergroten van de veiligheid').waitFor();
    const goals = page.getByRole('table', { name: 'Operationele doelen' });
    await goals.getByText('Niet op koers').first().waitFor();
    await goals.getByText(/^✓ Op koers$/).first().waitFor();
    // An example is marked once: the demo goals' names start with "Voorbeeld:", so they carry no badge as well.
    expect(await goals.getByRole('link', { name: /^Voorbeeld: / }).count()).toBeGreaterThanOrEqual(4);
    expect(await goals.getByText('Voorbeeld', { exact: true }).count()).toBe(0);
    await screenshot(page, 'programme-detail');
    await expectNoSeriousA11yViolations(page, 'programme detail');
  });

  it('adds an operational goal in the form and sees its status and the actual-versus-trajectory chart', async () => {
    const { page } = manager;
    await page.getByRole('link', { name: 'Operationeel doel toevoegen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/doelen/nieuw'));
    await waitForPageReady(page);
    // Submitting empty: the fields say what is missing.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Doel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Doel', { exact: true }).fill('Crabbehof/Zuidhoven groeit naar 9.000 inwoners (test)');
    await page.getByLabel('Hoort bij strategisch doel').selectOption({ label: 'Het bieden van meer toekomstbestendig wonen' });
    await expect.poll(() => page.getByLabel('Indicator', { exact: true }).locator('option').count()).toBeGreaterThan(10);
    await page.getByLabel('Indicator', { exact: true }).selectOption('inhabitants');
    await expect.poll(() => page.getByLabel('Gebied', { exact: true }).locator('option[value="WK050508"]').count()).toBe(1);
    await page.getByLabel('Gebied', { exact: true }).selectOption('WK050508');
    await page.getByLabel('Waarde nulmeting').fill('8475');
    await page.getByLabel('Datum nulmeting').fill('2020-01-01');
    await page.getByLabel('Streefwaarde', { exact: true }).fill('9000');
    await page.getByLabel('Streefdatum').fill('2030-01-01');
    await screenshot(page, 'goal-form');
    await expectNoSeriousA11yViolations(page, 'goal form');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL((url) => /\/doelen\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Crabbehof/Zuidhoven groeit naar 9.000 inwoners (test)');
    // 8,475 → 9,000 by 2030; 8,550 in 2024 against 8,685 expected: 26 % behind → off track.
    await page.locator('.wr-goal-status').getByText('Niet op koers').waitFor();
    await page.locator('.wr-goal-chart svg .recharts-line').first().waitFor();
    const table = page.getByRole('table', { name: 'Metingen per jaar' });
    await table.getByRole('rowheader', { name: '2024' }).waitFor();
    await screenshot(page, 'goal-detail');
    await expectNoSeriousA11yViolations(page, 'goal detail');
  });

  it('plans an activity with partners, moves it through the workflow and reports progress', async () => {
    const { page } = manager;
    await openProgramme(page);
    await page.getByRole('link', { name: 'Activiteiten en tijdlijn' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/activiteiten'));
    await waitForPageReady(page);
    const timeline = page.getByRole('table', { name: /Activiteiten op de tijdlijn/ });
    await timeline.getByText('Over einddatum').first().waitFor();
    await screenshot(page, 'activities-timeline');
    await expectNoSeriousA11yViolations(page, 'activities timeline');

    await page.getByRole('link', { name: 'Activiteit toevoegen' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/activiteiten/nieuw'));
    await waitForPageReady(page);
    await page.getByLabel('Naam', { exact: true }).fill('Buurtbemiddeling Crabbehof (test)');
    await page.getByLabel('Eigenaar', { exact: true }).selectOption({ label: 'Wijkteam welzijn en zorg (demopartner)' });
    await page.getByLabel('Contactpersoon').selectOption({ label: 'Demo Wijkwerker' });
    await page.getByLabel('Start', { exact: true }).fill('2025-03-01');
    await page.getByLabel('Einde', { exact: true }).fill('2027-02-28');
    await page.getByRole('group', { name: 'Partners' }).getByLabel('Politie (demopartner)').check();
    await page.getByRole('group', { name: 'Partners' }).getByLabel('Woningcorporatie (demopartner)').check();
    await page.getByRole('group', { name: 'Gebieden' }).getByLabel('Wijk 08 Crabbehof/Zuidhoven').check();
    await page.getByRole('group', { name: 'Draagt bij aan strategische doelen' }).getByLabel('Het vergroten van de leefbaarheid').check();
    await page.getByLabel('Eerste mijlpaal').fill('Bemiddelaars getraind');
    await page.getByLabel('Datum mijlpaal').fill('2025-06-01');
    await screenshot(page, 'activity-form');
    await expectNoSeriousA11yViolations(page, 'activity form');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL((url) => /^\/activiteiten\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Buurtbemiddeling Crabbehof (test)');

    await page.getByRole('button', { name: 'Plannen', exact: true }).click();
    await page.getByRole('button', { name: 'Starten' }).waitFor();
    await page.getByRole('button', { name: 'Starten' }).click();
    await page.getByRole('button', { name: 'Afronden' }).waitFor();
    await page.getByLabel('Voortgang (%)').fill('30');
    await page.getByLabel('Toelichting', { exact: true }).last().fill('Eerste bemiddelingsgesprekken gevoerd.');
    await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await page.getByText('Eerste bemiddelingsgesprekken gevoerd.').waitFor();
    await page.getByRole('button', { name: "Markeer 'Bemiddelaars getraind' als bereikt" }).click();
    await page.getByRole('button', { name: "Markeer 'Bemiddelaars getraind' als niet bereikt" }).waitFor();
    const history = page.locator('#history');
    expect(await history.getByRole('listitem').count()).toBe(3);
    await screenshot(page, 'activity-detail');
    await expectNoSeriousA11yViolations(page, 'activity detail');

    // Changing the plan keeps status and progress.
    await page.getByRole('link', { name: 'Activiteit bewerken' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bewerken'));
    await expect.poll(() => page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Buurtbemiddeling Crabbehof (test)');
    await page.getByLabel('Einde', { exact: true }).fill('2027-06-30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL((url) => /^\/activiteiten\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('1 mrt 2025 tot en met 30 jun 2027').waitFor();
    await page.getByText('Eerste bemiddelingsgesprekken gevoerd.').waitFor();
  });

  it('shows the timeline of one area across programmes', async () => {
    const { page } = manager;
    await page.goto('/activiteiten?gebied=WK050508');
    await waitForPageReady(page);
    const timeline = page.getByRole('table', { name: 'Activiteiten in Wijk 08 Crabbehof/Zuidhoven op de tijdlijn' });
    await timeline.getByText('Preventie met Gezag: jongerenaanpak Crabbehof').waitFor();
    await timeline.getByText('Buurtbemiddeling Crabbehof (test)').waitFor();
    expect(await timeline.getByText('Renovatie en verduurzaming portiekflats Wielwijk').count()).toBe(0);
    await screenshot(page, 'activities-area');
    await expectNoSeriousA11yViolations(page, 'activities per area');
  });

  it('shows the neighbourhood development plan with analysis, priorities within the focus limit and the agenda', async () => {
    const { page } = manager;
    await (await menuLink(page, 'Wijkplannen')).click();
    await page.waitForURL((url) => url.pathname === '/wijkplannen');
    await waitForPageReady(page);
    await page.getByRole('link', { name: /Wijkontwikkelingsplan Dordt West/ }).click();
    await page.waitForURL((url) => /^\/wijkplannen\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPageReady(page);
    await page.getByText('2 van 3 prioriteiten gekozen').waitFor();
    await page.getByRole('heading', { name: 'Sterke punten' }).waitFor();
    await page.getByRole('heading', { name: 'Knelpunten' }).waitFor();
    await page.getByRole('table', { name: /Activiteiten van het wijkplan/ }).waitFor();
    await screenshot(page, 'plan-detail');
    await expectNoSeriousA11yViolations(page, 'neighbourhood plan');
  });
});

describe('programmes (partner)', () => {
  it('a housing-corporation partner sees only the activities their organisation owns or takes part in', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'corporatie');
      await waitForPageReady(page);
      await openProgramme(page);
      await page.getByRole('link', { name: 'Activiteiten en tijdlijn' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/activiteiten'));
      await waitForPageReady(page);
      const list = page.getByRole('table', { name: 'Overzicht' });
      await list.getByText('Renovatie en verduurzaming portiekflats Wielwijk').waitFor();
      await list.getByText('Buurtbemiddeling Crabbehof (test)').waitFor();
      expect(await list.getByText('Preventie met Gezag: jongerenaanpak Crabbehof').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Activiteit toevoegen' }).count()).toBe(0);
      await screenshot(page, 'activities-partner');
      await expectNoSeriousA11yViolations(page, 'activities as partner');
    } finally {
      await context.close();
    }
  });
});
