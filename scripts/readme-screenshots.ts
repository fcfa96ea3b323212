// `npx tsx scripts/readme-screenshots.ts [name ...]`: one picture per main task for the README, taken from the
// demo in Debian's Chromium (the same harness as the browser tests: the built server on a fresh demo data
// folder). Writes docs/screenshots/<name>.png, all of them or only the names given; run it by hand when a page
// changes, never from the tests. It builds the web app only when there is none (E2E_BUILD=1 for a fresh one).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { login, waitForPageReady } from '../test/e2e/app-actions.js';
import { REPO_ROOT, SCREENSHOT_DIR, startHarness } from '../test/e2e/harness.js';
import { ensureServerBuilt } from '../test/support/server-build.js';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

interface Shot {
  name: string;
  /** The demo account to log in with; none for a page residents read without an account. */
  user?: string;
  /** Brings the page up and fills it; the picture is taken once nothing is loading. */
  open: (page: Page) => Promise<void>;
  /** What goes at the top of the picture; the top of the page when not given. */
  top?: (page: Page) => Locator;
  /** The window's height when the harness's is too short for what the page should show. */
  height?: number;
}

async function ready(page: Page): Promise<void> {
  await waitForPageReady(page);
  await page.waitForLoadState('networkidle');
}

async function goto(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await ready(page);
}

async function follow(page: Page, link: Locator): Promise<void> {
  const from = page.url();
  await link.first().click();
  await page.waitForURL((url) => url.href !== from);
  await ready(page);
}

/** Waits until a map has drawn at least `count` shapes. */
async function mapShapes(page: Page, scope: string, count: number): Promise<void> {
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(`${selector} .leaflet-overlay-pane path`).length >= n, [scope, count] as const, { timeout: 30_000 });
}

async function openProgramme(page: Page): Promise<void> {
  await goto(page, '/programmas');
  await follow(page, page.getByRole('link', { name: /Dordt West/ }));
}

// The demo's buurt figures of 2020 are demographic; the Dordt West programme aims at its youth and at fewer
// one-person households.
const RANKING_INDICATORS = ['share_age_0_14', 'population_density', 'share_one_person_households'];

const heading = (name: string) => (page: Page) => page.getByRole('heading', { name, exact: true }).first();

