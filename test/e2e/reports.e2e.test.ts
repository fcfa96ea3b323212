import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { SCREENSHOT_DIR, startHarness, type Harness } from './harness';

/**
 * The programme manager of Dordt West takes a snapshot, reads the progress report on screen, writes the
 * council letter's text, and downloads both as DOCX and PDF. The live data then changes (an activity's
 * progress, the overdue action done); the files made afterwards from the snapshot still hold the figures the
 * screen showed at the peildatum. The PDF pages are rendered with pdftoppm into the screenshots folder, to be
 * looked at.
 */

let harness: Harness;
let manager: { context: BrowserContext; page: Page };
let dir: string;

beforeAll(async () => {
  harness = await startHarness();
  manager = await harness.newPage();
  await login(manager.page, 'regisseur');
  await waitForPageReady(manager.page);
  dir = mkdtempSync(path.join(tmpdir(), 'wijkregie-reports-e2e-'));
});

afterAll(async () => {
  await manager?.context.close().catch(() => undefined);
  await harness?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Text as a reader sees it: every run of white space (no-break spaces too) as one space. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The value cell of a row of a two-column figures table in the HTML document. */
async function figure(page: Page, table: string, label: string): Promise<string> {
  const row = page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
  return plain((await row.getByRole('cell').nth(1).textContent()) ?? '');
}

/** Clicks a download button, waits while the server makes the file (the progress bar shows), saves it. */
async function download(page: Page, button: string, file: string): Promise<string> {
  const event = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: button }).click();
  const saved = path.join(dir, file);
  await (await event).saveAs(saved);
  await page.getByText(/is klaar en gedownload/).waitFor();
  return saved;
}

/** The PDF's text in reading order, and with -layout, where a table row stays on one line (label, then value). */
const pdfText = (file: string) => plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
const pdfRows = (file: string) => plain(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
const docxText = (file: string) => plain(execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, ''));

/** Every page of the PDF as a PNG beside the other screenshots (reports-<name>-<n>.png); returns how many. */
function renderPages(file: string, name: string): number {
  const prefix = path.join(dir, name);
  execFileSync('pdftoppm', ['-r', '70', '-png', file, prefix]);
  const pages = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
  for (const page of pages) renameSync(path.join(dir, page), path.join(SCREENSHOT_DIR, `reports-${page}`));
  return pages.length;
}

async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const response = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
    },
    { method, url, body },
  ) as Promise<{ status: number; body: T }>;
}

const SNAPSHOT = 'Voortgang voor de raad (test)';
const ACTIVITY = 'Energiehulpen en aanpak energiearmoede Dordt West';

