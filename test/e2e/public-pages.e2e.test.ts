import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, login, mainMenu, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The public area page of Dordt West (issue 15, items 1 and 2; docs/publicpages.md) as a resident opens it:
 * without logging in, axe clean in Dutch and English, every link and button reachable with Tab and visibly
 * focused, no sideways scrolling at 200 % zoom, and on a phone.
 */
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const AREA_PATH = '/openbaar/FAdordt-west';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const findings = await expectNoSeriousA11yViolations(page, where);
  // Clean means clean: no finding of any impact.
  expect(findings, where).toEqual([]);
}

/** Tabs through the whole page; returns each focused element's description and whether its focus is visible. */
async function tabThrough(page: Page, max: number): Promise<{ key: string; visible: boolean }[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: { key: string; visible: boolean }[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      return { key: `${el.tagName.toLowerCase()}|${el.getAttribute('href') ?? ''}|${(el.textContent ?? '').trim().slice(0, 60)}`, visible: outline || shadow };
    });
    if (!focused) continue;
    if (seen.length > 0 && seen[0]?.key === focused.key) break;
    seen.push(focused);
  }
  return seen;
}

describe('public area page of Dordt West', () => {
  it('a resident reads it without logging in: goals, figures with the licence, activities, money, the public decision', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.goto('/openbaar');
      await waitForPageReady(page);
      await page.getByRole('heading', { level: 1, name: 'Wijken en hun aanpak' }).waitFor();
      expect(await mainMenu(page).count()).toBe(0);
      await expectAxeClean(page, 'public area list, nl');
      await page.getByRole('link', { name: 'Dordt West' }).click();
      await page.waitForURL((url) => url.pathname === AREA_PATH);
      await waitForPageReady(page);
      await page.getByRole('heading', { level: 1, name: 'Dordt West' }).waitFor();
      await page.getByText('Het gaat wat langzamer dan gepland.').first().waitFor();
      await page.getByRole('heading', { name: 'Cijfers over de wijk' }).waitFor();
      await page.getByText('Bron: CBS', { exact: false }).first().waitFor();
      await page.getByText('Preventie met Gezag: jongerenaanpak Crabbehof').waitFor();
      await page.getByText('Verantwoordelijk: Politie (demopartner)', { exact: false }).waitFor();
      await page.getByText('Het jongerenwerk verlengt de avondopenstelling', { exact: false }).waitFor();
      expect(await page.getByText('controleren gezamenlijk', { exact: false }).count()).toBe(0);
      const csv = page.getByRole('link', { name: 'Cijfers van Dordt West voor Excel (CSV)' });
      expect(await csv.getAttribute('href')).toBe('/api/v1/public/areas/FAdordt-west/figures.csv');
      const download = await page.request.get('/api/v1/public/areas/FAdordt-west/figures.csv');
      expect(download.status()).toBe(200);
      expect((await download.text()).split('\n')[0]).toContain('gebied_code;gebied');
      // No session was made by reading: no cookie in the browser.
      expect(await context.cookies()).toEqual([]);
      await expectAxeClean(page, 'public area page, nl');
      await screenshot(page, 'public-area-dordt-west-nl');

      // Taking part: the initiative form, the wijkbudget of the wijk that has one (Wielwijk), the survey.
      await page.getByRole('heading', { name: 'Meedoen' }).waitFor();
      expect(await page.getByRole('link', { name: 'Een idee voor je buurt? Dien een bewonersinitiatief in' }).getAttribute('href')).toBe('/bewoners/initiatief-indienen');
      expect(await page.getByRole('link', { name: /^Een brief met een code/ }).getAttribute('href')).toBe('/bewoners/enquete');
      expect(await page.getByRole('link', { name: 'Meld je aan voor de nieuwsbrief' }).getAttribute('href')).toBe('/bewoners/nieuwsbrief');
      await page.getByRole('link', { name: 'eerdere nieuwsbrieven van Dordt West' }).click();
      await page.waitForURL((url) => url.pathname === '/bewoners/nieuwsbrief/FAdordt-west');
      await waitForPageReady(page);
      await page.goBack();
      await waitForPageReady(page);
      await page.getByRole('link', { name: 'Waar het wijkbudget van Wijk 07 Wielwijk dit jaar heen ging' }).click();
      await page.waitForURL((url) => url.pathname === '/bewoners/wijkbudget/WK050507');
      await waitForPageReady(page);
      await page.goBack();
      await waitForPageReady(page);

      await page.getByRole('link', { name: 'Lees hoe toegankelijk deze website is (toegankelijkheidsverklaring)' }).click();
      await page.waitForURL((url) => url.pathname === '/toegankelijkheid');
      await page.goBack();
      await waitForPageReady(page);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('It is going a little slower than planned.').first().waitFor();
      await page.getByText('The programme’s own texts and the names of the figures are in Dutch.').waitFor();
      await page.getByRole('heading', { name: 'Download the figures (open data)' }).waitFor();
      await expectAxeClean(page, 'public area page, en');
      await screenshot(page, 'public-area-dordt-west-en');
    } finally {
      await context.close();
    }
  });

  it('every link and button is reached with Tab and shows where the focus is', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.goto(AREA_PATH);
      await waitForPageReady(page);
      await page.getByRole('heading', { name: 'Cijfers over de wijk' }).waitFor();
      const targets = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], button')]
          .filter((el) => el.offsetParent !== null && !el.hasAttribute('disabled') && el.tabIndex >= 0)
          .map((el) => `${el.tagName.toLowerCase()}|${el.getAttribute('href') ?? ''}|${(el.textContent ?? '').trim().slice(0, 60)}`),
      );
      expect(targets.length).toBeGreaterThan(8);
      const reached = await tabThrough(page, targets.length + 40);
      const reachedKeys = reached.map((r) => r.key);
      for (const target of targets) expect(reachedKeys, target).toContain(target);
      const invisible = reached.filter((r) => !r.visible).map((r) => r.key);
      expect(invisible).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reflows at 200 % zoom (640 CSS pixels wide) and fits a phone (390 × 844) without sideways scrolling', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.setViewportSize({ width: 640, height: 800 });
      await page.goto(AREA_PATH);
      await waitForPageReady(page);
      await page.getByRole('heading', { name: 'Cijfers over de wijk' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'public-area-dordt-west-zoom-200');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(AREA_PATH);
      await waitForPageReady(page);
      await page.getByRole('heading', { name: 'Cijfers over de wijk' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAxeClean(page, 'public area page, phone');
      await page.screenshot({ path: 'test-results/screenshots/public-area-dordt-west-phone-viewport.png' });
      await screenshot(page, 'public-area-dordt-west-phone');
    } finally {
      await context.close();
    }
  });

  it('the programme manager withdraws and republishes the programme, and makes a decision public, from the app', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'regisseur');
      const programmes = (await (await page.request.get('/api/v1/programmes')).json()) as { items: { id: string; name: string }[] };
      const programme = programmes.items.find((p) => p.name.includes('Dordt West')) as { id: string };
      await page.goto(`/programmas/${programme.id}`);
      await waitForPageReady(page);
      const section = page.getByRole('region', { name: 'Openbaar voor bewoners' });
      await section.getByText(/^Openbaar sinds/).waitFor();
      await expectNoSeriousA11yViolations(page, 'programme page with the publication switch');
      await section.getByRole('button', { name: 'Niet meer openbaar maken' }).click();
      await section.getByText('Niet openbaar: bewoners zien dit programma niet.').waitFor();
      expect((await page.request.get('/api/v1/public/areas/FAdordt-west')).status()).toBe(404);
      await section.getByRole('button', { name: 'Openbaar maken voor bewoners' }).click();
      await section.getByText(/^Openbaar sinds/).waitFor();
      await screenshot(page, 'public-programme-publication-switch');

      const meetings = (await (await page.request.get('/api/v1/meetings')).json()) as { items: { id: string; title: string }[] };
      const meeting = meetings.items.find((m) => m.title === 'Kernteam Dordt West') as { id: string };
      await page.goto(`/overleggen/${meeting.id}`);
      await waitForPageReady(page);
      const decision = page.locator('.wr-decision', { hasText: 'controleren gezamenlijk' });
      await decision.getByRole('button', { name: 'Openbaar maken voor bewoners' }).click();
      await decision.getByText('Openbaar voor bewoners').waitFor();
      await expectNoSeriousA11yViolations(page, 'meeting page with public decisions');
      await screenshot(page, 'public-decision-switch');
      const pageData = await (await page.request.get('/api/v1/public/areas/FAdordt-west')).json();
      expect(pageData.programmes[0].decisions).toHaveLength(2);
      await decision.getByRole('button', { name: 'Niet meer openbaar maken' }).click();
      await decision.getByRole('button', { name: 'Openbaar maken voor bewoners' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('says plainly when an area has no public page', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.goto('/openbaar/GM9999');
      await waitForPageReady(page);
      await page.getByRole('heading', { level: 1, name: 'Geen openbare pagina' }).waitFor();
      await expectAxeClean(page, 'public area not found');
    } finally {
      await context.close();
    }
  });
});
