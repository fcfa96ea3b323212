import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, login, logout, mainMenu, menuLink, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The footer pages (issue 13, item 15; docs/site.md): a visitor reads the privacy and accessibility statements
 * and the contact page without logging in; the administrator writes them and the visitor reads the new text.
 */
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

/** Waits for the page's heading to say `text` (a client-side navigation shows the old page until the new one loads). */
const headingIs = (page: Page, text: string) => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
const footer = (page: Page) => page.getByRole('contentinfo');

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('footer pages', () => {
  it('a visitor opens /privacy without logging in, follows the footer to the other pages, in Dutch and English', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.goto('/privacy');
      await waitForPageReady(page);
      expect(page.url()).toMatch(/\/privacy$/);
      await headingIs(page, 'Privacyverklaring (demo)');
      await page.getByText('Deze tekst hoort bij de demoversie van Wijkregie.').waitFor();
      await page.getByText('Voer geen echte persoonsgegevens in.', { exact: false }).first().waitFor();
      // The demo's privacy statement names what it stores, as a list.
      expect(await page.locator('.wr-site-text li').count()).toBeGreaterThanOrEqual(5);
      expect(await mainMenu(page).count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'privacy statement, visitor');
      await screenshot(page, 'site-privacy-visitor-nl');

      const links = footer(page).getByRole('navigation', { name: 'Over deze site' }).getByRole('link');
      // The public area pages (docs/publicpages.md) and the newsletter (docs/newsletter.md) add theirs to the same footer.
      expect(await links.allTextContents()).toEqual(['Privacyverklaring', 'Toegankelijkheid', 'Contact', 'Wijken en hun aanpak', 'Nieuwsbrief voor bewoners']);
      // The footer's links take the theme's light link colour on its dark background.
      const colours = await links.first().evaluate((link) => ({ link: getComputedStyle(link).color, footer: getComputedStyle(link.closest('footer') as Element).backgroundColor }));
      expect(colours.link).toBe('rgb(255, 255, 255)');
      expect(colours.footer).not.toBe(colours.link);

      await footer(page).getByRole('link', { name: 'Toegankelijkheid' }).click();
      await page.waitForURL((url) => url.pathname === '/toegankelijkheid');
      await waitForPageReady(page);
      await headingIs(page, 'Toegankelijkheidsverklaring (demo)');
      await page.getByText(/Status: gedeeltelijk voldoet/).waitFor();
      await expectNoSeriousA11yViolations(page, 'accessibility statement, visitor');
      await screenshot(page, 'site-accessibility-visitor-nl');

      await footer(page).getByRole('link', { name: 'Contact' }).click();
      await page.waitForURL((url) => url.pathname === '/contact');
      await waitForPageReady(page);
      await headingIs(page, 'Contact (demo)');
      await page.getByText(/wijkregie@example\.org/).waitFor();
      await expectNoSeriousA11yViolations(page, 'contact page, visitor');

      // As at 200% zoom of a 1280-pixel window: the text reflows, nothing scrolls sideways.
      for (const path of ['/privacy', '/toegankelijkheid', '/contact']) {
        await page.setViewportSize({ width: 640, height: 800 });
        await page.goto(path);
        await waitForPageReady(page);
        expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      }
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('button', { name: 'English' }).click();
      await footer(page).getByRole('link', { name: 'Privacy statement' }).click();
      await page.waitForURL((url) => url.pathname === '/privacy');
      await waitForPageReady(page);
      await page.getByText('This text is written in Dutch.').waitFor();
      await page.getByText('This text belongs to the Wijkregie demo.', { exact: false }).waitFor();
      expect(await footer(page).getByRole('navigation', { name: 'About this site' }).getByRole('link').allTextContents()).toEqual(['Privacy statement', 'Accessibility', 'Contact', 'Neighbourhoods and their approach', 'Newsletter for residents']);
      await expectNoSeriousA11yViolations(page, 'privacy statement, visitor, English');
      await screenshot(page, 'site-privacy-visitor-en');
    } finally {
      await context.close();
    }
  });

  it('the administrator edits the accessibility statement; after logout the login page footer leads to the new text', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'beheerder');
      await waitForPageReady(page);
      await (await menuLink(page, 'Teksten onderaan de site')).click();
      await page.waitForURL((url) => url.pathname === '/beheer/site-teksten');
      await waitForPageReady(page);
      const section = page.getByRole('region', { name: 'Toegankelijkheidsverklaring' });
      await section.getByText(/Nu staat hier de demotekst/).waitFor();
      await expectNoSeriousA11yViolations(page, 'footer pages editor');

      // An empty title is refused at the field, in plain Dutch, and nothing is saved.
      const title = section.getByLabel('Titel');
      const body = section.getByLabel('Tekst', { exact: true });
      await title.fill('   ');
      await section.getByRole('button', { name: 'Toegankelijkheidsverklaring bewaren' }).click();
      await section.locator('.wr-field-error').getByText('Vul een titel in.').waitFor();
      expect(await title.getAttribute('aria-invalid')).toBe('true');
      await section.getByRole('alert').getByRole('link', { name: 'Titel: Vul een titel in.' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'footer pages editor with an error');
      await screenshot(page, 'site-editor-error-nl');

      // A text over the limit is refused at the field before it is sent, with the numbers in Dutch.
      await title.fill('Toegankelijkheid van Wijkregie Dordrecht');
      await body.fill('x'.repeat(20001));
      await section.getByRole('button', { name: 'Toegankelijkheidsverklaring bewaren' }).click();
      await section.locator('.wr-field-error').getByText('Maak de tekst korter: hoogstens 20.000 tekens (nu 20.001).').waitFor();
      expect(await section.locator('.wr-field-error').count()).toBe(1);

      await body.fill('Wij willen dat iedereen Wijkregie kan gebruiken.\n\nWat we nog verbeteren:\n- De kaarten staan ook in een tabel\n- <script>window.siteXss = true</script> blijft gewone tekst');
      await section.getByRole('button', { name: 'Toegankelijkheidsverklaring bewaren' }).click();
      await section.getByRole('status').getByText('Toegankelijkheidsverklaring is bewaard. Iedereen ziet nu de nieuwe tekst.').waitFor();
      await section.getByText(/Laatst bewaard op/).waitFor();
      await screenshot(page, 'site-editor-saved-nl');

      await logout(page);
      await waitForPageReady(page);
      await screenshot(page, 'site-login-footer-nl');
      // The login page's demo accounts: a long username does not run into its role.
      const overlaps = await page.locator('.wr-demo-accounts__pick').evaluateAll((picks) =>
        picks.filter((pick) => {
          // The text itself (a range), not the box: text that overflows its box is what a reader sees overlap.
          const username = pick.querySelector('.wr-demo-accounts__username');
          const role = pick.querySelector('.wr-demo-accounts__role')?.getBoundingClientRect();
          if (!username || !role) return true;
          const range = document.createRange();
          range.selectNodeContents(username);
          return range.getBoundingClientRect().right > role.left + 0.5;
        }).length,
      );
      expect(overlaps).toBe(0);
      await footer(page).getByRole('link', { name: 'Toegankelijkheid' }).click();
      await page.waitForURL((url) => url.pathname === '/toegankelijkheid');
      await waitForPageReady(page);
      await headingIs(page, 'Toegankelijkheid van Wijkregie Dordrecht');
      await page.getByText('Wij willen dat iedereen Wijkregie kan gebruiken.').waitFor();
      expect(await page.locator('.wr-site-text li').allTextContents()).toEqual(['De kaarten staan ook in een tabel', '<script>window.siteXss = true</script> blijft gewone tekst']);
      // Shown as text, never run: no script element came from the page text.
      expect(await page.evaluate(() => (window as unknown as { siteXss?: boolean }).siteXss)).toBeUndefined();
      expect(await page.locator('.wr-site-text script').count()).toBe(0);
      // The administrator's own text is no longer marked as demo.
      expect(await page.getByText('Deze tekst hoort bij de demoversie van Wijkregie.').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'accessibility statement after the edit');
      await screenshot(page, 'site-accessibility-edited-nl');
    } finally {
      await context.close();
    }
  });

  it('someone logged in reads the pages with the menu, and the editor speaks English', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'regisseur');
      await waitForPageReady(page);
      await footer(page).getByRole('link', { name: 'Privacyverklaring' }).click();
      await page.waitForURL((url) => url.pathname === '/privacy');
      await waitForPageReady(page);
      await headingIs(page, 'Privacyverklaring (demo)');
      expect(await mainMenu(page).count()).toBe(1);
      // Only the administrator writes them: no menu entry for the programme manager.
      expect(await mainMenu(page).locator('a[href="/beheer/site-teksten"]').count()).toBe(0);
    } finally {
      await context.close();
    }
    const admin = await harness.newPage();
    try {
      await login(admin.page, 'beheerder');
      await admin.page.goto('/beheer/site-teksten');
      await waitForPageReady(admin.page);
      await admin.page.getByRole('button', { name: 'English' }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'Footer pages' }).waitFor();
      await admin.page.getByRole('region', { name: 'Contact' }).getByRole('button', { name: 'Save Contact' }).waitFor();
      await expectNoSeriousA11yViolations(admin.page, 'footer pages editor, English');
      await screenshot(admin.page, 'site-editor-en');
      // Back to Dutch: the choice is stored on the account.
      await admin.page.getByRole('button', { name: 'Nederlands' }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'Teksten onderaan de site' }).waitFor();
    } finally {
      await admin.context.close();
    }
  });
});