describe('reports (regisseur)', () => {
  let snapshotUrl = '';
  const onScreen: Record<string, string> = {};
  let pdf = '';
  let docx = '';

  it('opens the reports of Dordt West from the menu, with the demo snapshot and letter, and takes a snapshot', async () => {
    const { page } = manager;
    await (await menuLink(page, 'Rapportages')).click();
    await page.waitForURL((url) => url.pathname === '/rapportages');
    await waitForPageReady(page);
    await expectNoSeriousA11yViolations(page, 'reports home');
    await page.getByRole('link', { name: 'Rapportages van Nationaal Programma Dordt West 2023–2043' }).click();
    await page.waitForURL((url) => /^\/programmas\/[0-9a-f-]{36}\/rapportages$/.test(url.pathname));
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe('Rapportages Nationaal Programma Dordt West 2023–2043');
    await page.getByRole('link', { name: 'Voortgang Nationaal Programma Dordt West' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'programme reports');
    await screenshot(page, 'reports-programme');

    await page.getByLabel('Naam', { exact: true }).fill(SNAPSHOT);
    await page.getByRole('button', { name: 'Stand vastleggen' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/rapportages/momentopnamen/'));
    snapshotUrl = new URL(page.url()).pathname;
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(SNAPSHOT);
    await page.getByRole('heading', { name: 'Voortgangsrapportage Nationaal Programma Dordt West 2023–2043' }).waitFor();
  });

  it('shows the progress report as HTML: headings, tables with captions, the charts and the map with their alt text', async () => {
    const { page } = manager;
    for (const heading of ['Samenvatting', 'Het gebied', 'Doelen per pijler', 'Activiteiten', 'Geld', 'Besluiten en acties', 'Doorpakken', 'Toelichting']) {
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    const charts = page.getByRole('img', { name: /^Lijndiagram / });
    expect(await charts.count()).toBeGreaterThan(0);
    // The map of the area: the same SVG as in the files, named by its alt text, with the table of its figures.
    const map = page.getByRole('img', { name: /^Kaart van Dordt West: Percentage eenpersoonshuishoudens per buurt, 2020, 26 buurten; hoogste \d+ % in .+; laagste \d+ % in .+; klassen / });
    await map.waitFor();
    expect(await map.locator('path').count()).toBe(26);
    await page.getByRole('table', { name: 'Percentage eenpersoonshuishoudens per buurt in Dordt West, 2020 (de cijfers van de kaart)' }).waitFor();
    await page.locator('figure').filter({ has: map }).screenshot({ path: path.join(SCREENSHOT_DIR, 'reports-snapshot-map.png') });
    for (const [label, key] of [
      ['Overleggen gehouden', 'meetings'],
      ['Agendapunten met een besluit', 'decided'],
      ['Acties afgesproken', 'actions'],
      ['Acties op tijd gedaan', 'onTime'],
      ['Mediaan dagen van besluit tot actie gedaan', 'median'],
      ['Acties te laat op de peildatum', 'overdue'],
    ] as const) {
      onScreen[key] = await figure(page, 'Doorpakken in de periode', label);
    }
    expect(onScreen.median).toMatch(/^\d+$/);
    expect(onScreen.overdue).toBe('1');
    const activity = page.getByRole('table', { name: 'Alle activiteiten op de peildatum' }).getByRole('row').filter({ hasText: ACTIVITY });
    onScreen.progress = plain((await activity.getByRole('cell').nth(5).textContent()) ?? '');
    expect(onScreen.progress).toMatch(/^\d+ %$/);
    onScreen.total = plain((await page.getByRole('table', { name: /^Geld per financieringsbron, begrotingsjaar/ }).getByRole('row', { name: /^Totaal/ }).getByRole('cell').nth(1).textContent()) ?? '');
    expect(onScreen.total).toMatch(/^€ [\d.]+(,\d\d)?$/);
    // The widest table, seven columns, fits the page as it fits the PDF: nothing to scroll sideways for.
    const region = page.getByRole('region', { name: 'Alle activiteiten op de peildatum' });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'snapshot with progress report');
    await screenshot(page, 'reports-snapshot');
  });

  it('keeps the figures of the peildatum after the live data changed', async () => {
    const { page } = manager;
    // Live changes after the snapshot: more progress on an activity, and the overdue action done.
    const programme = await api<{ items: { id: string; isDemo: boolean }[] }>(page, 'GET', '/api/v1/programmes');
    const programmeId = programme.body.items.find((p) => p.isDemo)?.id;
    const activities = await api<{ items: { id: string; name: string }[] }>(page, 'GET', `/api/v1/programmes/${programmeId}/activities`);
    const activityId = activities.body.items.find((a) => a.name === ACTIVITY)?.id;
    expect((await api(page, 'POST', `/api/v1/activities/${activityId}/progress`, { percent: 99, narrative: 'Na de momentopname bijgewerkt.' })).status).toBe(201);
    const meetings = await api<{ items: { id: string; title: string }[] }>(page, 'GET', '/api/v1/meetings');
    const meeting = await api<{ actions: { id: string; overdue: boolean }[] }>(page, 'GET', `/api/v1/meetings/${meetings.body.items.find((m) => m.title === 'Kernteam Dordt West')?.id}`);
    const overdue = meeting.body.actions.find((a) => a.overdue);
    expect((await api(page, 'PATCH', `/api/v1/meeting-actions/${overdue?.id}`, { status: 'done' })).status).toBe(200);

    await page.goto(snapshotUrl);
    await waitForPageReady(page);
    await page.getByRole('heading', { name: 'Doorpakken', exact: true }).waitFor();
    expect(await figure(page, 'Doorpakken in de periode', 'Acties te laat op de peildatum')).toBe(onScreen.overdue);

    pdf = await download(page, 'Download als PDF', 'voortgang.pdf');
    docx = await download(page, 'Download als Word (DOCX)', 'voortgang.docx');
    await screenshot(page, 'reports-snapshot-downloaded');
  });

  it('gives the same figures in the PDF and the DOCX as on screen, not the live ones', () => {
    for (const [name, rows, text] of [
      ['PDF', pdfRows(pdf), pdfText(pdf)],
      ['DOCX', docxText(docx), docxText(docx)],
    ] as const) {
      expect(rows, name).toContain(`Overleggen gehouden ${onScreen.meetings}`);
      expect(rows, name).toContain(`Agendapunten met een besluit ${onScreen.decided}`);
      expect(rows, name).toContain(`Acties afgesproken ${onScreen.actions}`);
      expect(rows, name).toContain(`Mediaan dagen van besluit tot actie gedaan ${onScreen.median}`);
      expect(rows, name).toContain(`Acties te laat op de peildatum ${onScreen.overdue}`);
      expect(text, name).toContain(onScreen.total);
      expect(text, name).toContain(ACTIVITY);
      expect(text, name).toContain('Percentage eenpersoonshuishoudens per buurt in Dordt West, 2020. Bron: CBS, Kadaster.');
      expect(text, name).not.toContain('Na de momentopname bijgewerkt.');
      expect(text, name).not.toContain('99 %');
    }
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(renderPages(pdf, 'progress')).toBeGreaterThan(4);
  });

  it('writes the council letter against the snapshot, saves it as a new version and downloads it', async () => {
    const { page } = manager;
    await page.getByRole('link', { name: 'Terug naar de rapportages van het programma' }).click();
    await waitForPageReady(page);
    // The newest snapshot, the one just taken, is offered first.
    expect(await page.getByLabel('Cijfers uit').locator('option:checked').textContent()).toContain(SNAPSHOT);
    await page.getByRole('button', { name: 'Brief beginnen' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/rapportages/brieven/'));
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe('Raadsinformatiebrief: Voortgang Nationaal Programma Dordt West 2023–2043');
    await page.getByLabel('Zaaknummer').fill('2026-0098765');
    await page.getByLabel('Portefeuillehouder').fill('Wethouder Veilige Stad');
    await page.getByLabel('Wat is de aanleiding om deze informatie kenbaar te maken?').fill('Met deze brief informeren wij u over de voortgang van Dordt West.\n\nDe cijfers hebben de peildatum van de momentopname.');
    await page.getByLabel('Hoe verder na deze raadsinformatiebrief?').fill('Het kernteam bespreekt de te late acties in zijn volgende overleg.');
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await page.getByText('Versie 2 is opgeslagen').waitFor();
    // The letter as it will read: the author's text, then what the snapshot knows.
    const letter = page.getByRole('article');
    await letter.getByText('Met deze brief informeren wij u over de voortgang van Dordt West.').waitFor();
    await letter.getByRole('heading', { name: 'Ambitie' }).waitFor();
    await letter.getByRole('table', { name: 'Financieringsbronnen', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'council letter');
    await screenshot(page, 'reports-letter');

    const letterPdf = await download(page, 'Download als PDF', 'brief.pdf');
    const letterDocx = await download(page, 'Download als Word (DOCX)', 'brief.docx');
    for (const [name, text] of [
      ['PDF', pdfText(letterPdf)],
      ['DOCX', docxText(letterDocx)],
    ] as const) {
      expect(text, name).toContain('Raadsinformatiebrief');
      expect(text, name).toContain('2026-0098765');
      expect(text, name).toContain('Wethouder Veilige Stad');
      expect(text, name).toContain('Met deze brief informeren wij u over de voortgang van Dordt West.');
      expect(text, name).toContain('Het kernteam bespreekt de te late acties in zijn volgende overleg.');
      for (const title of ['Wat is de te delen informatie?', 'Welke kosten zijn verbonden aan het proces?', 'Wat zijn de belangrijkste gerelateerde besluiten?']) expect(text, name).toContain(title);
      expect(text, name).toContain('Het college van Burgemeester en Wethouders');
    }
    expect(renderPages(letterPdf, 'letter')).toBeGreaterThan(1);
  });

  it('shows the earlier version of the letter read-only, and the letter template page', async () => {
    const { page } = manager;
    await page.getByRole('link', { name: 'Versie 1', exact: true }).click();
    await page.getByText('Je bekijkt versie 1; de nieuwste is versie 2').waitFor();
    expect(await page.getByLabel('Zaaknummer').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('Zaaknummer').inputValue()).toBe('');

    await page.goto('/rapportages');
    await waitForPageReady(page);
    await page.getByRole('link', { name: 'Briefsjabloon van Gemeente Dordrecht' }).click();
    await page.waitForURL((url) => url.pathname === '/rapportages/sjabloon/GM0505');
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe('Briefsjabloon Gemeente Dordrecht');
    await page.getByLabel('Huisstijlkleur').fill('#ffdd00');
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await page.getByText(/Witte tekst is op deze kleur slecht leesbaar/).first().waitFor();
    await page.getByLabel('Huisstijlkleur').fill('#00576b');
    await page.getByLabel('Kosten', { exact: true }).fill('Wat kost het?');
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await page.getByText('Versie 1 is opgeslagen').waitFor();
    await expectNoSeriousA11yViolations(page, 'letter template');
    await screenshot(page, 'reports-template');
  });

  it('shows the pages in English too, the documents staying Dutch', async () => {
    const { page } = manager;
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(snapshotUrl);
    await waitForPageReady(page);
    await page.getByRole('heading', { name: 'The document' }).waitFor();
    await page.getByText('The document itself is in Dutch').waitFor();
    await page.getByRole('heading', { name: 'Doorpakken', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Inhoud' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'snapshot in English');
    await screenshot(page, 'reports-snapshot-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
