import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
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

/** The paths of the main-menu links, in order. */
export async function menuPaths(page: Page): Promise<string[]> {
  const links = mainMenu(page).getByRole('link');
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

/** Waits until lazy pages and their data have loaded (no spinner, a heading on the page). */
export async function waitForPageReady(page: Page): Promise<void> {
  await pageHeading(page).waitFor();
  await page.waitForFunction(() => !document.querySelector('.wr-loading'));
}
