import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady, scrollIntoView } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * A budget line proposed from the activity page and approved by finance (issue 13, item 1): the programme
 * manager proposes € 50.000 this year for the Wielwijk renovation (one line of € 90.000 already) from the
 * Agenda 2030 co-financing; finance sees it waiting with what approving does (hand-checked: the activity's year
 * € 90.000 → € 140.000, the programme's € 1.055.000 → € 1.105.000, the source's € 1.500.000 with € 285.000 in
 * lines leaves € 1.165.000) and approves; the activity then shows the line and the programme page counts it
 * under both strategic goals the renovation serves and its operational goals. Dutch and English, axe clean.
 */

let harness: Harness;
let manager: { context: BrowserContext; page: Page };
let finance: { context: BrowserContext; page: Page };
const ACTIVITY = 'Renovatie en verduurzaming portiekflats Wielwijk';
const LINE = 'Bewonersavonden en drukwerk renovatie';
const SOURCE = 'Cofinanciering Agenda Dordrecht 2030 – Dordt West';
const year = new Date().getFullYear();

beforeAll(async () => {
  harness = await startHarness();
  manager = await harness.newPage();
  await login(manager.page, 'regisseur');
  await waitForPageReady(manager.page);
  finance = await harness.newPage();
  await login(finance.page, 'financien');
  await waitForPageReady(finance.page);
});

afterAll(async () => {
  await manager?.context.close().catch(() => undefined);
  await finance?.context.close().catch(() => undefined);
  await harness?.stop();
});

