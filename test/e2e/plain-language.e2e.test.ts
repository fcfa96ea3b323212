import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Plain language and consistent content (issue 13, item 8), looked at in Dutch and English: money in the
 * style of the language on the finance pages, the audit page naming what happened to what in words, the
 * indicator picker telling CBS's repeated names apart, and "je" rather than "u".
 */

let harness: Harness;
const opened: BrowserContext[] = [];

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  for (const context of opened) await context.close().catch(() => undefined);
  await harness?.stop();
});

async function pageAs(username: string): Promise<Page> {
  const { context, page } = await harness.newPage();
  opened.push(context);
  await login(page, username);
  await waitForPageReady(page);
  return page;
}

async function chooseLanguage(page: Page, name: 'English' | 'Nederlands'): Promise<void> {
  await page.getByRole('button', { name }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(name === 'English' ? 'en' : 'nl');
}

/** The amounts of the budget lines table, as shown. */
async function lineAmounts(page: Page): Promise<string[]> {
  const table = page.locator('#budget-lines table');
  await table.waitFor();
  return (await table.locator('td').allInnerTexts()).filter((text) => text.includes('€'));
}

describe('plain language, in Dutch and English', () => {
  it('finance shows money as 1.234 in Dutch and as 1,234 in English', async () => {
    const page = await pageAs('financien');
    await page.goto('/financien');
    await waitForPageReady(page);
    const dutch = await lineAmounts(page);
    expect(dutch.length).toBeGreaterThan(3);
    expect(dutch.some((text) => /€\s\d{1,3}(\.\d{3})+/.test(text))).toBe(true);
    expect(dutch.some((text) => /\d,\d{3}\b/.test(text))).toBe(false);
    await screenshot(page, 'plain-language-finance-nl');

    await chooseLanguage(page, 'English');
    await expect.poll(async () => (await lineAmounts(page)).some((text) => /€\s\d{1,3}(,\d{3})+/.test(text))).toBe(true);
    const english = await lineAmounts(page);
    expect(english.some((text) => /\d\.\d{3}\b/.test(text))).toBe(false);
    await page.goto('/financien/bronnen');
    await waitForPageReady(page);
    const sources = await page.locator('#source-list table').innerText();
    expect(sources).toMatch(/€\s\d{1,3}(,\d{3})+/);
    expect(sources).not.toMatch(/€\s\d{1,3}(\.\d{3})+\b/);
    await expectNoSeriousA11yViolations(page, 'funding sources in English');
    await screenshot(page, 'plain-language-finance-sources-en');
    await chooseLanguage(page, 'Nederlands');
  });

  it('the audit page names subjects and actions in words, also in its filter', async () => {
    const page = await pageAs('beheerder');
    await page.goto('/audit');
    await waitForPageReady(page);
    const table = page.locator('main table');
    await table.waitFor();
    const subjects = await table.locator('tbody tr td:nth-child(5)').allInnerTexts();
    expect(subjects.length).toBeGreaterThan(0);
    // No raw subject type such as "user" or "budget_line" as the first word of the subject cell.
    for (const subject of subjects) expect(subject.split('\n')[0]).not.toMatch(/^[a-z]+(_[a-z]+)*$/);
    const options = await page.locator('#audit-subject-type option').allInnerTexts();
    expect(options).toContain('Begrotingsregel');
    expect(options).toContain('Signaal');
    expect(options.join(' ')).not.toMatch(/\b[a-z]+_[a-z]+\b/);
    await page.locator('#audit-subject-type').selectOption('user');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(async () => [...new Set((await table.locator('tbody tr td:nth-child(5)').allInnerTexts()).map((text) => text.split('\n')[0]))]).toEqual(['Gebruiker']);
    await screenshot(page, 'plain-language-audit-nl');
    await chooseLanguage(page, 'English');
    await expect.poll(async () => (await page.locator('#audit-subject-type option').allInnerTexts()).includes('Budget line')).toBe(true);
    await expectNoSeriousA11yViolations(page, 'audit log in English');
    await screenshot(page, 'plain-language-audit-en');
    await chooseLanguage(page, 'Nederlands');
  });

  it('the indicator picker tells repeated CBS names apart', async () => {
    const page = await pageAs('analist');
    await page.goto('/kaart');
    await waitForPageReady(page);
    const picker = page.locator('#map-indicator');
    await picker.waitFor();
    const labels = (await picker.locator('option').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
    expect(labels.length).toBeGreaterThan(20);
    expect(new Set(labels).size).toBe(labels.length);
    await screenshot(page, 'plain-language-indicator-picker-nl');
  });

  it('field errors read in English when English is chosen', async () => {
    const page = await pageAs('regisseur');
    await chooseLanguage(page, 'English');
    await page.goto('/overleggen');
    await waitForPageReady(page);
    const title = page.locator('#meeting-title');
    await title.evaluate((element, text) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(element, text);
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, 'Meeting '.repeat(30));
    await page.locator('#meeting-date').fill('1999-12-31');
    await page.locator('main form', { has: title }).locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('main .wr-field-error').allInnerTexts()).toEqual(['This is too long: use at most 200 characters.', 'This must lie between 1 Jan 2000 and 31 Dec 2100.']);
    await expectNoSeriousA11yViolations(page, 'meeting form errors in English');
    await screenshot(page, 'plain-language-form-errors-en');
    await chooseLanguage(page, 'Nederlands');
  });

  it('a partner is addressed with je', async () => {
    const page = await pageAs('politie');
    await page.goto('/signalen/nieuw');
    await waitForPageReady(page);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Je registreert namens/);
    expect(text).not.toMatch(/\b(u|uw|U|Uw)\b/);
  });
});
