import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithExif, SECRET_METADATA } from '../../src/modules/spatialadvice/server/sample-photos';
import { calendarDayOf } from '../../src/platform/shared/time';
import { expectNoSeriousA11yViolations, login, menuLink, screenshot, waitForPageReady, scrollIntoView } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Spatial-safety advice end to end: the programme manager raises a trigger by hand for a square in Dordt West
 * and starts the omgevingsscan; the police and the housing corporation score the same requirement differently,
 * each with a JPEG drawn in the browser to which the test adds an EXIF segment with a GPS position (the photo
 * served back has none); the manager signs a voorwaardelijk gunstig advice whose condition becomes an action,
 * downloads the document and finds the advice on the map.
 */

let harness: Harness;
type Session = { context: BrowserContext; page: Page };
let manager: Session;
let police: Session;
let corporation: Session;
const PLACE = 'Winkelplein Wielwijk (browsertest)';
let scanPath = '';

/** A real 16 × 16 JPEG drawn by the browser's canvas, as bytes. */
async function drawJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 16;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = '#3a7';
    context.fillRect(0, 0, 16, 16);
    context.fillStyle = '#222';
    context.fillRect(4, 4, 8, 8);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

/** Scores the first requirement of "Zichtbaarheid" with a photo, as the logged-in participant. */
async function scoreWithPhoto(page: Page, score: string, remark: string): Promise<void> {
  await page.goto(scanPath);
  await waitForPageReady(page);
  const item = page.locator('section[aria-labelledby="sa-theme-zichtbaarheid"] li.wr-sa-item').first();
  await item.getByRole('combobox', { name: 'Jouw score' }).selectOption({ label: score });
  await item.getByLabel('Opmerking').fill(remark);
  await item.getByLabel('Onderbouwing').fill('Schouw op het plein in de avond.');
  await item.getByRole('button', { name: 'Score opslaan' }).click();
  await item.getByText('Je score is opgeslagen.').waitFor();
  const photo = jpegWithExif(await drawJpeg(page));
  expect(photo.includes(Buffer.from(SECRET_METADATA, 'latin1'))).toBe(true);
  await item.getByLabel('Foto toevoegen', { exact: true }).setInputFiles({ name: 'plein.jpg', mimeType: 'image/jpeg', buffer: photo });
  await item.getByRole('button', { name: 'Foto opslaan' }).click();
  await item.getByText('De foto is opgeslagen.').waitFor();
  await item.locator('.wr-sa-photos img').first().waitFor();
}

beforeAll(async () => {
  harness = await startHarness();
  manager = await harness.newPage();
  await login(manager.page, 'regisseur');
  await waitForPageReady(manager.page);
  police = await harness.newPage();
  await login(police.page, 'politie');
  await waitForPageReady(police.page);
  corporation = await harness.newPage();
  await login(corporation.page, 'corporatie');
  await waitForPageReady(corporation.page);
});

afterAll(async () => {
  for (const session of [manager, police, corporation]) await session?.context.close().catch(() => undefined);
  await harness?.stop();
});