/** Amounts are written with a non-breaking space after the euro sign. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

async function openProgramme(page: Page): Promise<void> {
  await (await menuLink(page, /^(Programma's|Programmes)$/)).click();
  await page.waitForURL((url) => url.pathname === '/programmas');
  await waitForPageReady(page);
  await page.getByRole('link', { name: 'Nationaal Programma Dordt West 2023–2043' }).click();
  await page.waitForURL((url) => /^\/programmas\/[0-9a-f-]{36}$/.test(url.pathname));
  await waitForPageReady(page);
}

/** Opens the activity from the programme's list; `fresh` reloads it so figures changed by someone else show at once. */
async function openActivity(page: Page, fresh = false): Promise<void> {
  await openProgramme(page);
  await page.getByRole('link', { name: /^(Activiteiten en tijdlijn|Activities and timeline)$/ }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/activiteiten'));
  await waitForPageReady(page);
  await page.getByRole('link', { name: ACTIVITY }).first().click();
  await page.waitForURL((url) => /^\/activiteiten\/[0-9a-f-]{36}$/.test(url.pathname));
  await waitForPageReady(page);
  if (fresh) {
    await page.reload();
    await waitForPageReady(page);
  }
  await expect.poll(() => pageHeading(page).textContent()).toBe(ACTIVITY);
}

describe('proposing a budget line from the activity, approved by finance', () => {
  it('lets the programme manager propose a line; plain words for what is missing, then "voorgesteld"', async () => {
    const { page } = manager;
    await openActivity(page);
    const money = page.getByRole('region', { name: 'Geld' });
    const lines = money.getByRole('table', { name: 'Begrotingsregels van deze activiteit per jaar' });
    await lines.getByRole('row').filter({ hasText: 'Procesbegeleiding bewoners bij renovatie' }).waitFor();
    const form = money.getByRole('form', { name: 'Begrotingsregel voorstellen' });
    await form.getByRole('button', { name: 'Voorstel indienen' }).click();
    // Nothing filled in: the summary names each field in plain Dutch, no validator text.
    const summary = form.getByRole('alert');
    await summary.getByText('Betaald uit: Kies de bron die het betaalt.').waitFor();
    await summary.getByText(/^Bedrag in euro: Vul een bedrag groter dan nul in/).waitFor();
    await summary.getByText('Waarvoor: Schrijf kort waarvoor het geld is.').waitFor();
    await expectNoSeriousA11yViolations(page, 'propose form with errors');
    await screenshot(page, 'proposal-form-errors');

    await form.getByLabel('Jaar').selectOption(String(year));
    await form.getByLabel('Betaald uit').selectOption({ label: `${SOURCE} (2023–2027)` });
    await form.getByLabel('Bedrag in euro').fill('50.000');
    await form.getByLabel('Waarvoor').fill(LINE);
    await form.getByRole('button', { name: 'Voorstel indienen' }).click();
    await expect
      .poll(async () => plain(await form.getByRole('status').locator('.utrecht-alert__message').textContent()))
      .toBe(`Voorgesteld: € 50.000 in ${year} uit ${SOURCE}. Financiën beslist erover; tot dan telt het niet mee in de begroting.`);
    const proposed = money.getByRole('table', { name: 'Voorgestelde begrotingsregels van deze activiteit' }).getByRole('row').filter({ hasText: LINE });
    await proposed.waitFor();
    expect(plain(await proposed.textContent())).toContain('€ 50.000');
    expect(await proposed.getByText('Voorgesteld', { exact: true }).count()).toBe(1);
    // Not yet a budget line: the activity's own table still has only the one line.
    expect(await lines.getByRole('row').filter({ hasText: LINE }).count()).toBe(0);
    await scrollIntoView(money);
    await expectNoSeriousA11yViolations(page, 'activity with a proposed line');
    await screenshot(page, 'proposal-on-activity');
  });

  it('shows the proposal on the budget overview as proposed, outside the totals', async () => {
    const { page } = finance;
    await page.goto(`/financien`);
    await waitForPageReady(page);
    const section = page.getByRole('region', { name: /^Voorgesteld, nog niet geaccordeerd/ });
    await section.getByText(LINE).waitFor();
    expect(plain(await section.textContent())).toContain('€ 50.000');
    await expectNoSeriousA11yViolations(page, 'budget overview with a proposed line');
    await screenshot(page, 'proposal-on-budget');
  });

  it('lets finance see it waiting with its effect, approve it, and confirms after', async () => {
    const { page } = finance;
    await page.goto('/financien/accordering');
    await waitForPageReady(page);
    const item = page.locator('#line-proposals .wr-fin-queue__item', { hasText: LINE });
    await item.getByRole('heading', { name: 'Wat accorderen doet' }).waitFor();
    const effect = plain(await item.locator('dl').textContent());
    expect(effect).toContain(`Activiteit, begroot in ${year}€ 90.000`);
    expect(effect).toContain('Activiteit, begroot na accorderen€ 140.000');
    expect(effect).toContain(`Programma, begroot in ${year}€ 1.055.000`);
    expect(effect).toContain('Programma, begroot na accorderen€ 1.105.000');
    expect(effect).toContain('Bron, totaal€ 1.500.000');
    expect(effect).toContain('Bron, al in regels (alle jaren)€ 285.000');
    expect(effect).toContain('Bron, nog vrij na accorderen€ 1.165.000');
    await scrollIntoView(item);
    await expectNoSeriousA11yViolations(page, 'approvals with a proposed line');
    await screenshot(page, 'proposal-waiting');
    await item.getByRole('button', { name: 'Accorderen' }).click();
    await expect.poll(() => page.locator('#line-proposals .wr-fin-queue__item', { hasText: LINE }).count()).toBe(0);
    await expect
      .poll(async () => plain(await page.locator('#line-proposals-status .utrecht-alert__message').textContent()))
      .toBe(`Geaccordeerd: € 50.000 voor ${LINE} (${ACTIVITY}, ${year}) uit ${SOURCE}. De activiteit heeft in ${year} nu € 140.000 begroot; in de bron is nog € 1.165.000 niet in regels vastgelegd.`);
    await expectNoSeriousA11yViolations(page, 'proposed line approved');
    await screenshot(page, 'proposal-approved');
  });

  it('shows the approved line on the activity and counts it per goal on the programme page', async () => {
    const { page } = manager;
    await openActivity(page, true);
    const money = page.getByRole('region', { name: 'Geld' });
    const line = money.getByRole('table', { name: 'Begrotingsregels van deze activiteit per jaar' }).getByRole('row').filter({ hasText: LINE });
    await line.waitFor();
    expect(plain(await line.textContent())).toContain('€ 50.000');
    expect(await money.getByRole('table', { name: 'Voorgestelde begrotingsregels van deze activiteit' }).count()).toBe(0);

    await openProgramme(page);
    await page.reload();
    await waitForPageReady(page);
    const goals = page.getByRole('region', { name: `Geld per doel in ${year}` });
    await goals.getByText(/telt bij elk daarvan mee/).waitFor();
    const strategic = goals.getByRole('table', { name: `Begroting en besteding per strategisch doel in ${year}` });
    // The renovation serves both housing goals: € 90.000 + € 50.000 under each; the youth approach stays € 725.000.
    expect(plain(await strategic.getByRole('row').filter({ hasText: 'Het verbeteren van de fysieke leefomgeving' }).textContent())).toContain('€ 140.000');
    expect(plain(await strategic.getByRole('row').filter({ hasText: 'Het bieden van meer toekomstbestendig wonen' }).textContent())).toContain('€ 140.000');
    expect(plain(await strategic.getByRole('row').filter({ hasText: 'Het vergroten van de veiligheid' }).textContent())).toContain('€ 725.000');
    const operational = goals.getByRole('table', { name: `Begroting en besteding per operationeel doel in ${year}` });
    expect(plain(await operational.getByRole('row').filter({ hasText: 'Wielwijk groeit' }).textContent())).toContain('€ 140.000');
    // Youth, energy and debt help serve no operational goal: € 725.000 + € 180.000 + € 60.000.
    expect(plain(await operational.getByRole('row').filter({ hasText: 'Zonder operationeel doel' }).textContent())).toContain('€ 965.000');
    await scrollIntoView(goals);
    await expectNoSeriousA11yViolations(page, 'programme page with money per goal');
    await screenshot(page, 'programme-goal-money');
  });

  it('shows the money and the proposal form on the activity form too, beside the plan', async () => {
    const { page } = manager;
    await openActivity(page);
    await page.getByRole('link', { name: 'Activiteit bewerken' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/bewerken'));
    // The address changes before the lazy form page replaces the activity page, which has the same money section.
    await expect.poll(() => pageHeading(page).textContent()).toBe('Activiteit bewerken');
    await waitForPageReady(page);
    const money = page.getByRole('region', { name: 'Geld' });
    await money.getByRole('row').filter({ hasText: LINE }).waitFor();
    await money.getByRole('form', { name: 'Begrotingsregel voorstellen' }).waitFor();
    // The plan's own form keeps its one save button; the proposal form is a separate form after it.
    expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(1);
    await scrollIntoView(money);
    await expectNoSeriousA11yViolations(page, 'activity form with money');
    await screenshot(page, 'activity-form-money');
  });

  it('says the same in English', async () => {
    const { page } = manager;
    await page.getByRole('button', { name: 'English' }).click();
    await openActivity(page);
    const money = page.getByRole('region', { name: 'Money' });
    await money.getByRole('form', { name: 'Propose a budget line' }).getByRole('button', { name: 'Submit proposal' }).waitFor();
    await scrollIntoView(money);
    await expectNoSeriousA11yViolations(page, 'activity money, English');
    await screenshot(page, 'proposal-form-en');
    await openProgramme(page);
    const goals = page.getByRole('region', { name: `Money per goal in ${year}` });
    await goals.getByRole('table', { name: `Budget and spend per strategic goal in ${year}` }).waitFor();
    await scrollIntoView(goals);
    await expectNoSeriousA11yViolations(page, 'programme money per goal, English');
    await screenshot(page, 'programme-goal-money-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
