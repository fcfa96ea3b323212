import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Times are Amsterdam time whatever the browser's own time zone (docs/time.md). A police partner whose
 * browser runs on UTC, or in New York, types 21:30 as the moment of a signal: the API stores the instant of
 * 21:30 in Amsterdam (20:30Z in winter, 19:30Z in summer) and the page shows 21:30 back, also after a reload.
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

async function policeBrowserIn(timezoneId: string): Promise<Page> {
  const { context, page } = await harness.newPage({ timezoneId });
  opened.push(context);
  await login(page, 'politie');
  await waitForPageReady(page);
  // The browser really is elsewhere: its own clock is not Amsterdam's.
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
  return page;
}

/** Registers a signal typed as `local` (what the datetime field takes) and returns its id. */
async function registerSignalAt(page: Page, local: string, description: string): Promise<string> {
  await page.goto('/signalen/nieuw');
  await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Signaal registreren');
  await waitForPageReady(page);
  await page.getByLabel('Categorie').selectOption('woonoverlast');
  await page.getByLabel('Soort overlast').waitFor();
  await page.getByLabel('Datum en tijd').fill(local);
  await page.getByLabel('Omschrijving').fill(description);
  await page.getByLabel('Soort overlast').selectOption('geluid');
  await page.getByLabel('Grondslag (juridisch kader)').selectOption('municipal-task');
  await page.getByLabel('Doel', { exact: true }).fill('Aanpak woonoverlast Dordt West');
  await page.getByLabel('Lengtegraad (WGS84)').fill('4.6633');
  await page.getByLabel('Breedtegraad (WGS84)').fill('51.8008');
  await page.getByRole('button', { name: 'Signaal registreren' }).click();
  await page.waitForURL((url) => /^\/signalen\/[0-9a-f-]{36}$/.test(url.pathname));
  await waitForPageReady(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function storedInstant(page: Page, id: string): Promise<string> {
  const response = await page.request.get(`/api/v1/signals/${id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { occurredAt: string }).occurredAt;
}

/** The "Datum en tijd" row of the signal page. */
async function shownMoment(page: Page): Promise<string> {
  const row = page.locator('dt', { hasText: /^Datum en tijd$/ }).locator('xpath=following-sibling::dd[1]');
  await row.waitFor();
  return (await row.textContent()) ?? '';
}

describe('times typed in a browser outside the Netherlands', () => {
  it('a browser on UTC: 21:30 on a winter evening is 20:30Z, and the page shows 21:30 after a reload', async () => {
    const page = await policeBrowserIn('UTC');
    const id = await registerSignalAt(page, '2026-01-15T21:30', 'Geluidsoverlast in de avond, ingevoerd op een UTC-machine.');
    expect(await storedInstant(page, id)).toBe('2026-01-15T20:30:00.000Z');
    expect(await shownMoment(page)).toMatch(/^15 jan\.? 2026,? 21:30$/);
    await page.reload();
    await waitForPageReady(page);
    expect(await shownMoment(page)).toMatch(/^15 jan\.? 2026,? 21:30$/);
    await page.mouse.move(1, 1);
    await expectNoSeriousA11yViolations(page, 'a signal typed in a UTC browser');
    await screenshot(page, 'times-signal-utc-browser');
  });

  it('a browser in New York: 21:30 on a summer evening is 19:30Z, shown as 21:30, and lies in that Dutch day', async () => {
    const page = await policeBrowserIn('America/New_York');
    const id = await registerSignalAt(page, '2026-07-01T21:30', 'Geluidsoverlast op een zomeravond, ingevoerd vanuit New York.');
    expect(await storedInstant(page, id)).toBe('2026-07-01T19:30:00.000Z');
    await page.reload();
    await waitForPageReady(page);
    expect(await shownMoment(page)).toMatch(/^1 jul\.? 2026,? 21:30$/);
    await screenshot(page, 'times-signal-new-york-browser');
    // The list's period is Dutch days: the signal is in 1 July.
    await page.goto('/signalen?categorie=woonoverlast&van=2026-07-01&tot=2026-07-01');
    await waitForPageReady(page);
    await page.getByRole('link', { name: /^1 jul\.? 2026,? 21:30$/ }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the signals list of one day');
  });

  it('the night the clocks go back: 02:30 typed means the first 02:30, summer time (00:30Z)', async () => {
    const page = await policeBrowserIn('UTC');
    const id = await registerSignalAt(page, '2026-10-25T02:30', 'Melding in de nacht van de wintertijd.');
    expect(await storedInstant(page, id)).toBe('2026-10-25T00:30:00.000Z');
    expect(await shownMoment(page)).toMatch(/^25 okt\.? 2026,? 02:30$/);
  });

  it('left no page errors or CSP violations', () => {
    expect(harness.browserProblems()).toEqual([]);
  });
});