const SHOTS: Shot[] = [
  {
    name: 'kaart',
    user: 'analist',
    open: async (page) => {
      await goto(page, '/kaart');
      await mapShapes(page, 'main', 100);
    },
    top: (page) => page.getByRole('heading', { level: 1 }),
  },
  {
    name: 'gebiedsprofiel',
    user: 'analist',
    open: async (page) => {
      await goto(page, '/gebieden');
      await follow(page, page.getByRole('link', { name: /Dordt West/ }));
      await page.getByRole('heading', { name: /^Cijfers \d{4}$/ }).waitFor();
      await mapShapes(page, 'main', 1);
    },
    height: 1300,
  },
  {
    name: 'afwegingskader',
    user: 'analist',
    open: async (page) => {
      await goto(page, '/afwegingskader');
      for (const code of RANKING_INDICATORS) {
        await page.getByLabel('Indicator toevoegen').selectOption(code);
        await page.getByRole('button', { name: 'Toevoegen' }).click();
      }
      await page.getByRole('button', { name: 'Bereken rangorde' }).click();
      await page.getByRole('table', { name: 'Gebieden op volgorde van voorrang' }).locator('tbody tr').first().waitFor({ timeout: 30_000 });
      await mapShapes(page, '#ranking-result', 100);
      await ready(page);
    },
    top: (page) => page.locator('#ranking-result'),
  },
  {
    name: 'signalen',
    user: 'politie',
    open: async (page) => {
      await goto(page, '/signalen');
      await mapShapes(page, 'main', 50);
    },
    top: heading('Aantallen per buurt'),
  },
  {
    name: 'hotspots',
    user: 'analist',
    open: async (page) => {
      await goto(page, '/hotspots');
      await page.getByLabel('Signalen per zeshoek (H3-cellen)').check();
      await page.getByRole('button', { name: 'Bereken' }).click();
      await page.getByRole('heading', { name: 'Resultaat' }).waitFor({ timeout: 60_000 });
      await mapShapes(page, 'main', 100);
      await ready(page);
    },
    top: heading('Resultaat'),
  },
  { name: 'programma', user: 'regisseur', open: openProgramme, top: heading('Pijlers en strategische doelen'), height: 1140 },
  {
    name: 'activiteiten',
    user: 'regisseur',
    open: async (page) => {
      await openProgramme(page);
      await follow(page, page.getByRole('link', { name: 'Activiteiten en tijdlijn' }));
    },
  },
  { name: 'start', user: 'regisseur', open: (page) => goto(page, '/') },
  { name: 'regie', user: 'regisseur', open: (page) => goto(page, '/regie') },
  {
    name: 'overleg',
    user: 'regisseur',
    open: async (page) => {
      await goto(page, '/overleggen');
      await follow(page, page.getByRole('link', { name: /kernteam/i }));
    },
    top: heading('Agenda'),
  },
  { name: 'financien', user: 'financien', open: (page) => goto(page, '/financien') },
  {
    name: 'rapportage',
    user: 'regisseur',
    open: async (page) => {
      await openProgramme(page);
      await follow(page, page.getByRole('link', { name: 'Rapportages', exact: true }));
      await follow(page, page.locator('main a[href^="/rapportages/momentopnamen/"]'));
      await page.getByRole('heading', { name: 'Samenvatting', exact: true }).waitFor({ timeout: 30_000 });
      await ready(page);
    },
    top: heading('Samenvatting'),
    height: 1000,
  },
  {
    name: 'mkba',
    user: 'regisseur',
    open: async (page) => {
      await goto(page, '/mkba');
      await follow(page, page.getByRole('link', { name: /Dordt West/ }));
    },
    top: heading('Uitkomst'),
    height: 1000,
  },
  {
    name: 'veiligheidsadvies',
    user: 'regisseur',
    open: async (page) => {
      await goto(page, '/veiligheidsadvies');
      await follow(page, page.getByRole('link', { name: 'Admiraalsplein' }));
    },
    top: heading('Advies'),
    height: 1000,
  },
  { name: 'gebruikers', user: 'beheerder', open: (page) => goto(page, '/admin/users') },
  { name: 'openbaar', open: (page) => goto(page, '/openbaar/FAdordt-west'), height: 1000 },
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !SHOTS.some((shot) => shot.name === name));
if (unknown.length) throw new Error(`no such picture: ${unknown.join(', ')} (there are ${SHOTS.map((shot) => shot.name).join(', ')})`);

await ensureServerBuilt();
mkdirSync(OUT, { recursive: true });
const harness = await startHarness();
try {
  for (const shot of SHOTS.filter((s) => !only.length || only.includes(s.name))) {
    const { context, page } = await harness.newPage();
    try {
      if (shot.height) await page.setViewportSize({ width: page.viewportSize()?.width ?? 1280, height: shot.height });
      if (shot.user) await login(page, shot.user);
      await shot.open(page);
      if (shot.top) {
        // A little room above the element, so its heading or border shows.
        await shot.top(page).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 24));
      }
      // Park the pointer where it hovers nothing, and let the maps settle after scrolling.
      await page.mouse.move(1, 1);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `${shot.name}.png`) });
      process.stdout.write(`${shot.name}.png: ${new URL(page.url()).pathname}\n`);
    } catch (error) {
      const failed = path.join(SCREENSHOT_DIR, `readme-${shot.name}-failed.png`);
      await page.screenshot({ path: failed, fullPage: true }).catch(() => undefined);
      throw new Error(`${shot.name}: ${String(error)}\n(the page as it was: ${path.relative(REPO_ROOT, failed)})\n${harness.serverLog()}`, { cause: error });
    } finally {
      await context.close();
    }
  }
  const problems = harness.browserProblems();
  if (problems.length) throw new Error(`the pages reported problems:\n${problems.join('\n')}`);
} finally {
  await harness.stop();
}
