import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, login, menuLink, screenshot, waitForPageReady } from './app-actions';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

/**
 * The resident survey (issue 15, items 6 and 7; docs/survey.md): the analyst makes invitation codes for a
 * buurt, a resident answers with a code on a phone, others answer too, and the analyst sees the results per
 * buurt (small numbers withheld) and puts them on the map.
 */
let harness: Harness;
let analyst: { context: BrowserContext; page: Page };
let surveyId = '';
let buurt = { code: '', name: '' };
/** A buurt of another wijk, for the open link's answer. */
let otherBuurt = { code: '', name: '' };
let codes: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  analyst = await harness.newPage();
  await login(analyst.page, 'analist');
  await waitForPageReady(analyst.page);
}, 180_000);

afterAll(async () => {
  await analyst?.context.close();
  await harness?.stop();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('resident survey', () => {
  it('the analyst opens the survey from the menu and makes invitation codes for one buurt as a CSV', async () => {
    const { page } = analyst;
    await (await menuLink(page, 'Bewonersenquête')).click();
    await page.waitForURL((url) => url.pathname === '/enquetes');
    await waitForPageReady(page);
    await expectNoSeriousA11yViolations(page, 'survey list');
    const list = (await (await page.request.get('/api/v1/surveys')).json()) as { items: { id: string; title: string }[] };
    surveyId = list.items[0]!.id;
    const detail = (await (await page.request.get(`/api/v1/surveys/${surveyId}`)).json()) as { buurten: { code: string; name: string; wijkCode: string }[] };
    // A buurt in a wijk with at least three buurten: its own count can be shown while the empty ones are withheld.
    const perWijk = new Map<string, number>();
    for (const b of detail.buurten) perWijk.set(b.wijkCode, (perWijk.get(b.wijkCode) ?? 0) + 1);
    const chosen = detail.buurten.find((b) => (perWijk.get(b.wijkCode) ?? 0) >= 3)!;
    buurt = chosen;
    otherBuurt = detail.buurten.find((b) => b.wijkCode !== chosen.wijkCode)!;

    await page.getByRole('link', { name: list.items[0]!.title }).click();
    await waitForPageReady(page);
    await page.getByRole('region', { name: 'Antwoorden per buurt' }).waitFor();
    const letters = page.getByRole('region', { name: 'Uitnodigingsbrieven' });
    await letters.getByLabel(new RegExp(`^${buurt.name} \\(`)).check();
    await letters.getByLabel('Aantal codes per buurt').fill('13');
    await letters.getByLabel('CSV voor samenvoegen met je eigen brief').check();
    const download = page.waitForEvent('download');
    await letters.getByRole('button', { name: 'Codes maken en downloaden' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('buurtcode;buurt;code;adres_enquete;open_van;open_tot_en_met');
    codes = lines.slice(1).map((line) => line.split(';')[2]!);
    expect(codes).toHaveLength(13);
    await letters.getByText(/13 codes gemaakt en gedownload als uitnodigingscodes-enq_gm0505_\d{4}\.csv\./).waitFor();
    await expectNoSeriousA11yViolations(page, 'survey results, no answers yet');
    await screenshot(page, 'survey-results-empty');
  });

  it('a resident answers with the code from the letter on a phone, in Dutch', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/bewoners/enquete');
      await waitForPageReady(page);
      await heading(page, 'Bewonersenquête');
      await expectNoSeriousA11yViolations(page, 'survey code page, phone');
      // A mistyped code is refused in plain words, without a round trip.
      await page.getByLabel('Code', { exact: true }).fill('7K3M-9QXT');
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByText('Een code heeft 12 letters en cijfers').first().waitFor();
      await screenshot(page, 'survey-code-phone-error');
      // Typed in lower case without dashes, as people do.
      await page.getByLabel('Code', { exact: true }).fill(codes[0]!.replace(/-/g, '').toLowerCase());
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByText(`Vragen over ${buurt.name}, gemeente Dordrecht`).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('group', { name: 'Welk rapportcijfer geef je je woonomgeving?' }).getByLabel('8', { exact: true }).check();
      await page.getByRole('group', { name: 'Welk rapportcijfer geef je de veiligheid in je buurt?' }).getByLabel('6', { exact: true }).check();
      await page.getByRole('group', { name: /beter geworden, hetzelfde gebleven of slechter geworden/ }).getByLabel('Beter', { exact: true }).check();
      await page.getByRole('group', { name: 'Voel je je weleens onveilig in je eigen buurt?' }).getByLabel('Soms', { exact: true }).check();
      await page.getByLabel(/Wil je nog iets kwijt over je buurt\?/).fill('Meer bankjes in het park');
      await expectNoSeriousA11yViolations(page, 'survey questions, phone');
      await screenshot(page, 'survey-questions-phone');
      await page.getByRole('button', { name: 'Versturen' }).click();
      await heading(page, 'Bedankt voor je antwoorden');
      await page.getByText('Niemand kan zien welke antwoorden van jou zijn.').waitFor();
      await expectNoSeriousA11yViolations(page, 'survey thanks, phone');
      await screenshot(page, 'survey-thanks-phone');

      // The same code again: used up, said in plain words.
      await page.goto('/bewoners/enquete');
      await waitForPageReady(page);
      await page.getByLabel('Code', { exact: true }).fill(codes[0]!);
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.getByText('Met deze code zijn de vragen al ingevuld.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('a resident without a letter answers through the open link on a phone, once per browser', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/bewoners/enquete/${surveyId}`);
      await waitForPageReady(page);
      await page.getByText('Je hebt geen code nodig.', { exact: false }).waitFor();
      // Answers without a buurt are refused at the field.
      await page.getByRole('group', { name: 'Welk rapportcijfer geef je de leefbaarheid in je buurt?' }).getByLabel('7', { exact: true }).check();
      await page.getByRole('button', { name: 'Versturen' }).click();
      await page.locator('.wr-field-error').getByText('Kies de buurt waar je woont.').waitFor();
      await page.getByLabel('In welke buurt woon je?').selectOption(otherBuurt.code);
      await expectNoSeriousA11yViolations(page, 'survey open link, phone');
      await screenshot(page, 'survey-open-link-phone');
      await page.getByRole('button', { name: 'Versturen' }).click();
      await heading(page, 'Bedankt voor je antwoorden');
      // The same browser again: the token it kept says it answered already.
      await page.goto(`/bewoners/enquete/${surveyId}`);
      await waitForPageReady(page);
      await page.getByLabel('In welke buurt woon je?').selectOption(otherBuurt.code);
      await page.getByRole('group', { name: 'Welk rapportcijfer geef je de leefbaarheid in je buurt?' }).getByLabel('5', { exact: true }).check();
      await page.getByRole('button', { name: 'Versturen' }).click();
      await page.getByText('Vanaf dit apparaat zijn de vragen al ingevuld.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('the code page in English on a phone', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/bewoners/enquete');
      await waitForPageReady(page);
      await page.getByRole('button', { name: 'English' }).click();
      await heading(page, 'Resident survey');
      await page.getByLabel('Code', { exact: true }).fill(codes[1]!);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText(`Questions about ${buurt.name}, municipality of Dordrecht`).waitFor();
      await page.getByRole('group', { name: 'What mark would you give the safety of your neighbourhood?' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'survey questions, phone, English');
      await screenshot(page, 'survey-questions-phone-en');
    } finally {
      await context.close();
    }
  });

  it('after eleven more answers the analyst sees the buurt counted, the rest withheld, and puts the figures on the map', async () => {
    // Other residents answer with their codes (through the API, from a browser without a session).
    const residents = await harness.newContext();
    try {
      for (const code of codes.slice(1, 12)) {
        const res = await residents.request.post('/api/v1/survey-invitations/responses', { data: { code, answers: { veiligheid: 7, woonomgeving: 8 } } });
        expect(res.status()).toBe(201);
      }
    } finally {
      await residents.close();
    }
    const { page } = analyst;
    await page.reload();
    await waitForPageReady(page);
    const table = page.getByRole('table', { name: 'Aantal bewoners dat antwoordde, per gebied en manier van meedoen' });
    const row = table.getByRole('row', { name: new RegExp(`^${buurt.name} `) });
    // 12 together; the split by channel is withheld (no open answers: 0 would give the code count away... and is below 10).
    await expect.poll(() => row.getByRole('cell').allTextContents()).toEqual(['12', 'te weinig antwoorden', 'te weinig antwoorden']);
    expect(await table.getByText('te weinig antwoorden').count()).toBeGreaterThan(5);
    await page.getByRole('region', { name: 'Open antwoorden' }).getByText('Meer bankjes in het park').waitFor();
    await expectNoSeriousA11yViolations(page, 'survey results');
    await screenshot(page, 'survey-results');
    await page.getByRole('region', { name: 'Antwoorden per buurt' }).screenshot({ path: `${SCREENSHOT_DIR}/survey-results-respondents.png` });
    // One question at a time: the safety rating, with the buurt's mean and the withheld cells.
    const questions = page.getByRole('region', { name: 'Uitkomsten per vraag' });
    await questions.getByLabel('Vraag', { exact: true }).selectOption({ label: 'Welk rapportcijfer geef je de veiligheid in je buurt?' });
    await questions.getByRole('row', { name: new RegExp(`^${buurt.name} `) }).getByRole('cell').nth(1).getByText('6,9').waitFor();
    await questions.screenshot({ path: `${SCREENSHOT_DIR}/survey-results-question.png` });

    const map = page.getByRole('region', { name: 'Cijfers op de kaart' });
    await map.getByRole('button', { name: 'Uitkomsten op de kaart zetten' }).click();
    await map.getByText(/cijfers staan op de kaart; \d+ daarvan zijn verborgen/).waitFor();
    await map.getByRole('link', { name: 'Welk rapportcijfer geef je de veiligheid in je buurt? (gemiddeld cijfer) op de kaart' }).click();
    await page.waitForURL((url) => url.pathname === '/kaart');
    await waitForPageReady(page);
    // (11 × 7 + 6) / 12 = 6.9
    const mapRow = page.getByRole('row', { name: new RegExp(`^${buurt.name} `) });
    await expect.poll(() => mapRow.first().textContent(), { timeout: 30_000 }).toContain('6,9');
    await expectNoSeriousA11yViolations(page, 'map with the survey indicator');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/survey-map-top.png` });
    await screenshot(page, 'survey-map');
    expect(harness.browserProblems()).toEqual([]);
  });

  it('the analyst defines a new survey with the standard questions; a threshold below 5 is refused at the field', async () => {
    const { page } = analyst;
    await page.goto('/enquetes');
    await waitForPageReady(page);
    await page.getByRole('link', { name: 'Nieuwe enquête' }).click();
    await heading(page, 'Nieuwe bewonersenquête');
    const nextYear = new Date().getUTCFullYear() + 1;
    await page.getByLabel('Naam van de enquête').fill(`Bewonersenquête Wielwijk ${nextYear}`);
    await page.getByLabel('Open tot en met').fill(`${nextYear}-02-28`);
    await page.getByLabel('Kleinste aantal antwoorden dat we laten zien').fill('4');
    await page.getByLabel(/^Wijk 07 Wielwijk \(\d+ buurten\)$/).check();
    await page.getByRole('button', { name: 'Enquête maken' }).click();
    await page.locator('.wr-field-error').getByText('Minder dan 5 kan niet', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'new survey with an error');
    await screenshot(page, 'survey-new-error');
    await page.getByLabel('Kleinste aantal antwoorden dat we laten zien').fill('10');
    await page.getByRole('button', { name: 'Enquête maken' }).click();
    await heading(page, `Bewonersenquête Wielwijk ${nextYear}`);
    await page.getByRole('region', { name: 'Antwoorden per buurt' }).getByText('Wielwijk', { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the new survey');
    expect(harness.browserProblems()).toEqual([]);
  });
});
