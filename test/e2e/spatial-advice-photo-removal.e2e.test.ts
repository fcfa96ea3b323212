import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_JPEG } from '../../src/modules/spatialadvice/server/sample-photos';
import { expectNoSeriousA11yViolations, login, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Removing a photo from an omgevingsscan (docs/spatialadvice.md, "Photos"): the police officer who took it
 * removes it while the scan is open, after being asked why in plain Dutch; once the advice is signed only the
 * programme manager can still remove one (a recognisable person must be erasable). The scan is set up through
 * the API; the removal itself is done on the page.
 */

let harness: Harness;
type Session = { context: BrowserContext; page: Page };
let manager: Session;
let police: Session;
let scanPath = '';
const ROOT = '/api/v1/spatial-advice';

async function apiLogin(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/session', { data: { username, password: 'demo' } });
  expect(response.status()).toBe(200);
  return { 'x-csrf-token': (await response.json()).csrfToken as string };
}

async function call<T>(request: APIRequestContext, headers: Record<string, string>, method: 'post' | 'put', url: string, data: object): Promise<T> {
  const response = await request[method](url, { data, headers });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** The first item of the scan as the page shows it, with its photos. */
const firstItem = (page: Page) => page.locator('li.wr-sa-item').filter({ has: page.locator('.wr-sa-photos img') }).first();

beforeAll(async () => {
  harness = await startHarness();
  manager = await harness.newPage();
  police = await harness.newPage();
  const managerApi = await harness.newPage();
  const policeApi = await harness.newPage();
  const corporationApi = await harness.newPage();
  try {
    const m = await apiLogin(managerApi.page.request, 'regisseur');
    const trigger = await call<{ id: string }>(managerApi.page.request, m, 'post', `${ROOT}/triggers`, { kind: 'public_space', areaCode: 'BU05050700', placeName: 'Speelplein Wielwijk (fototest)' });
    const scan = await call<{ id: string; template: { items: { id: string }[] } }>(managerApi.page.request, m, 'post', `${ROOT}/scans`, { triggerId: trigger.id });
    const people = (await (await managerApi.page.request.get(`${ROOT}/people`)).json()) as { items: { id: string; name: string }[] };
    const personId = (name: string) => people.items.find((u) => u.name === name)?.id;
    // An advice needs the scores of at least two disciplines: the police and the housing corporation.
    await call(managerApi.page.request, m, 'post', `${ROOT}/scans/${scan.id}/participants`, { userId: personId('Demo Wijkagent'), discipline: 'politie' });
    await call(managerApi.page.request, m, 'post', `${ROOT}/scans/${scan.id}/participants`, { userId: personId('Demo Wijkconsulent'), discipline: 'corporatie' });
    const item = scan.template.items[0]!.id;
    const c = await apiLogin(corporationApi.page.request, 'corporatie');
    await call(corporationApi.page.request, c, 'put', `${ROOT}/scans/${scan.id}/items/${item}/score`, { score: 'voldoet' });
    const p = await apiLogin(policeApi.page.request, 'politie');
    await call(policeApi.page.request, p, 'put', `${ROOT}/scans/${scan.id}/items/${item}/score`, { score: 'deels', remark: 'Hoek slecht te zien.' });
    for (let n = 0; n < 2; n++) {
      const upload = await policeApi.page.request.post(`${ROOT}/scans/${scan.id}/items/${item}/photos`, { headers: p, multipart: { file: { name: 'plein.jpg', mimeType: 'image/jpeg', buffer: SAMPLE_JPEG } } });
      expect(upload.status(), await upload.text()).toBe(201);
    }
    scanPath = `/veiligheidsadvies/scans/${scan.id}`;
  } finally {
    await managerApi.context.close();
    await policeApi.context.close();
    await corporationApi.context.close();
  }
  await login(manager.page, 'regisseur');
  await waitForPageReady(manager.page);
  await login(police.page, 'politie');
  await waitForPageReady(police.page);
});

afterAll(async () => {
  for (const session of [manager, police]) await session?.context.close().catch(() => undefined);
  await harness?.stop();
});

describe('removing a photo of an omgevingsscan', () => {
  it('lets the officer who took it remove it while the scan is open, asking why first', async () => {
    const { page } = police;
    await page.goto(scanPath);
    await waitForPageReady(page);
    const item = firstItem(page);
    await expect.poll(() => item.locator('.wr-sa-photos img').count()).toBe(2);
    await item.getByRole('button', { name: /^Foto verwijderen: Foto 1 / }).click();
    const form = item.getByRole('form', { name: /^Foto verwijderen: Foto 1 / });
    await form.getByRole('button', { name: 'Verwijderen' }).click();
    await form.getByText('Schrijf kort waarom je de foto verwijdert.').waitFor();
    await expectNoSeriousA11yViolations(page, 'photo removal, reason missing');
    await form.getByLabel('Waarom verwijder je deze foto?').fill('Er staat een voorbijganger herkenbaar op.');
    await form.getByRole('button', { name: 'Verwijderen' }).click();
    await item.getByText('De foto is verwijderd.').waitFor();
    await expect.poll(() => item.locator('.wr-sa-photos img').count()).toBe(1);
    await screenshot(page, 'spatial-advice-photo-removed');
  });

  it('after signing, offers removal to the programme manager only', async () => {
    const { page } = manager;
    await page.goto(scanPath);
    await waitForPageReady(page);
    await page.getByRole('combobox', { name: 'Advies', exact: true }).selectOption('gunstig');
    await page.getByLabel('Motivering').fill('Het plein is goed te overzien.');
    await page.getByRole('button', { name: 'Advies ondertekenen' }).click();
    await page.getByText('Ondertekend door Demo Programmamanager').waitFor();

    await police.page.goto(scanPath);
    await waitForPageReady(police.page);
    await firstItem(police.page).locator('.wr-sa-photos img').first().waitFor();
    expect(await police.page.getByRole('button', { name: /^Foto verwijderen/ }).count()).toBe(0);

    await page.reload();
    await waitForPageReady(page);
    const item = firstItem(page);
    await item.getByRole('button', { name: /^Foto verwijderen: / }).click();
    const form = item.getByRole('form', { name: /^Foto verwijderen: / });
    await form.getByLabel('Waarom verwijder je deze foto?').fill('Verzoek tot verwijdering van de bewoner.');
    await expectNoSeriousA11yViolations(page, 'photo removal after signing');
    await screenshot(page, 'spatial-advice-photo-removal-signed');
    await form.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('De foto is verwijderd.').waitFor();
    await expect.poll(() => page.locator('.wr-sa-photos img').count()).toBe(0);
  });
});
