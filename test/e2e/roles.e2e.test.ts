import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/platform/shared/permissions';
import { navigationSectionsFor } from '../../src/platform/web/navigation';
import { DEMO_ACCOUNTS, expectNoSeriousA11yViolations, login, logout, mainMenu, menuPaths, pageHeading, screenshot, waitForPageReady, menuLinkTo } from './app-actions';
import { REPO_ROOT, startHarness, type Harness } from './harness';

/**
 * Every demo account: logs in, sees exactly the menu its role allows, reaches each page in it, and every
 * page passes axe-core's WCAG 2.1 AA rules without a serious or critical violation.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('build', () => {
  it('keeps the JavaScript loaded up front under 350 kB gzipped (DESIGN.md budget)', () => {
    const dist = path.join(REPO_ROOT, 'dist', 'web');
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
    expect(initial.length).toBeGreaterThan(0);
    const gzipped = initial.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length, 0);
    expect(gzipped).toBeLessThan(350 * 1024);
  });
});

describe('login page', () => {
  it('lists the demo accounts, is accessible, and explains a wrong password', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.goto('/');
      await page.waitForURL((url) => url.pathname === '/login');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
      await pageHeading(page).waitFor();
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Inloggen');
      await page.getByRole('heading', { name: 'Demo-accounts' }).waitFor();
      expect(await page.getByTestId('demo-banner').textContent()).toContain('Demoversie');
      // Every demo account, the signals module's case officer too.
      for (const username of [...Object.keys(DEMO_ACCOUNTS), 'casusregisseur']) {
        expect(await page.getByRole('button', { name: new RegExp(`^Vul in: ${username}\\b`) }).count()).toBe(1);
      }
      await expectNoSeriousA11yViolations(page, 'login');
      await screenshot(page, 'login');

      // Keyboard: the first Tab shows the skip link, which moves focus into the main content.
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Direct naar de inhoud' });
      expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
      expect((await skipLink.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

      // Nothing filled in: the fields say what is missing.
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByLabel('Gebruikersnaam', { exact: true }).getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Gebruikersnaam', { exact: true }).fill('beheerder');
      await page.getByLabel('Wachtwoord', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('alert').filter({ hasText: 'Gebruikersnaam of wachtwoord klopt niet' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'login with an error');
      await screenshot(page, 'login-error');
    } finally {
      await context.close();
    }
  });
});

describe.each(Object.entries(DEMO_ACCOUNTS))('demo account %s', (username, roles) => {
  it('sees only what its role may use, and every page it can reach is accessible', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, username);
      await waitForPageReady(page);
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toMatch(/^Welkom, /);

      // In the menu's order: by section (navigation.ts), then module order within a section.
      const expected = ['/', ...navigationSectionsFor({ permissions: [...permissionsOf(roles)] }).flatMap((section) => section.entries.map((entry) => entry.to))];
      expect(await menuPaths(page)).toEqual(expected);
      if (username === 'beheerder') expect(expected).toEqual(expect.arrayContaining(['/admin/users', '/admin/organisations', '/admin/role-policies', '/admin/api-tokens', '/audit']));
      else expect(expected.some((path) => path.startsWith('/admin') || path === '/audit')).toBe(false);

      await expectNoSeriousA11yViolations(page, `home of ${username}`);
      await screenshot(page, `home-${username}`);

      for (const path of expected.slice(1)) {
        await (await menuLinkTo(page, path)).click();
        await page.waitForURL((url) => url.pathname === path);
        // Lazy pages render when loaded; until then the previous page stays, so wait for the menu to move.
        await mainMenu(page).locator(`a[href="${path}"][aria-current="page"]`).waitFor({ state: 'attached' });
        await waitForPageReady(page);
        expect(await mainMenu(page).locator('a[aria-current="page"]').count()).toBe(1);
        await expectNoSeriousA11yViolations(page, `${path} as ${username}`);
        await screenshot(page, `${username}${path.replace(/\//g, '-')}`);
      }

      if (username !== 'beheerder') {
        // A typed-in address of an admin page shows a plain refusal (the server refuses the data anyway).
        await page.goto('/admin/users');
        await waitForPageReady(page);
        await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Geen toegang');
      }

      await page.goto('/no-such-page');
      await waitForPageReady(page);
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Pagina niet gevonden');

      await logout(page);
      await page.getByRole('status').filter({ hasText: 'Je bent uitgelogd' }).waitFor();
      // Logged out means the app pages are closed again.
      await page.goto('/');
      await page.waitForURL((url) => url.pathname === '/login');
    } finally {
      await context.close();
    }
  });
});

it('ran under the strict CSP without a violation or an uncaught error', () => {
  expect(harness.browserProblems()).toEqual([]);
});
