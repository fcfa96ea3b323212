import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDetail, EvaluationSummary, EvidenceOptions } from '../../src/modules/evaluation/contract';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The programme manager opens the illustrative demo evaluation, starts a final evaluation of the demo Dordt
 * West programme against Platform31's six lessons and invites the controller. Both score on their own (the
 * controller does not see the lead's scores until submitting), evidence is linked to a figure and an
 * activity, the lead closes scoring (names appear), writes the conclusions and a success factor, and
 * establishes it; the factor then stands in the library. The evaluation downloads as a document only once
 * scoring is closed (a concept until established): the PDF of the established one holds its title and factor.
 * Dutch and English, axe clean, and a phone width.
 */

let harness: Harness;
let lead: { context: BrowserContext; page: Page };
let second: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  lead = await harness.newPage();
  await login(lead.page, 'regisseur');
  await waitForPageReady(lead.page);
  second = await harness.newPage();
  await login(second.page, 'financien');
  await waitForPageReady(second.page);
});

afterAll(async () => {
  await lead?.context.close().catch(() => undefined);
  await second?.context.close().catch(() => undefined);
  await harness?.stop();
});

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const TITLE = 'Eindevaluatie Dordt West (browsertest)';
const FACTOR = 'Wekelijks kernteamoverleg met mandaat';

async function get<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url)).json(), url) as Promise<T>;
}

const criterion = (page: Page, title: string): Locator => page.getByRole('region', { name: title, exact: true });

/** Scores every criterion in order with the given points; waits for each save. */
async function scoreAll(page: Page, titles: readonly string[], points: readonly string[]) {
  for (const [i, title] of titles.entries()) {
    const region = criterion(page, title);
    await region.getByLabel('Hoe goed is dit gelukt?').selectOption({ label: points[i]! });
    await region.getByLabel('Waarom deze score?').fill(`Motivatie bij ${title}`);
    await region.getByRole('button', { name: 'Score opslaan' }).click();
    await region.getByText('Je score is opgeslagen.').waitFor();
  }
}

