import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, login, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Issue 13, item 15: links on the signals and cases pages wear the theme's link colour, and no select box
 * cuts off its text — at 1280 pixels every option fits; on a 390-pixel phone a select as wide as the column
 * either fits its widest option or wraps the chosen text onto more lines (platform styles, components.css).
 */
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

interface LinkFinding {
  text: string;
  colour: string;
}

/** Links in the page's content whose colour is not the theme's link colour (buttons and map controls aside). */
async function offThemeLinks(page: Page): Promise<{ theme: string; count: number; off: LinkFinding[] }> {
  return page.evaluate(() => {
    const main = document.querySelector('main') as HTMLElement;
    const probe = document.createElement('a');
    probe.className = 'utrecht-link utrecht-link--html-a';
    probe.href = '#probe';
    probe.textContent = 'probe';
    main.appendChild(probe);
    const theme = getComputedStyle(probe).color;
    probe.remove();
    const links = [...main.querySelectorAll('a[href]')].filter((a) => !a.closest('.utrecht-button, .leaflet-control-container'));
    const off = links.filter((a) => getComputedStyle(a).color !== theme).map((a) => ({ text: (a.textContent ?? '').trim().slice(0, 60), colour: getComputedStyle(a).color }));
    return { theme, count: links.length, off };
  });
}

interface SelectFinding {
  select: string;
  widestOption: string;
  widest: number;
  room: number;
  wraps: boolean;
  fitsWhenChosen: boolean;
  insideViewport: boolean;
}

/**
 * Every select in the content, measured against its widest option: the option's text width (in the select's
 * own font) against the room inside the box. Where it does not fit, the widest option is chosen for a moment
 * (no change event) to see that the box wraps it instead of cutting it off.
 */
async function selectFindings(page: Page): Promise<SelectFinding[]> {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    return [...document.querySelectorAll<HTMLSelectElement>('main select')].map((select) => {
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const options = [...select.options];
      const widths = options.map((option) => context.measureText(option.text).width);
      const widest = Math.max(0, ...widths);
      const index = widths.indexOf(widest);
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const wraps = style.appearance === 'base-select' && style.whiteSpace === 'normal';
      let fitsWhenChosen = widest <= room + 0.5;
      if (!fitsWhenChosen && wraps) {
        // Wrapped, the text needs as many lines as it is wider than the room; the box must be that tall.
        const before = select.selectedIndex;
        select.selectedIndex = index;
        const lines = Math.ceil(widest / room);
        const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
        const contentHeight = select.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        fitsWhenChosen = select.scrollWidth <= select.clientWidth && select.scrollHeight <= select.clientHeight && contentHeight >= lines * lineHeight * 0.9;
        select.selectedIndex = before;
      }
      const label = select.labels?.[0]?.textContent?.trim() ?? select.id;
      return { select: label, widestOption: options[index]?.text ?? '', widest: Math.round(widest), room: Math.round(room), wraps, fitsWhenChosen, insideViewport: select.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5 };
    });
  });
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForPageReady(page);
  // The selects fill from the API after the heading shows.
  await page.waitForLoadState('networkidle');
}

describe('links on the signals and cases pages', () => {
  for (const username of ['casusregisseur', 'politie']) {
    it(`use the theme's link colour for ${username}`, async () => {
      const { context, page } = await harness.newPage();
      try {
        await login(page, username);
        await open(page, '/signalen');
        const list = await offThemeLinks(page);
        expect(list.count, 'links on /signalen').toBeGreaterThan(5);
        expect(list.off, `links on /signalen for ${username}`).toEqual([]);
        const signalHref = await page.locator('main table a[href^="/signalen/"]').first().getAttribute('href');
        await open(page, signalHref ?? '/signalen');
        expect((await offThemeLinks(page)).off, `links on ${signalHref}`).toEqual([]);
        await screenshot(page, `links-signal-${username}`);

        await open(page, '/casussen');
        const cases = await offThemeLinks(page);
        expect(cases.off, `links on /casussen for ${username}`).toEqual([]);
        const caseLink = page.locator('main table a[href^="/casussen/"]').first();
        expect(await caseLink.count(), 'the demo case is visible').toBe(1);
        await open(page, (await caseLink.getAttribute('href')) ?? '/casussen');
        const detail = await offThemeLinks(page);
        expect(detail.count).toBeGreaterThan(1);
        expect(detail.off, `links on the case for ${username}`).toEqual([]);
        await expectNoSeriousA11yViolations(page, `case page for ${username}`);
        await screenshot(page, `links-case-${username}`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('select boxes show their whole text', () => {
  const PAGES: Array<{ username: string; path: string; name: string }> = [
    { username: 'casusregisseur', path: '/signalen/nieuw', name: 'signal form' },
    { username: 'politie', path: '/hotspots', name: 'hot spots' },
    { username: 'politie', path: '/kaart', name: 'indicator picker on the map' },
    { username: 'regisseur', path: '/afwegingskader', name: 'indicator picker of the ranking' },
    { username: 'regisseur', path: '/overleggen', name: 'meetings form' },
  ];

  for (const width of [1280, 390]) {
    it(`at ${width} pixels`, async () => {
      const sessions = new Map<string, Awaited<ReturnType<Harness['newPage']>>>();
      try {
        for (const { username, path, name } of PAGES) {
          let session = sessions.get(username);
          if (!session) {
            session = await harness.newPage();
            sessions.set(username, session);
            await login(session.page, username);
          }
          const { page } = session;
          await page.setViewportSize({ width, height: 900 });
          await open(page, path);
          const selects = await selectFindings(page);
          expect(selects.length, `selects on the ${name}`).toBeGreaterThan(0);
          for (const finding of selects) {
            expect(finding.insideViewport, `${name}: ${finding.select} inside the window`).toBe(true);
            expect(finding.fitsWhenChosen, `${name}: ${finding.select} shows “${finding.widestOption}” (${finding.widest} px in ${finding.room} px)`).toBe(true);
            // On a wide screen nothing needs wrapping: the box is as wide as its widest option.
            if (width === 1280) expect(finding.widest, `${name}: ${finding.select}`).toBeLessThanOrEqual(finding.room + 0.5);
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
          await screenshot(page, `selects-${width}-${path.slice(1)}`);
        }
      } finally {
        for (const { context } of sessions.values()) await context.close();
      }
    });
  }

  it('a wrapped select still works with the keyboard on a phone', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'politie');
      await page.setViewportSize({ width: 390, height: 900 });
      await open(page, '/hotspots');
      const method = page.getByLabel('Methode');
      const before = await method.inputValue();
      await method.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      expect(await method.inputValue()).not.toBe('');
      expect(typeof before).toBe('string');
      await expectNoSeriousA11yViolations(page, 'hot spots at 390 pixels');
    } finally {
      await context.close();
    }
  });
});
