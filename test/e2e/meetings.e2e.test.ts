import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady, menuLink, menuEntry, scrollIntoView } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The programme manager plans a kernteam, links an agenda item to a priority area and a programme activity,
 * records a decision with an action (owner and deadline), closes the meeting, and finds the action on the
 * direction dashboard once it is late; escalates it; the owning partner updates its status. On a phone
 * (390×844) plans a meeting for a buurt, picks a link with the keyboard and closes it with confirmation.
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

/**
 * Picks an option in a search-and-pick control with the keyboard only: type, arrow down to the option, Enter.
 * Checks the combobox pattern on the way (expanded, the active option announced by aria-activedescendant).
 */
async function pickByKeyboard(page: Page, label: string, query: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await box.fill(query);
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  const listbox = page.locator(`#${await box.getAttribute('aria-controls')}`);
  const target = listbox.getByRole('option', { name: option, exact: true });
  await target.waitFor();
  const targetId = await target.getAttribute('id');
  for (let i = 0; i < 60 && (await box.getAttribute('aria-activedescendant')) !== targetId; i++) await box.press('ArrowDown');
  expect(await box.getAttribute('aria-activedescendant')).toBe(targetId);
  await box.press('Enter');
  await page.getByRole('button', { name: new RegExp(`^Verwijder .*${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();
  expect(await box.inputValue()).toBe('');
}

/** Closing asks first: Escape cancels (focus back on the button), the confirm button closes and says so. */
async function closeWithConfirmation(page: Page): Promise<void> {
  const closeButton = page.getByRole('button', { name: 'Overleg afronden' });
  await closeButton.click();
  const question = page.getByText('Weet je zeker dat je dit overleg wilt afronden?');
  await question.waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('meeting-close-question');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Overleg afronden');
  await closeButton.click();
  await question.waitFor();
  await expectNoSeriousA11yViolations(page, 'close confirmation');
  await page.getByRole('button', { name: 'Ja, overleg afronden' }).click();
  await page.getByText('Het overleg is afgerond.').waitFor();
  await page.getByText('agenda, besluiten en acties liggen vast').waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Het overleg is afgerond.');
}

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
    await expect.poll(() => page.getByLabel('Gemeente', { exact: true }).locator('option:checked').textContent(), { timeout: 30_000 }).toBe('Dordrecht');
    await pickByKeyboard(page, 'Gebied', 'dordt w', 'Dordt West');
    await page.getByRole('listitem').filter({ hasText: 'Focusgebied: Dordt West' }).waitFor();
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
    await pickByKeyboard(page, 'Koppelen aan prioriteit, doel of activiteit', 'dordt west', 'Dordt West');
    await pickByKeyboard(page, 'Koppelen aan prioriteit, doel of activiteit', 'portiekflats wielwijk', 'Renovatie en verduurzaming portiekflats Wielwijk');
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

    await closeWithConfirmation(page);
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

describe('a buurt meeting on a phone (regisseur)', () => {
  it('plans a meeting for a buurt, links an agenda item with the keyboard, and closes it with confirmation, at 390×844', async () => {
    const phone = await harness.newPage();
    try {
      const { page } = phone;
      await page.setViewportSize({ width: 390, height: 844 });
      await login(page, 'regisseur');
      await waitForPageReady(page);
      await page.goto(`${harness.baseUrl}/overleggen`);
      await waitForPageReady(page);
      const today = (await apiGet<{ today: string }>(page, '/api/v1/meetings')).today;
      const areasOf = async (level: string) => (await apiGet<{ items: { code: string; name: string }[] }>(page, `/api/v1/areas?municipality=GM0505&level=${level}`)).items;
      const [wijken, buurten] = [await areasOf('wijk'), await areasOf('buurt')];
      // A buurt whose name no wijk or other buurt has, so its option is the only one of that name.
      const buurt = buurten.find((b) => !wijken.some((w) => w.name === b.name) && buurten.filter((o) => o.name === b.name).length === 1);
      if (!buurt) throw new Error('no buurt of Dordrecht loaded');
      await page.getByLabel('Titel', { exact: true }).fill(`Buurtoverleg ${buurt.name}`);
      await page.getByLabel('Datum', { exact: true }).fill(today);
      await pickByKeyboard(page, 'Gebied', buurt.name, buurt.name);
      await page.getByRole('listitem').filter({ hasText: `Buurt: ${buurt.name}` }).waitFor();
      // The page does not scroll sideways on the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoSeriousA11yViolations(page, 'new buurt meeting on a phone');
      await screenshot(page, 'meetings-phone-new-buurt');
      await page.getByRole('button', { name: 'Overleg aanmaken' }).click();
      await page.waitForURL((url) => /^\/overleggen\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.getByText(buurt.name, { exact: true }).first().waitFor();

      await page.getByText('Agendapunt toevoegen', { exact: true }).first().click();
      await page.getByLabel('Onderwerp').fill('Overlast rond het winkelcentrum');
      const box = page.getByRole('combobox', { name: 'Koppelen aan prioriteit, doel of activiteit' });
      await box.fill('wielwijk');
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      await screenshot(page, 'meetings-phone-link-picker');
      // Escape closes the list and keeps what was typed; a second Escape clears it.
      await box.press('Escape');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      await box.press('Escape');
      expect(await box.inputValue()).toBe('');
      await pickByKeyboard(page, 'Koppelen aan prioriteit, doel of activiteit', buurt.name, buurt.name);
      await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
      await page.getByText('Agendapunt toegevoegd.').waitFor();
      await page.getByText(`Prioriteit: ${buurt.name}`).waitFor();
      await page.getByRole('button', { name: 'Afsluiten zonder besluit' }).click();
      await page.getByLabel('Reden', { exact: true }).fill('Eerst cijfers van de politie afwachten.');
      await page.getByRole('button', { name: 'Zonder besluit afsluiten' }).click();
      await page.getByText('Agendapunt afgesloten zonder besluit.').waitFor();
      await scrollIntoView(page.getByRole('button', { name: 'Overleg afronden' }));
      await page.getByRole('button', { name: 'Overleg afronden' }).click();
      await page.getByText('Weet je zeker dat je dit overleg wilt afronden?').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'meetings-phone-close-confirm');
      await page.keyboard.press('Escape');
      await closeWithConfirmation(page);
      await expectNoSeriousA11yViolations(page, 'closed buurt meeting on a phone');
      await screenshot(page, 'meetings-phone-closed');
    } finally {
      await phone.context.close();
    }
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