describe('evaluation', () => {
  let evaluationId = '';
  let titles: string[] = [];

  it('shows the demo evaluation from the planning menu, labelled illustratief', async () => {
    const { page } = lead;
    await (await menuLink(page, 'Evaluaties')).click();
    await page.waitForURL((url) => url.pathname === '/evaluaties');
    await waitForPageReady(page);
    const demo = (await get<{ items: EvaluationSummary[] }>(page, '/api/v1/evaluations')).items.find((e) => e.isDemo)!;
    expect(demo).toBeDefined();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: demo.title }) });
    expect(plain(await row.textContent())).toContain('Voorbeeld');
    await expectNoSeriousA11yViolations(page, 'evaluation list');
    await screenshot(page, 'evaluation-list');
    await page.getByRole('link', { name: demo.title }).click();
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(demo.title);
    await page.getByText('Illustratief', { exact: true }).waitFor();
    // Scoring is closed in the demo: every score with its evaluator's name, and the disagreement flagged.
    await criterion(page, 'Keuzes maken met data').getByText('De beoordelaars verschillen 2 punten of meer.', { exact: false }).waitFor();
    await criterion(page, 'Keuzes maken met data').getByRole('table').getByRole('rowheader', { name: 'Demo Analist' }).waitFor();
    // Scoring closed but not established: downloadable, and the page says the document is a concept.
    const report = page.getByRole('region', { name: 'Downloaden' });
    await report.getByText("Op het document staat daarom 'Concept'.").waitFor();
    await report.getByRole('link', { name: 'Download als PDF' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'demo evaluation');
    await screenshot(page, 'evaluation-demo');
  });

  it('starts a final evaluation of Dordt West with the Platform31 framework, the library shown', async () => {
    const { page } = lead;
    await page.goto('/evaluaties/nieuw');
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Nieuwe evaluatie');
    // Nothing filled in: told at the fields, nothing made.
    await page.getByRole('button', { name: 'Evaluatie starten' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Programma: Maak een keuze.' }).waitFor();
    // The lessons from earlier evaluations: Braakhuizen Zuid's factors, with their source.
    const lessons = page.getByRole('region', { name: 'Lessen uit eerdere evaluaties' });
    await lessons.getByText('Braakhuizen Zuid', { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'new evaluation');
    await screenshot(page, 'evaluation-new');

    const programmeSelect = page.getByLabel('Programma', { exact: true });
    const programme = (await programmeSelect.locator('option').allTextContents()).find((name) => name.includes('Dordt West'))!;
    await programmeSelect.selectOption({ label: programme });
    await page.getByLabel('Naam van de evaluatie').fill(TITLE);
    await page.getByLabel('Soort evaluatie').selectOption({ label: 'Eindevaluatie' });
    await page.getByLabel('Peildatum').fill('2026-12-01');
    await page.getByRole('checkbox', { name: 'Doelen van het programma' }).uncheck();
    await lessons.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Evaluatie starten' }).click();
    await page.waitForURL((url) => /^\/evaluaties\/[0-9a-f-]{36}$/.test(url.pathname));
    evaluationId = new URL(page.url()).pathname.split('/').at(-1)!;
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(TITLE);
    const detail = await get<EvaluationDetail>(page, `/api/v1/evaluations/${evaluationId}`);
    expect(detail).toMatchObject({ status: 'concept', kind: 'final', peildatum: '2026-12-01' });
    expect(detail.adoptedFactors).toHaveLength(1);
    titles = detail.criteria.map((c) => c.title);
    // A concept: nothing to download yet, and the page says why.
    const report = page.getByRole('region', { name: 'Downloaden' });
    await report.getByText('Je kunt de evaluatie downloaden zodra de leider het beoordelen heeft gesloten.', { exact: false }).waitFor();
    expect(await report.getByRole('link').count()).toBe(0);
    expect(titles).toEqual(['Urgentie', 'Keuzes maken met data', 'Klein beginnen', 'Compact kernteam', 'Lange adem', 'Balans in samenwerking']);
  });

  it('invites the controller as a second evaluator and opens scoring', async () => {
    const { page } = lead;
    const evaluators = page.getByRole('region', { name: 'Beoordelaars' });
    const choice = evaluators.getByLabel('Wie');
    const controller = (await choice.locator('option').allTextContents()).find((name) => name.startsWith('Demo Controller'))!;
    await choice.selectOption({ label: controller });
    await evaluators.getByRole('button', { name: 'Beoordelaar uitnodigen' }).click();
    await evaluators.getByText('Demo Controller: nog niet ingediend').waitFor();
    await page.getByRole('button', { name: 'Beoordelen openen' }).click();
    await page.getByText('Het beoordelen is open.', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'evaluation scoring open');
  });

  it('the lead scores (a score needs its reason), links a figure and an activity, and submits', async () => {
    const { page } = lead;
    const first = criterion(page, titles[0]!);
    await first.getByLabel('Hoe goed is dit gelukt?').selectOption({ label: '4 – Grotendeels' });
    await first.getByRole('button', { name: 'Score opslaan' }).click();
    await first.getByText('Schrijf op waarom je deze score geeft.').first().waitFor();
    await scoreAll(page, titles, ['5 – Volledig', '4 – Grotendeels', '3 – Deels', '4 – Grotendeels', 'Niet te beoordelen', '3 – Deels']);

    const options = await get<EvidenceOptions>(page, `/api/v1/evaluations/${evaluationId}/evidence-options`);
    expect(options.figures.length).toBeGreaterThan(0);
    expect(options.activities.length).toBeGreaterThan(0);
    await first.getByRole('button', { name: 'Onderbouwing toevoegen' }).click();
    await first.getByLabel('Soort onderbouwing').selectOption({ label: 'Cijfer van een gebied' });
    const figure = first.getByLabel('Cijfer', { exact: true });
    await figure.locator('option').nth(1).waitFor({ state: 'attached' });
    await figure.selectOption({ index: 1 });
    await first.getByLabel(/^Toelichting/).fill('De aanleiding in cijfers');
    await first.getByRole('button', { name: 'Onderbouwing toevoegen' }).click();
    await first.getByText('Bij koppelen:', { exact: false }).waitFor();
    expect(plain(await first.getByTestId('evidence-figure').textContent())).toMatch(/Bij koppelen: .+ \(\d{4}\) · Nu: /);

    const second4 = criterion(page, titles[3]!);
    await second4.getByRole('button', { name: 'Onderbouwing toevoegen' }).click();
    await second4.getByLabel('Soort onderbouwing').selectOption({ label: 'Activiteit' });
    await second4.getByLabel('Activiteit', { exact: true }).selectOption({ label: options.activities[0]!.name });
    await second4.getByRole('button', { name: 'Onderbouwing toevoegen' }).click();
    await second4.getByRole('listitem').filter({ hasText: options.activities[0]!.name }).waitFor();
    await expectNoSeriousA11yViolations(page, 'evaluation with evidence');
    await screenshot(page, 'evaluation-lead-scored');

    await page.getByRole('button', { name: 'Mijn scores indienen' }).click();
    await page.getByText('Je hebt je scores ingediend.').waitFor();
  });

  it('the second evaluator does not see the lead\'s scores until submitting their own, and then without names', async () => {
    const { page } = second;
    await page.goto(`/evaluaties/${evaluationId}`);
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(TITLE);
    await page.getByText('De scores van de anderen zie je zodra je jouw scores hebt ingediend', { exact: false }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText('Motivatie bij Urgentie').count()).toBe(0);
    await screenshot(page, 'evaluation-second-before');
    await scoreAll(page, titles, ['2 – Nauwelijks', '4 – Grotendeels', '3 – Deels', '4 – Grotendeels', '3 – Deels', '3 – Deels']);
    await page.getByRole('button', { name: 'Mijn scores indienen' }).click();
    await page.getByText('Je hebt je scores ingediend.').waitFor();
    const urgency = criterion(page, 'Urgentie');
    await urgency.getByRole('table', { name: 'Scores bij Urgentie' }).waitFor();
    expect(await urgency.getByRole('rowheader', { name: 'Een beoordelaar' }).count()).toBe(2);
    // 5 and 2 differ by three points: flagged.
    await urgency.getByText('De beoordelaars verschillen 2 punten of meer.', { exact: false }).waitFor();
    expect(plain(await urgency.getByTestId('median').textContent())).toBe('3,5');
    await expectNoSeriousA11yViolations(page, 'evaluation second evaluator submitted');
    await screenshot(page, 'evaluation-second-after');
  });

  it('the lead closes scoring, sees every name, writes conclusions and a success factor, and establishes it', async () => {
    const { page } = lead;
    await page.reload();
    await waitForPageReady(page);
    await page.getByRole('button', { name: 'Beoordelen sluiten' }).click();
    await page.getByText('Het beoordelen is gesloten.', { exact: false }).waitFor();
    await criterion(page, 'Urgentie').getByRole('rowheader', { name: 'Demo Controller' }).waitFor();
    for (const title of titles) {
      const region = criterion(page, title);
      await region.getByLabel(`Conclusie bij ${title}`).fill(`Conclusie over ${title}`);
      await region.getByRole('button', { name: 'Conclusie opslaan' }).click();
      await expect.poll(async () => (await get<EvaluationDetail>(page, `/api/v1/evaluations/${evaluationId}`)).criteria.find((c) => c.title === title)?.conclusion).toBe(`Conclusie over ${title}`);
    }
    const factors = page.getByRole('region', { name: 'Succes- en faalfactoren' });
    await factors.getByLabel('Korte titel').fill(FACTOR);
    await factors.getByLabel('Uitleg').fill('Het kernteam besliste zelf over kleine bedragen, zonder wachten op de lijn.');
    await factors.getByLabel('Bij welk punt').selectOption({ label: 'Compact kernteam' });
    await factors.getByRole('button', { name: 'Factor vastleggen' }).click();
    await factors.getByText(FACTOR).waitFor();
    await expectNoSeriousA11yViolations(page, 'evaluation closed with conclusions');
    await screenshot(page, 'evaluation-closed');

    await page.getByRole('button', { name: 'Vaststellen' }).click();
    await page.getByText('De evaluatie is vastgesteld en kan niet meer veranderen.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Conclusie opslaan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Onderbouwing toevoegen' }).count()).toBe(0);
    expect((await get<EvaluationDetail>(page, `/api/v1/evaluations/${evaluationId}`)).status).toBe('established');
    await screenshot(page, 'evaluation-established');
  });

  it('downloads the established evaluation as a PDF with its title and factor', async () => {
    const { page } = lead;
    const report = page.getByRole('region', { name: 'Downloaden' });
    await report.getByRole('link', { name: 'Download als Word' }).waitFor();
    expect(await report.getByText("'Concept'", { exact: false }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'evaluation download');
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'evaluation-download');
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('link', { name: 'Download als PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^evaluatie-eindevaluatie-dordt-west-browsertest-vastgesteld-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(TITLE);
    expect(text).toContain(FACTOR);
    expect(text).toContain('Demo Controller');
  });

  it('the factor now stands in the library with where it came from', async () => {
    const { page } = lead;
    await page.goto('/evaluaties/factoren');
    await waitForPageReady(page);
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('kernteamoverleg');
    await page.getByRole('button', { name: 'Zoek' }).click();
    const item = page.getByRole('listitem').filter({ hasText: FACTOR });
    await item.waitFor();
    expect(plain(await item.textContent())).toContain(`Uit ${TITLE}`);
    await expectNoSeriousA11yViolations(page, 'factor library');
    await screenshot(page, 'evaluation-library');
  });

  it('says the same in English', async () => {
    const { page } = lead;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Lessons from earlier evaluations', level: 1 }).waitFor();
    await page.getByText('Success factor', { exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'factor library in English');
    await page.goto(`/evaluaties/${evaluationId}`);
    await waitForPageReady(page);
    await page.getByText('Adopted', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Success and failure factors' }).waitFor();
    await page.getByRole('region', { name: 'Download' }).getByRole('link', { name: 'Download as PDF' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'evaluation in English');
    await screenshot(page, 'evaluation-established-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByText('Vastgesteld', { exact: true }).first().waitFor();
  });

  it('fits a phone', async () => {
    const { page } = lead;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/evaluaties/${evaluationId}`);
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(TITLE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'evaluation on a phone');
    await screenshot(page, 'evaluation-phone');
  });
});
