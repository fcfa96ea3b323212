import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MkbaResult, MkbaSummary } from '../../src/modules/learning/contract';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The analyst opens the demo MKBA of Dordt West (marked as an example), adds a benefit line and sees the NCW
 * change by its present value (and deletes it again), tries another discount rate without a justification (refused in plain Dutch)
 * and with one (accepted), and reads the sensitivity table with the turns in words. Dutch and English, axe clean.
 */

let harness: Harness;
let analyst: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  analyst = await harness.newPage();
  await login(analyst.page, 'analist');
  await waitForPageReady(analyst.page);
});

afterAll(async () => {
  await analyst?.context.close().catch(() => undefined);
  await harness?.stop();
});

/** Text as a reader sees it: every run of white space (no-break spaces too) as one space. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const euros = (cents: number, locale = 'nl-NL') => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100));

async function get<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url)).json(), url) as Promise<T>;
}

describe('MKBA (analist)', () => {
  let mkbaId = '';
  let first: MkbaResult['alternatives'][number];

  it('opens the demo MKBA of Dordt West from the planning menu, marked as an example', async () => {
    const { page } = analyst;
    await (await menuLink(page, 'MKBA')).click();
    await page.waitForURL((url) => url.pathname === '/mkba');
    await waitForPageReady(page);
    await page.getByRole('heading', { name: 'Dordt West', level: 3 }).waitFor();
    const demo = (await get<{ items: MkbaSummary[] }>(page, '/api/v1/mkbas')).items.find((m) => m.isDemo);
    expect(demo).toBeDefined();
    mkbaId = demo!.id;
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: demo!.name }) });
    expect(plain(await item.textContent())).toContain('Voorbeeld');
    await expectNoSeriousA11yViolations(page, 'MKBA list');
    await screenshot(page, 'mkba-list');

    await page.getByRole('link', { name: demo!.name }).click();
    await page.waitForURL((url) => url.pathname === `/mkba/${mkbaId}`);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(demo!.name);
    await page.getByText('Voorbeeld: de bedragen zijn verzonnen').waitFor();
    first = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent())).toContain(euros(first.ncwCents));
    await expectNoSeriousA11yViolations(page, 'MKBA detail');
  });

  it('adds a benefit line and sees the NCW change by its present value, then deletes it', async () => {
    const { page } = analyst;
    const section = page.getByRole('region', { name: 'Integrale aanpak', exact: true });
    await section.getByLabel('Soort', { exact: true }).selectOption({ label: 'Baten' });
    await section.getByLabel('Partij', { exact: true }).selectOption({ label: 'Politie' });
    await section.getByLabel('Jaar', { exact: true }).selectOption('2027');
    await section.getByLabel(/^Bedrag in euro's/).fill('51.125');
    await section.getByLabel(/^Omschrijving/).fill('Minder inzet bij uitgaansoverlast (voorbeeld)');
    await section.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await section.getByText('Toegevoegd. De uitkomst is bijgewerkt.').waitFor();
    // € 51.125 in 2027 at 2.25 % is worth € 50.000 in 2026: 5112500 / 1.0225 = 5000000 cents.
    const expected = first.ncwCents + 5_000_000;
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent()), { timeout: 15_000 }).toContain(euros(expected));
    const after = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    expect(after.ncwCents).toBe(expected);
    await screenshot(page, 'mkba-line-added');

    // Deleted again from the list of all lines: the NCW is back where it was.
    const before = first.ncwCents;
    await section.locator('summary', { hasText: 'Alle regels' }).click();
    const row = section.getByRole('row').filter({ hasText: 'Minder inzet bij uitgaansoverlast' });
    await screenshot(page, 'mkba-lines-open');
    expect(plain(await row.getByRole('button').textContent())).toBe('Verwijderen: Baten, Politie, 2027: Minder inzet bij uitgaansoverlast (voorbeeld)');
    await row.getByRole('button').click();
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent()), { timeout: 15_000 }).toContain(euros(before));
    await expectNoSeriousA11yViolations(page, 'MKBA lines open');
    await screenshot(page, 'mkba-line-deleted');
    first = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    expect(first.ncwCents).toBe(before);
  });

  it('refuses another discount rate without a justification, in plain Dutch, and takes it with one', async () => {
    const { page } = analyst;
    const form = page.getByRole('form', { name: 'Discontovoet' });
    await form.getByLabel('Discontovoet (%)').fill('4');
    await form.getByLabel(/^Onderbouwing/).fill('');
    await form.getByRole('button', { name: 'Discontovoet opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Je koos een andere discontovoet dan 2,25 %. Schrijf erbij waarom, dan kun je hem opslaan.' }).waitFor();
    expect(plain(await page.getByTestId('rate').textContent())).toBe('2,25 %');
    await expectNoSeriousA11yViolations(page, 'MKBA rate refused');
    await screenshot(page, 'mkba-rate-refused');

    await form.getByLabel(/^Onderbouwing/).fill('Gevoeligheidsanalyse op verzoek van de raad');
    await form.getByRole('button', { name: 'Discontovoet opslaan' }).click();
    await expect.poll(async () => plain(await page.getByTestId('rate').textContent())).toBe('4 %');
    await page.getByText('Gevoeligheidsanalyse op verzoek van de raad').first().waitFor();
    const at4 = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    expect(at4.ncwCents).not.toBe(first.ncwCents);
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent())).toContain(euros(at4.ncwCents));
    first = at4;
  });

  it('reads the sensitivity table, each turn of the outcome said in words', async () => {
    const { page } = analyst;
    const result = page.getByTestId(`result-${first.alternativeId}`);
    const table = result.getByRole('table', { name: 'Bij een andere discontovoet' });
    const rows = table.getByRole('row');
    // A header row and one row per rate: 0–6 % and the 4 % in force (which is one of them).
    expect(await rows.count()).toBe(1 + first.sensitivity.rate.length);
    for (const [i, row] of first.sensitivity.rate.entries()) {
      const text = plain(await rows.nth(i + 1).textContent());
      expect(text).toContain(euros(row.ncwCents));
      expect(text).toContain(row.signFlips ? 'Slaat om' : 'Zelfde uitkomst');
      if (row.isBase) expect(text).toContain('(uitgangspunt)');
    }
    const flips = [...first.sensitivity.rate, ...first.sensitivity.effectSize, ...first.sensitivity.duration].filter((r) => r.signFlips).length;
    expect(flips).toBeGreaterThan(0);
    await result.getByText(`In ${flips} varianten hieronder slaat de uitkomst om`).waitFor();
    await result.getByRole('table', { name: /^Per partij/ }).getByRole('row', { name: /Totaal/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'MKBA results');
    await screenshot(page, 'mkba-results-nl');
  });

  it('says the same in English', async () => {
    const { page } = analyst;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sensitivity' }).first().waitFor();
    await page.getByText('Example: the amounts are made up').waitFor();
    const result = page.getByTestId(`result-${first.alternativeId}`);
    await result.getByRole('table', { name: 'At another discount rate' }).waitFor();
    expect(plain(await result.getByTestId('ncw').textContent())).toContain(euros(first.ncwCents, 'en-GB'));
    await expectNoSeriousA11yViolations(page, 'MKBA in English');
    await screenshot(page, 'mkba-results-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