describe('spatial-safety advice', () => {
  it('lists the illustrative demo advice and raises a trigger by hand', async () => {
    const { page } = manager;
    await (await menuLink(page, 'Veiligheidsadvies')).click();
    await page.waitForURL((url) => url.pathname === '/veiligheidsadvies');
    await waitForPageReady(page);
    const done = page.getByRole('table', { name: 'Afgerond' });
    await done.getByRole('row', { name: /Admiraalsplein.*Illustratief.*Voorwaardelijk gunstig/ }).waitFor();
    await page.getByLabel('Wat wordt er geraakt?').selectOption('public_space');
    // Forgetting the place is said at the field, in plain words.
    await page.getByLabel('Gebied', { exact: true }).selectOption('BU05050700');
    await page.getByRole('button', { name: 'Aanleiding melden' }).click();
    await page.locator('#sa-raise-name-error', { hasText: 'Vul de naam van de plek in.' }).waitFor();
    // The place on the map: a click inside the buurt's outline.
    const picker = page.getByTestId('spatial-place-map');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="spatial-place-map"] .leaflet-overlay-pane path').length >= 1);
    await picker.click({ position: { x: 200, y: 140 } });
    await page.getByText(/^Gekozen plek: 51\.\d+, 4\.\d+/).waitFor();
    await page.getByLabel('Naam van de plek of het plan').fill(PLACE);
    await page.getByLabel('Wat verandert er?').fill('Nieuwe bankjes en speelplek op het plein.');
    await page.getByRole('button', { name: 'Aanleiding melden' }).click();
    await page.getByText('De aanleiding staat bij Advies nodig.').waitFor();
    const needed = page.getByRole('table', { name: 'Advies nodig' });
    await needed.getByRole('row', { name: new RegExp(PLACE.replace(/[()]/g, '\\$&')) }).waitFor();
    const raised = await page.evaluate(async () => (await (await fetch('/api/v1/spatial-advice/triggers?area=BU05050700')).json()) as { items: { placeName: string; point: unknown; geometry: { type: string } | null }[] });
    expect(raised.items.find((tr) => tr.placeName === 'Winkelplein Wielwijk (browsertest)')).toMatchObject({ point: { lat: expect.any(Number), lon: expect.any(Number) }, geometry: { type: 'Polygon' } });
    await screenshot(page, 'spatial-advice-list');
    await expectNoSeriousA11yViolations(page, 'spatial advice list');
  });

  it('starts the scan and invites the police and the housing corporation', async () => {
    const { page } = manager;
    await page.getByRole('table', { name: 'Advies nodig' }).getByRole('row', { name: /Winkelplein Wielwijk/ }).getByRole('button', { name: /^Omgevingsscan starten/ }).click();
    await page.waitForURL((url) => /^\/veiligheidsadvies\/scans\/[0-9a-f-]{36}$/.test(url.pathname));
    scanPath = new URL(page.url()).pathname;
    await waitForPageReady(page);
    await page.getByRole('heading', { level: 1, name: `Omgevingsscan: ${PLACE}` }).waitFor();
    for (const [name, discipline] of [
      ['Demo Wijkagent', 'politie'],
      ['Demo Wijkconsulent', 'corporatie'],
    ] as const) {
      const person = page.getByLabel('Persoon', { exact: true });
      const value = await person.locator('option', { hasText: name }).getAttribute('value');
      await person.selectOption(value ?? '');
      await page.getByLabel('Discipline', { exact: true }).selectOption(discipline);
      await page.getByRole('button', { name: 'Uitnodigen' }).click();
      await page.locator('#sa-participants li', { hasText: name }).waitFor();
    }
    // Two disciplines must score before the advice: signing now is refused in plain words.
    await page.getByRole('combobox', { name: 'Advies', exact: true }).selectOption('gunstig');
    await page.getByLabel('Motivering').fill('Te vroeg.');
    await page.getByRole('button', { name: 'Advies ondertekenen' }).click();
    await page.getByText('Minstens twee disciplines moeten de scan scoren voordat je het advies geeft.').waitFor();
    await expectNoSeriousA11yViolations(page, 'spatial advice scan, manager');
  });

  it('lets two disciplines score one requirement differently, each with a photo without metadata', async () => {
    await scoreWithPhoto(police.page, 'Voldoet niet', 'De hoek bij de fietsenstalling is vanaf de straat niet te zien.');
    await screenshot(police.page, 'spatial-advice-scan-police');
    await expectNoSeriousA11yViolations(police.page, 'spatial advice scan, participant');
    await scoreWithPhoto(corporation.page, 'Voldoet', 'Vanuit de woningen is het plein goed te overzien.');
    const item = corporation.page.locator('section[aria-labelledby="sa-theme-zichtbaarheid"] li.wr-sa-item').first();
    await item.getByText('Disciplines verschillen').waitFor();
    await item.getByText('Politie (Demo Wijkagent):').waitFor();
    await item.getByText('Woningcorporatie (Demo Wijkconsulent):').waitFor();
    // The photo as served: still a JPEG, without the EXIF segment and its position.
    const src = await item.locator('.wr-sa-photos img').first().getAttribute('src');
    const served = await corporation.page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { type: response.headers.get('content-type'), bytes: Array.from(bytes) };
    }, src ?? '');
    const bytes = Buffer.from(served.bytes);
    expect(served.type).toBe('image/jpeg');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytes.includes(Buffer.from('Exif', 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from(SECRET_METADATA, 'latin1'))).toBe(false);
    await screenshot(corporation.page, 'spatial-advice-scan-disagreement');
  });

  it('signs a voorwaardelijk gunstig advice whose condition becomes an action, and offers the document', async () => {
    const { page } = manager;
    await page.goto(scanPath);
    await waitForPageReady(page);
    await page.getByText('Disciplines verschillen').first().waitFor();
    await page.getByRole('combobox', { name: 'Advies', exact: true }).selectOption('voorwaardelijk_gunstig');
    await page.getByLabel('Motivering').fill('Het plein wordt beter overzien, mits de hoek bij de fietsenstalling open wordt.');
    await page.getByLabel('Wat moet er gebeuren?').fill('De hoek bij de fietsenstalling open maken.');
    const owner = page.getByLabel('Eigenaar', { exact: true });
    await owner.selectOption((await owner.locator('option', { hasText: 'Demo Wijkconsulent' }).getAttribute('value')) ?? '');
    const due = calendarDayOf(new Date(Date.now() + 30 * 86_400_000));
    await page.getByLabel('Uiterlijk klaar op').fill(due);
    await page.getByRole('button', { name: 'Advies ondertekenen' }).click();
    await page.getByText('Ondertekend door Demo Programmamanager').waitFor();
    const actions = page.getByRole('table', { name: 'Voorwaarden' });
    await actions.getByRole('row', { name: /De hoek bij de fietsenstalling open maken\..*Demo Wijkconsulent.*Open/ }).waitFor();
    // Read-only now: no scoring form is left.
    expect(await page.getByRole('button', { name: 'Score opslaan' }).count()).toBe(0);
    for (const [format, type, magic] of [
      ['DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      ['PDF', 'application/pdf', '%PDF'],
    ] as const) {
      const href = await page.getByRole('link', { name: format === 'DOCX' ? 'Word-document (DOCX)' : 'PDF', exact: true }).getAttribute('href');
      const file = await page.evaluate(async (url) => {
        const response = await fetch(url);
        const text = new TextDecoder('latin1').decode(new Uint8Array(await response.arrayBuffer()).slice(0, 4));
        return { status: response.status, type: response.headers.get('content-type'), start: text, disposition: response.headers.get('content-disposition') };
      }, href ?? '');
      expect(file.status).toBe(200);
      expect(file.type).toBe(type);
      expect(file.start.startsWith(magic)).toBe(true);
      expect(file.disposition).toMatch(/attachment/);
    }
    await screenshot(page, 'spatial-advice-signed');
    await expectNoSeriousA11yViolations(page, 'signed spatial advice');
  });

  it('lets the owner mark the condition done and shows the advice on the map and for its buurt', async () => {
    const { page } = corporation;
    await page.goto(scanPath);
    await waitForPageReady(page);
    await page.getByRole('table', { name: 'Voorwaarden' }).getByRole('button', { name: /^Gedaan/ }).click();
    await page.getByRole('table', { name: 'Voorwaarden' }).getByRole('row', { name: /Gedaan/ }).first().waitFor();
    await page.goto('/veiligheidsadvies?gebied=BU05050700');
    await waitForPageReady(page);
    await page.getByRole('table', { name: 'Afgerond' }).getByRole('row', { name: /Winkelplein Wielwijk.*Voorwaardelijk gunstig/ }).waitFor();
    await page.getByRole('link', { name: 'Alles tonen' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#sa-map .leaflet-overlay-pane path').length >= 2, undefined, { timeout: 30_000 });
    await scrollIntoView(page.locator('#sa-map'));
    await screenshot(page, 'spatial-advice-map');
    await expectNoSeriousA11yViolations(page, 'spatial advice of one buurt');
  });

  it('shows the advices of the buurt on its area profile, linking to them', async () => {
    const { page } = manager;
    await page.goto('/gebieden/BU05050700');
    await waitForPageReady(page);
    const section = page.getByRole('region', { name: 'Ruimtelijk veiligheidsadvies' });
    await section.getByText(/^\d+ adviezen gegeven$/).waitFor();
    await scrollIntoView(section);
    await expectNoSeriousA11yViolations(page, 'spatial advice on the area profile');
    await screenshot(page, 'spatial-advice-area-profile');
    await section.getByRole('link', { name: 'Bekijk de veiligheidsadviezen van dit gebied' }).click();
    await page.waitForURL((url) => url.pathname === '/veiligheidsadvies' && url.searchParams.get('gebied') === 'BU05050700');
    await page.getByRole('table', { name: 'Afgerond' }).getByRole('row', { name: new RegExp(PLACE.replace(/[()]/g, '\\$&')) }).waitFor();
  });

  it('publishes a new checklist version as an edited copy; the finished scan keeps version 1', async () => {
    const { page } = manager;
    await page.goto('/veiligheidsadvies/checklist');
    await waitForPageReady(page);
    await page.getByRole('heading', { level: 1, name: 'Checklist omgevingsscan' }).waitFor();
    await page.getByRole('heading', { name: 'Verlichting' }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe versie maken' }).click();
    const first = page.getByRole('group', { name: 'Regel 1', exact: true });
    await first.getByRole('textbox', { name: 'Tekst' }).fill('');
    await page.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    // An emptied line is said at the field, and nothing is published.
    await first.getByText('Vul de tekst van regel 1 in.').waitFor();
    await first.getByRole('textbox', { name: 'Tekst' }).fill('Vanuit woningen, winkels en het plein zelf is de plek te overzien (ogen op straat).');
    await page.getByLabel('Wat is er veranderd?').fill('Regel 1 scherper (browsertest).');
    await screenshot(page, 'spatial-advice-checklist-edit');
    await expectNoSeriousA11yViolations(page, 'checklist editor');
    await page.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    await page.getByText('Versie 2 is gepubliceerd.').waitFor();
    await page.getByText('Vanuit woningen, winkels en het plein zelf is de plek te overzien (ogen op straat).').waitFor();
    await expectNoSeriousA11yViolations(page, 'checklist versions');
    await page.goto(scanPath);
    await waitForPageReady(page);
    await page.getByText(/^Checklist versie 1,/).waitFor();
  });

  it('raises the advices the programme’s plans need, and shows them on the programme page with a link', async () => {
    const { page } = manager;
    await page.goto('/veiligheidsadvies');
    await waitForPageReady(page);
    await page.getByRole('button', { name: 'Plannen nu nagaan' }).click();
    // The job may have raised them at start already: then none is new, and the programme still has them.
    await page.getByText(/nieuwe aanleidingen? gevonden/).waitFor();
    await page.getByRole('table', { name: 'Advies nodig' }).getByText('Plan voor het gebied').first().waitFor();
    await page.goto('/programmas');
    await waitForPageReady(page);
    await page.getByRole('link', { name: /Dordt West/ }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/programmas/'));
    const programmeId = new URL(page.url()).pathname.split('/').at(-1)!;
    const section = page.getByRole('region', { name: 'Ruimtelijk veiligheidsadvies' });
    await section.getByText(/waarvoor een advies nodig is$/).waitFor();
    await expectNoSeriousA11yViolations(page, 'spatial advice on the programme page');
    await section.getByRole('link', { name: 'Bekijk de veiligheidsadviezen van dit programma' }).click();
    await page.waitForURL((url) => url.pathname === '/veiligheidsadvies' && url.searchParams.get('programma') === programmeId);
    await page.getByRole('table', { name: 'Advies nodig' }).getByRole('row').nth(1).waitFor();
  });

  it('shows a partner invited nowhere the advices, but not the scans (docs/spatialadvice.md, "Who sees what")', async () => {
    const care = await harness.newPage();
    try {
      const { page } = care;
      await login(page, 'zorg');
      await waitForPageReady(page);
      await page.goto('/veiligheidsadvies');
      await waitForPageReady(page);
      const done = page.getByRole('table', { name: 'Afgerond' });
      const row = done.getByRole('row').filter({ hasText: PLACE });
      await row.getByText('Voorwaardelijk gunstig').waitFor();
      // The outcome is there; the scan with its scores, remarks and photos is not theirs to open.
      expect(await row.getByRole('link').count()).toBe(0);
      await row.getByText('Alleen voor wie meedoet aan de scan').waitFor();
      expect(await done.getByRole('row').filter({ hasText: 'Admiraalsplein' }).getByRole('link').count()).toBe(0);
      await screenshot(page, 'spatial-advice-partner-list');
      await expectNoSeriousA11yViolations(page, 'spatial advice list as a partner invited nowhere');
      const scan = await page.request.get(`/api/v1/spatial-advice/scans/${scanPath.split('/').at(-1)}`);
      expect(scan.status()).toBe(404);
      await page.goto(scanPath);
      await waitForPageReady(page);
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByText('Score opslaan').count()).toBe(0);
      await screenshot(page, 'spatial-advice-partner-scan');
    } finally {
      await care.context.close();
    }
  });

  it('shows an analyst scoped to Wielwijk only its advices, and "a programme" for a programme they may not open', async () => {
    const admin = await harness.newPage();
    const scoped = await harness.newPage();
    try {
      // Set up through the API as the administrator and the manager: a scoped analyst, and a programme for the buurt only.
      const apiLogin = async (session: Session, username: string) => {
        const response = await session.page.request.post('/api/v1/session', { data: { username, password: 'demo' } });
        expect(response.status()).toBe(200);
        return { 'x-csrf-token': (await response.json()).csrfToken as string };
      };
      const post = async (session: Session, headers: Record<string, string>, url: string, data: object) => {
        const response = await session.page.request.post(url, { data, headers });
        expect(response.status(), await response.text()).toBeLessThan(300);
      };
      const adminHeaders = await apiLogin(admin, 'beheerder');
      const organisations = (await (await admin.page.request.get('/api/v1/organisations')).json()) as { items: { id: string; kind: string }[] };
      const gemeente = organisations.items.find((o) => o.kind === 'gemeente')!.id;
      await post(admin, adminHeaders, '/api/v1/users', { username: 'analist-wielwijk', displayName: 'Analist Wielwijk', password: 'correct horse battery', organisationId: gemeente, roles: ['analyst'], areaScopes: ['WK050507'] });
      const managerApi = await harness.newPage();
      try {
        const managerHeaders = await apiLogin(managerApi, 'regisseur');
        await post(managerApi, managerHeaders, '/api/v1/programmes', { name: 'Pleinen Wielwijk (browsertest)', municipality: 'GM0505', horizonStart: '2026-01-01', horizonEnd: '2030-12-31', areas: ['BU05050700'] });
        await post(managerApi, managerHeaders, '/api/v1/spatial-advice/triggers/check-plans', {});
      } finally {
        await managerApi.context.close();
      }

      const { page } = scoped;
      await login(page, 'analist-wielwijk', 'correct horse battery');
      await waitForPageReady(page);
      await page.goto('/veiligheidsadvies');
      await waitForPageReady(page);
      const needed = page.getByRole('table', { name: 'Advies nodig' });
      await needed.getByText('Voor een programma').first().waitFor();
      expect(await page.getByText('Pleinen Wielwijk (browsertest)').count()).toBe(0);
      // Only Wielwijk: the demo advice and the browser test's square, no trigger of another wijk or the focus area.
      await page.getByRole('table', { name: 'Afgerond' }).getByRole('link', { name: PLACE, exact: true }).waitFor();
      const listed = (await (await page.request.get('/api/v1/spatial-advice/triggers')).json()) as { items: { areaCode: string }[] };
      expect(listed.items.length).toBeGreaterThan(0);
      expect(listed.items.every((i) => i.areaCode === 'WK050507' || i.areaCode.startsWith('BU050507'))).toBe(true);
      // The area picker of "Aanleiding melden" offers only Wielwijk and its buurten: nothing the server would refuse.
      const offered = (await page.locator('#sa-raise-area option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
      expect(offered).toContain('BU05050700');
      expect(offered.every((code) => code === 'WK050507' || code.startsWith('BU050507'))).toBe(true);
      await screenshot(page, 'spatial-advice-scoped-list');
      await expectNoSeriousA11yViolations(page, 'spatial advice list as an analyst scoped to one wijk');

      // An analyst whose only area is a focus area that does not exist is told so, not offered a list.
      await post(admin, adminHeaders, '/api/v1/users', { username: 'analist-elders', displayName: 'Analist Elders', password: 'correct horse battery', organisationId: gemeente, roles: ['analyst'], areaScopes: ['FAnergens'] });
      const elsewhere = await harness.newPage();
      try {
        await login(elsewhere.page, 'analist-elders', 'correct horse battery');
        await waitForPageReady(elsewhere.page);
        await elsewhere.page.goto('/veiligheidsadvies');
        await waitForPageReady(elsewhere.page);
        await elsewhere.page.getByText('Er is geen wijk, buurt of focusgebied binnen de gebieden waarin je werkt.').waitFor();
        expect(await elsewhere.page.locator('#sa-raise-area option').count()).toBe(1);
        await screenshot(elsewhere.page, 'spatial-advice-no-areas');
        await expectNoSeriousA11yViolations(elsewhere.page, 'spatial advice list without areas to raise a trigger for');
      } finally {
        await elsewhere.context.close();
      }
    } finally {
      await admin.context.close();
      await scoped.context.close();
    }
  });
});
