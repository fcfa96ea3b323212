import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';
import { formatEuro } from '../../src/modules/finance/money/format';

/**
 * Finance in the browser: a programme whose budget line is spent ahead of the calendar shows a forecast
 * overrun in the budget overview; a large booking waits for a second person; the funding source and the
 * budget-effect table of the demo data read as a municipal document.
 */

let harness: Harness;
let finance: { context: BrowserContext; page: Page };
let regisseur: { context: BrowserContext; page: Page };
let programmeId: string;

async function apiSession(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/session', { data: { username, password: 'demo' } });
  expect(response.status()).toBe(200);
  return { 'x-csrf-token': (await response.json()).csrfToken as string };
}

const year = new Date().getUTCFullYear();
const dayOfYear = Math.floor((Date.now() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
// Spend 15 % ahead of the calendar: a forecast overrun of ≥ 10 % (a warning) as long as that stays within the
// budget, which holds until late November. After that a forecast can't reach 10 % over without the spend being
// over budget already, so the test spends past the budget and expects the alarm instead.
const BUDGET_EUROS = 40_000;
const aheadOfCalendar = Math.ceil((BUDGET_EUROS * 1.15 * dayOfYear) / 365);
const expectWarning = aheadOfCalendar <= BUDGET_EUROS;
const spentEuros = expectWarning ? aheadOfCalendar : BUDGET_EUROS + 2_000;
// The large commitment booked below always takes the line over budget, whatever the date: the form warns
// first, and approving it asks for confirmation. Left after it: 40.000 − spent − 45.000.
const LARGE_EUROS = 45_000;
const leftAfterLarge = formatEuro((BUDGET_EUROS - spentEuros - LARGE_EUROS) * 100, { decimals: 'never' });

beforeAll(async () => {
  harness = await startHarness();
  regisseur = await harness.newPage();
  finance = await harness.newPage();
  // The programme and its activity belong to the programmes module; made here through its API.
  const r = regisseur.context.request;
  const rHeaders = await apiSession(r, 'regisseur');
  const organisations = await (await r.get('/api/v1/organisations')).json();
  const gemeente = organisations.items.find((o: { kind: string }) => o.kind === 'gemeente');
  const programme = await r.post('/api/v1/programmes', { headers: rHeaders, data: { name: 'Wijkaanpak Crabbehof (e2e)', municipality: 'GM0505', horizonStart: '2024-01-01', horizonEnd: '2030-12-31' } });
  expect(programme.status()).toBe(201);
  programmeId = (await programme.json()).id;
  const activity = await r.post(`/api/v1/programmes/${programmeId}/activities`, { headers: rHeaders, data: { name: 'Buurtbemiddeling en straatcoaches', ownerOrganisationId: gemeente.id, start: `${year}-01-01`, end: `${year}-12-31` } });
  expect(activity.status()).toBe(201);
  const activityId = (await activity.json()).id;

  const f = finance.context.request;
  const fHeaders = await apiSession(f, 'financien');
  const sources = (await (await f.get('/api/v1/funding-sources')).json()).items;
  const agenda = sources.find((s: { name: string }) => s.name.startsWith('Cofinanciering Agenda'));
  const line = await f.post('/api/v1/budget-lines', { headers: fHeaders, data: { activityId, year, description: 'Inzet straatcoaches', amountCents: BUDGET_EUROS * 100, allocations: [{ fundingSourceId: agenda.id, shareBp: 10_000 }] } });
  expect(line.status()).toBe(201);
  const lineId = (await line.json()).id;
  // Monthly invoices below the approval threshold, registered at once by one person: from the second one on
  // they reach the threshold together (a possible split) and wait, so the programme manager approves them.
  let left = spentEuros;
  for (let month = 1; left > 0; month += 1) {
    const amount = Math.min(left, 9_000);
    left -= amount;
    const bookedOn = new Date(Math.min(Date.UTC(year, month - 1, 1), Date.now())).toISOString().slice(0, 10);
    const entry = await f.post('/api/v1/finance-entries', { headers: fHeaders, data: { budgetLineId: lineId, kind: 'spend', amountCents: amount * 100, bookedOn, description: `Straatcoaches maand ${month}`, documentRef: `E2E-${month}` } });
    expect(entry.status()).toBe(201);
    const booked = await entry.json();
    if (booked.status === 'pending') {
      const decided = await r.post(`/api/v1/finance-entries/${booked.id}/decision`, { headers: rHeaders, data: { decision: 'approve', note: '' } });
      expect(decided.status()).toBe(200);
    }
  }
  // The browser logs in itself; drop the API session's cookies first.
  await regisseur.context.clearCookies();
  await finance.context.clearCookies();
});

afterAll(async () => {
  await finance?.context.close().catch(() => undefined);
  await regisseur?.context.close().catch(() => undefined);
  await harness?.stop();
});

describe('finance', () => {
  it('shows the budget overview of a programme with a forecast-overrun warning in words, not colour alone', async () => {
    const { page } = finance;
    await login(page, 'financien');
    await waitForPageReady(page);
    await page.goto(`/financien?programma=${programmeId}&jaar=${year}`);
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Budgetoverzicht');
    await page.getByRole('heading', { name: `Wijkaanpak Crabbehof (e2e), ${year}` }).waitFor();
    const signals = page.locator('#budget-alerts');
    if (expectWarning) await signals.getByText(/Verwachte overschrijding: bij het huidige bestedingstempo komt het jaar/).first().waitFor();
    else await signals.getByText(/Boven budget/).first().waitFor();
    await expect.poll(() => signals.getByText(expectWarning ? 'Waarschuwing:' : 'Alarm:').count()).toBeGreaterThan(0);
    const row = page.locator('#budget-lines tr', { hasText: 'Inzet straatcoaches' });
    await expect.poll(() => row.textContent()).toContain('€\u00a040.000');
    await expect.poll(() => row.textContent()).toContain(expectWarning ? 'Waarschuwing' : 'Alarm');
    await expectNoSeriousA11yViolations(page, 'budget overview');
    await screenshot(page, 'finance-budget-overview');
  });

  it('opens on the demo programme of Dordt West, with its warnings and the approval that waits', async () => {
    const { page } = finance;
    await page.goto('/financien');
    await waitForPageReady(page);
    await page.getByRole('heading', { name: `Nationaal Programma Dordt West 2023–2043, ${year}` }).waitFor();
    await page.locator('#budget-lines').getByText('Energiehulpen: inzet en kleine maatregelen').waitFor();
    await expect.poll(() => page.locator('#budget-alerts .wr-fin-signal').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'demo budget overview');
    await screenshot(page, 'finance-demo-overview');
  });

  it('shows the effect on the line before booking, with a warning in words when it goes over; books a large commitment that waits for a second person; the submitter cannot approve it', async () => {
    const { page } = finance;
    await page.goto(`/financien?programma=${programmeId}&jaar=${year}`);
    await waitForPageReady(page);
    const form = page.locator('#entry-form');
    await form.locator('#entry-line option', { hasText: 'Inzet straatcoaches' }).waitFor({ state: 'attached' });
    const value = await form.locator('#entry-line option', { hasText: 'Inzet straatcoaches' }).getAttribute('value');
    await form.getByLabel('Begrotingsregel', { exact: true }).selectOption(value ?? '');
    await form.getByLabel('Soort', { exact: true }).selectOption('commitment');
    const effect = form.locator('#entry-effect');
    await effect.getByText(/Vul een bedrag in om te zien wat er na deze boeking resteert/).waitFor();
    await form.getByLabel('Bedrag in euro', { exact: true }).fill('45.000');
    await effect.getByText('Resterend na deze boeking', { exact: true }).waitFor();
    const after = effect.locator('.wr-fin-effect__row dt', { hasText: /^Resterend na deze boeking$/ }).locator('xpath=following-sibling::dd');
    await expect.poll(() => after.textContent()).toBe(leftAfterLarge);
    await effect.getByText(/^Let op: deze boeking brengt de regel €\s[\d.]+ \(\d+(,\d+)?%\) boven budget\.$/).waitFor();
    await form.getByLabel('Omschrijving', { exact: true }).fill('Opdracht straatcoaches vierde kwartaal');
    await form.getByLabel('Documentkenmerk', { exact: true }).fill('OPD-2026-117');
    await expectNoSeriousA11yViolations(page, 'booking effect');
    await screenshot(page, 'finance-booking-effect');
    await form.getByRole('button', { name: 'Boeken' }).click();
    await page.getByText(/wacht op accordering door een tweede persoon/).waitFor();
    await page.getByRole('link', { name: 'Accordering' }).click();
    await waitForPageReady(page);
    await page.getByText('Opdracht straatcoaches vierde kwartaal').waitFor();
    await page.locator('.wr-fin-queue__item', { hasText: 'OPD-2026-117' }).getByText(/zelf ingediend/).waitFor();
    await screenshot(page, 'finance-approvals-own');
  });

  it('proposes a higher approval threshold, which does not count until a second person decides', async () => {
    const { page } = finance;
    const section = page.locator('#threshold');
    await section.getByText('Vanaf €\u00a010.000 moet een tweede persoon een boeking accorderen.').waitFor();
    await section.getByLabel('Nieuwe grens in euro', { exact: true }).fill('25.000');
    await section.getByLabel('Reden van de wijziging', { exact: true }).fill('Meer inhuur in het vierde kwartaal');
    await section.getByRole('button', { name: 'Voorstel indienen' }).click();
    await section.getByText(/Voorstel vastgelegd\. De grens blijft €\u00a010\.000 /).waitFor();
    await section.getByText(/zelf voorgesteld/).waitFor();
    await expect.poll(() => section.getByRole('button', { name: 'Wijziging accorderen' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'approval threshold');
  });

  it('lets a second person approve it: the card shows the effect on the line, asks to confirm the overrun and confirms after', async () => {
    const { page } = regisseur;
    await login(page, 'regisseur');
    await waitForPageReady(page);
    await page.goto('/financien/accordering');
    await waitForPageReady(page);
    const item = page.locator('.wr-fin-queue__item', { hasText: 'OPD-2026-117' });
    await item.getByLabel('Toelichting bij het besluit').fill('Past binnen de afspraken met de straatcoaches.');
    await item.getByRole('heading', { name: 'Effect op de regel: Inzet straatcoaches' }).waitFor();
    await item.getByText(/^Let op: accorderen brengt de regel €\s[\d.]+ \(\d+(,\d+)?%\) boven budget\.$/).waitFor();
    await expectNoSeriousA11yViolations(page, 'approvals');
    await screenshot(page, 'finance-approvals');
    await item.getByRole('button', { name: 'Accorderen' }).click();
    // Over budget: nothing is decided until the approver confirms, naming the line and the overrun.
    await item.getByText(/^Weet je het zeker\? Accorderen brengt de regel Inzet straatcoaches €\s[\d.]+ \(\d+(,\d+)?%\) boven budget\.$/).waitFor();
    await expectNoSeriousA11yViolations(page, 'approval confirmation');
    await screenshot(page, 'finance-approval-confirm');
    await item.getByRole('button', { name: 'Toch accorderen' }).click();
    await expect.poll(() => page.locator('.wr-fin-queue__item', { hasText: 'OPD-2026-117' }).count()).toBe(0);
    const status = page.locator('#approvals').getByRole('status');
    await expect
      .poll(() => status.locator('.utrecht-alert__message').textContent())
      .toBe(`Geaccordeerd: €\u00a045.000 (verplichting, Opdracht straatcoaches vierde kwartaal) op de regel Inzet straatcoaches. Resterend op de regel: ${leftAfterLarge}.`);
    await expectNoSeriousA11yViolations(page, 'approval confirmed');
    await screenshot(page, 'finance-approval-done');
    // The threshold change the controller proposed: the second person rejects it, with a reason.
    const threshold = page.locator('#threshold');
    await threshold.getByText(/de grens van €\u00a010\.000 naar €\u00a025\.000/).waitFor();
    await threshold.getByLabel('Toelichting bij het besluit').fill('Niet nodig: de opdrachten blijven onder de grens.');
    await threshold.getByRole('button', { name: 'Wijziging afwijzen' }).click();
    await threshold.getByText('Er wacht geen wijziging van de grens.').waitFor();
  });

  it('shows Preventie met Gezag with its tranches, duties and statement downloads', async () => {
    const { page } = finance;
    await page.goto('/financien/bronnen');
    await waitForPageReady(page);
    await expectNoSeriousA11yViolations(page, 'funding sources');
    await screenshot(page, 'finance-sources');
    await page.getByRole('link', { name: 'Preventie met Gezag' }).click();
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Preventie met Gezag');
    await page.getByText('€\u00a04.301.208').first().waitFor();
    await page.getByRole('cell', { name: 'Tranche 4' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download Word (DOCX)' }).click();
    expect((await download).suggestedFilename()).toBe('verantwoording-preventie-met-gezag.docx');
    await expectNoSeriousA11yViolations(page, 'funding source');
    await screenshot(page, 'finance-source-detail');
  });

  it('reverses a booking with a counter-entry after confirming, with a reason; the booking stays', async () => {
    const { page } = finance;
    await page.goto(`/financien?programma=${programmeId}&jaar=${year}`);
    await waitForPageReady(page);
    const entries = page.locator('#budget-entries');
    await entries.getByRole('button', { name: /^Terugboeken: Straatcoaches maand 1 \(/ }).click();
    const form = entries.locator('#reversal-panel');
    await form.getByRole('heading', { name: 'Boeking terugboeken' }).waitFor();
    await form.getByText(/Je boekt €\u00a09\.000 terug met een tegenboeking/).waitFor();
    await form.getByLabel('Reden van de terugboeking', { exact: true }).fill('Dubbel gefactureerd');
    await expectNoSeriousA11yViolations(page, 'reversal confirmation');
    await screenshot(page, 'finance-reversal-confirm');
    await form.getByRole('button', { name: 'Terugboeking bevestigen' }).click();
    await form.getByText('Teruggeboekt: €\u00a09.000.').waitFor();
    await entries.locator('tr', { hasText: 'Terugboeking: Dubbel gefactureerd' }).waitFor();
    const original = entries.locator('tr', { hasText: /Straatcoaches maand 1 \(/ });
    await expect.poll(() => original.textContent()).toContain('teruggeboekt');
    await expect.poll(() => original.getByRole('button', { name: /^Terugboeken/ }).count()).toBe(0);
  });

  it('shows the budget-effect table of the seed proposal: 19, 56, 56, 56', async () => {
    const { page } = finance;
    await page.goto('/financien/begrotingsvoorstellen');
    await waitForPageReady(page);
    const table = page.getByRole('table', { name: 'Budgettair effect (x € 1.000)' }).first();
    const total = table.getByRole('row', { name: /Te dekken/ });
    await expect.poll(async () => (await total.getByRole('cell').allTextContents()).join(' ')).toBe('19 56 56 56');
    await expectNoSeriousA11yViolations(page, 'budget proposals');
    await screenshot(page, 'finance-budget-effect');
  });
});
