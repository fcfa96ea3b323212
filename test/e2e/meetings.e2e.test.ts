import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady, menuLink, menuEntry } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The programme manager plans a kernteam, links an agenda item to a priority area and a programme activity,
 * records a decision with an action (owner and deadline), closes the meeting, and finds the action on the
 * direction dashboard once it is late; escalates it; the owning partner updates its status.
 */

let harness: Harness;
let manager: { context: BrowserContext; page: Page };

async function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => (await (await fetch(target)).json()) as unknown, url) as Promise<T>;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function openFromMenu(page: Page, name: string, path: string): Promise<void> {
  await (await menuLink(page, name)).click();
  await page.waitForURL((url) => url.pathname === path);
  await waitForPageReady(page);
}

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

const TITLE = 'Kernteam Dordt West – extra overleg';
const ACTION = 'Bewonersavond organiseren over de portiekflats';

describe('meetings (regisseur)', () => {
  let today = '';

  it('lists the demo kernteam, marked as demo data, and shows its agenda with decisions and actions', async () => {
    const { page } = manager;
    await openFromMenu(page, 'Overleggen', '/overleggen');
    // The direction dashboard is in this user's menu (the partner's test below checks it is not in theirs).
    expect(await menuEntry(page, 'Regie').count()).toBe(1);
    today = (await apiGet<{ today: string }>(page, '/api/v1/meetings')).today;
    await page.getByRole('link', { name: 'Kernteam Dordt West', exact: true }).click();
    await page.waitForURL((url) => /^\/overleggen\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe('Kernteam Dordt West');
    await page.getByText('Dit overleg is illustratieve demodata').waitFor();
    await page.getByText('Activiteit: Renovatie en verduurzaming portiekflats Wielwijk').waitFor();
    await page.getByText('4 dagen te laat').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'demo meeting');
    await screenshot(page, 'meetings-demo-meeting');
  });

  it('plans a meeting, links an agenda item to a priority and an activity, records a decision and an action, and closes it', async () => {
    const { page } = manager;
    await openFromMenu(page, 'Overleggen', '/overleggen');
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Datum', { exact: true }).fill(addDays(today, -10));
    await page.getByLabel('Locatie').fill('Stadskantoor, kamer 3.12');
    expect(await page.getByLabel('Gemeente', { exact: true }).inputValue()).toBe('GM0505');
    await expect.poll(() => page.getByLabel('Gemeente', { exact: true }).locator('option:checked').textContent(), { timeout: 30_000 }).toBe('Dordrecht (GM0505)');
    await page.getByLabel('Gebied').selectOption({ label: 'Dordt West' });
    await page.getByLabel('Woningcorporatie (demopartner)').check();
    await screenshot(page, 'meetings-list-and-new');
    await page.getByRole('button', { name: 'Overleg aanmaken' }).click();
    await page.waitForURL((url) => /^\/overleggen\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(TITLE);

    // Closing an empty meeting is not possible: the page says why.
    await page.getByText('De agenda is leeg').waitFor();
    expect(await page.getByRole('button', { name: 'Overleg afronden' }).isDisabled()).toBe(true);

    await page.getByText('Agendapunt toevoegen', { exact: true }).first().click();
    await page.getByLabel('Onderwerp').fill('Renovatie portiekflats: draagvlak bij bewoners');
    const links = page.getByLabel('Koppelen aan prioriteit, doel of activiteit');
    await links.selectOption([{ label: 'Dordt West' }, { label: 'Renovatie en verduurzaming portiekflats Wielwijk' }]);
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await page.getByText('Agendapunt toegevoegd.').waitFor();
    await page.getByText('Prioriteit: Dordt West').waitFor();
    await page.getByText('Activiteit: Renovatie en verduurzaming portiekflats Wielwijk').waitFor();
    await page.getByText('heeft nog geen besluit en geen reden').waitFor();

    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByLabel('Besluit', { exact: true }).fill('De corporatie organiseert een bewonersavond voordat de renovatie van blok 2 start.');
    await page.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.getByText('Besluit vastgelegd.').waitFor();
    await page.getByText('heeft nog geen actie met eigenaar en deadline').waitFor();

    await page.getByText('Actie toevoegen', { exact: true }).first().click();
    await page.getByLabel('Actie', { exact: true }).fill(ACTION);
    await page.getByLabel('Eigenaar (organisatie)').selectOption({ label: 'Woningcorporatie (demopartner)' });
    await page.getByLabel('Deadline').fill(addDays(today, -2));
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByText(`Actie "${ACTION}" toegevoegd.`).waitFor();
    await page.getByText('2 dagen te laat').first().waitFor();
    await page.getByText('Alle agendapunten hebben een uitkomst').waitFor();
    await expectNoSeriousA11yViolations(page, 'new meeting with agenda, decision and action');
    await screenshot(page, 'meetings-new-meeting-ready');

    await page.getByRole('button', { name: 'Overleg afronden' }).click();
    await page.getByText('Het overleg is afgerond.').waitFor();
    await page.getByText('agenda, besluiten en acties liggen vast').waitFor();
  });

  it('shows the late action on the direction dashboard, escalates it with a reason, and the administrators\u2019 agenda lists it', async () => {
    const { page } = manager;
    await openFromMenu(page, 'Regie', '/regie');
    const overdue = page.getByRole('region', { name: 'Te late acties' });
    const row = overdue.getByRole('row', { name: new RegExp(ACTION) });
    await row.waitFor();
    expect(await row.textContent()).toContain('2 dagen te laat');
    expect(await row.textContent()).toContain('Woningcorporatie (demopartner)');
    await overdue.getByRole('row', { name: /Adressenlijst met signalen/ }).waitFor();
    await page.getByRole('region', { name: 'Activiteiten die uitlopen' }).getByText('Preventie met Gezag: jongerenaanpak Crabbehof').waitFor();
    await expectNoSeriousA11yViolations(page, 'direction dashboard');
    await screenshot(page, 'meetings-direction');

    await row.getByRole('button', { name: `Agenderen: ${ACTION}` }).click();
    await page.getByLabel('Reden voor het bestuur').fill('De corporatie kan de bewonersavond niet plannen zonder bestuurlijke afspraak over de planning.');
    await page.getByRole('button', { name: 'Op bestuurlijke agenda zetten' }).click();
    await page.getByText(`"${ACTION}" staat op de bestuurlijke agenda.`).waitFor();
    const agenda = page.getByRole('region', { name: 'Bestuurlijke agenda' });
    await agenda.getByText('zonder bestuurlijke afspraak over de planning').waitFor();
    await overdue.getByRole('row', { name: new RegExp(ACTION) }).getByText('Op bestuurlijke agenda').waitFor();
    await screenshot(page, 'meetings-direction-escalated');
  });
});

describe('my actions (corporatie)', () => {
  it('shows the partner the late action of their organisation and lets them update its status', async () => {
    const partner = await harness.newPage();
    try {
      const { page } = partner;
      await login(page, 'corporatie');
      await waitForPageReady(page);
      await menuEntry(page, 'Mijn acties').waitFor({ state: 'attached' });
      expect(await menuEntry(page, 'Regie').count()).toBe(0);
      await openFromMenu(page, 'Mijn acties', '/mijn-acties');
      const row = page.getByRole('row', { name: new RegExp(ACTION) });
      await row.waitFor();
      // Cancelling is the programme manager's: the partner is not offered it.
      const offered = await row.getByLabel(`Status van ${ACTION}`).locator('option').allTextContents();
      expect(offered).toEqual(['Open', 'In uitvoering', 'Gereed']);
      await row.getByLabel(`Status van ${ACTION}`).selectOption('in_progress');
      await row.getByLabel(`Toelichting bij ${ACTION}`).fill('Zaal gereserveerd, uitnodiging gaat maandag uit.');
      await row.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText(`Status van "${ACTION}" bijgewerkt.`).waitFor();
      await page.getByRole('row', { name: new RegExp(ACTION) }).locator('.utrecht-status-badge', { hasText: 'In uitvoering' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'my actions');
      await screenshot(page, 'meetings-my-actions');
    } finally {
      await partner.context.close();
    }
  });
});
