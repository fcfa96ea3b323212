import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT, SCREENSHOT_DIR } from './harness';

/** What people do in the app, as steps the tests share. Selectors follow what a user sees: roles and labels. */

export const DEMO_PASSWORD = 'demo';

/** The demo accounts of API.md and their roles. */
export const DEMO_ACCOUNTS: Record<string, readonly string[]> = {
  beheerder: ['administrator'],
  regisseur: ['programme_manager'],
  analist: ['analyst'],
  financien: ['finance'],
  politie: ['partner'],
  corporatie: ['partner'],
  zorg: ['partner'],
};

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Gebruikersnaam', { exact: true }).fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Uitloggen|Log out)$/ }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** The heading of the page currently shown. */
export function pageHeading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

export function mainMenu(page: Page) {
  return page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Links under `scope` whose label is `name`: a plain link's text, or a section link's label without its description. */
function linksLabelled(page: Page, scope: Page | Locator, name: string | RegExp): Locator {
  const label = typeof name === 'string' ? new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) : name;
  const links = scope.locator('a');
  return links.filter({ has: page.locator('.wr-nav__panel-label', { hasText: label }) }).or(links.filter({ hasNot: page.locator('.wr-nav__panel-label'), hasText: label }));
}

/**
 * A main-menu link by its label, whether shown or inside a closed section. Matched on the label text, not the
 * accessible name: Playwright names a hidden link differently (its hidden description counts too).
 */
export function menuEntry(page: Page, name: string | RegExp): Locator {
  return linksLabelled(page, mainMenu(page), name);
}

/** Opens the menu section that holds a link (`inSection`, relative to the section) when it is closed; gives `link`. */
async function shown(page: Page, link: Locator, inSection: Locator): Promise<Locator> {
  await mainMenu(page).getByRole('link').first().waitFor();
  // The menu closes its open section when a new page is shown; opening it again covers a page that was still loading.
  for (let attempt = 1; !(await link.isVisible()) && attempt <= 3; attempt++) {
    await mainMenu(page).locator('[data-menu-section]').filter({ has: inSection }).getByRole('button').click();
    await link.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
  return link;
}

/** A main-menu link by its label, made visible: most entries sit in a section that opens on its button. */
export async function menuLink(page: Page, name: string | RegExp): Promise<Locator> {
  return shown(page, menuEntry(page, name), linksLabelled(page, page, name));
}

/** The same by the link's path. */
export async function menuLinkTo(page: Page, path: string): Promise<Locator> {
  return shown(page, mainMenu(page).locator(`a[href="${path}"]`), page.locator(`a[href="${path}"]`));
}

/** The paths of the main-menu links (in closed sections too), in order. */
export async function menuPaths(page: Page): Promise<string[]> {
  const links = mainMenu(page).getByRole('link', { includeHidden: true });
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
  return hrefs;
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core with the WCAG 2.1 A and AA rules and fails on every serious or critical violation,
 * naming the page so a failure says where.
 */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const findings: AxeFinding[] = result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
  const serious = findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
  expect(serious, `accessibility violations on ${where}`).toEqual([]);
  return findings;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The README picture; only on request, so a test run does not change tracked files. */
export async function updateReadmeScreenshot(page: Page): Promise<void> {
  if (process.env.UPDATE_SCREENSHOT !== '1') return;
  // Park the pointer where it hovers nothing, so no tile shows its hover state.
  await page.mouse.move(1, 1);
  await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshot.png'), fullPage: false });
}

/**
 * Scrolls what the locator finds into view. Playwright's scrollIntoViewIfNeeded takes hold of the element first
 * and fails at once ("not attached") when React replaces it before the scroll, as happens when a lazy page
 * finishes loading or a query refetches; the locator is then found again, for at most ten seconds.
 */
export async function scrollIntoView(locator: Locator): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await locator.scrollIntoViewIfNeeded();
      return;
    } catch (error) {
      if (!(error instanceof Error && /not attached/i.test(error.message)) || Date.now() > deadline) throw error;
      await locator.page().waitForTimeout(100);
    }
  }
}

/**
 * Waits until lazy pages and their data have loaded: the page shown is the one of the address (the previous
 * page stays on screen while the next one loads), it has a heading, and no spinner.
 */
export async function waitForPageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shown = document.querySelector('main')?.getAttribute('data-path');
    return shown !== undefined && shown !== null && decodeURI(shown) === decodeURI(window.location.pathname);
  });
  await pageHeading(page).waitFor();
  await page.waitForFunction(() => !document.querySelector('.wr-loading'));
}
