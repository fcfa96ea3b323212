import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Issue 13, item 6, in the browser: the notification job runs shortly after the server starts and tells the
 * controller of the € 24.000 commitment waiting for approval. The header shows "Meldingen" with the unread
 * count; the Meldingen page lists it and has the settings, which say e-mail is off on this server (no SMTP
 * server in the test), keep the e-mail choices disabled, and save a choice that survives a reload. Following
 * the notification leads to the approvals and marks it read; then it can be deleted and stays gone. The
 * corporation marks its notification read and deletes all read ones at once. Dutch and English, axe clean.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const headerLink = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^(Meldingen|Notifications)/ });
/** The header link's accessible name: "Meldingen" or "Meldingen, 2 ongelezen". */
const headerLinkName = async (page: Page) => ((await headerLink(page).textContent()) ?? '').replace(/^Meldingen(\d+)/, 'Meldingen');

describe('notifications in the app', () => {
  it('shows the controller the new approval in the header and on the Meldingen page, with settings that say e-mail is off', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'financien');
      await waitForPageReady(page);
      // The job runs a few seconds after the server starts; the page asks again on reload.
      await expect
        .poll(
          async () => {
            await page.reload();
            await waitForPageReady(page);
            return headerLinkName(page);
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toBe('Meldingen, 1 ongelezen');
      await headerLink(page).click();
      await page.waitForURL((url) => url.pathname === '/meldingen');
      await waitForPageReady(page);
      // A lazy page: the previous one stays until it has loaded.
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Meldingen');

      const list = page.locator('#notifications-list');
      const row = list.getByRole('listitem').filter({ hasText: 'Opdracht bewonersbegeleiding tweede fase (demo)' });
      expect((await row.textContent())?.replace(/\s+/g, ' ')).toMatch(/Wacht op jouw goedkeuring · .*Nieuw\s*Verwijderen$/);
      // Nothing read yet: only "mark all read" is offered, not "delete all read".
      expect(await list.getByRole('button', { name: 'Alle gelezen meldingen verwijderen' }).count()).toBe(0);
      await list.getByText('Gelezen meldingen worden na 90 dagen vanzelf verwijderd, alle andere na 365 dagen.').waitFor();

      const settings = page.locator('#notification-settings');
      await settings.getByText('E-mail staat uit: de beheerder heeft geen mailserver ingesteld.').waitFor();
      const deadline = settings.getByRole('group', { name: 'Een deadline van jouw actie komt eraan of is voorbij' });
      expect(await deadline.getByRole('radio', { name: 'In de app en meteen per e-mail' }).isDisabled()).toBe(true);
      expect(await deadline.getByRole('radio', { name: 'Alleen in de app' }).isChecked()).toBe(true);
      await deadline.getByRole('radio', { name: 'Uit' }).check();
      await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
      await settings.getByText('Je instellingen zijn opgeslagen.').waitFor();
      await expectNoSeriousA11yViolations(page, 'Meldingen page');
      await screenshot(page, 'notifications-financien-nl');

      await page.reload();
      await waitForPageReady(page);
      expect(await page.locator('#notification-settings').getByRole('group', { name: /Een deadline/ }).getByRole('radio', { name: 'Uit' }).isChecked()).toBe(true);

      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Notifications');
      await page.locator('#notification-settings').getByText('E-mail is off').waitFor();
      await expectNoSeriousA11yViolations(page, 'Notifications page in English');
      await screenshot(page, 'notifications-financien-en');
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Meldingen');

      // Following it leads to the approvals and marks it read.
      await page.locator('#notifications-list').getByRole('link', { name: 'Opdracht bewonersbegeleiding tweede fase (demo)' }).click();
      await page.waitForURL((url) => url.pathname === '/financien/accordering');
      await waitForPageReady(page);
      await expect.poll(() => headerLinkName(page), { timeout: 15_000 }).toBe('Meldingen');

      // Back on the Meldingen page the read notification can be deleted; it does not come back.
      await headerLink(page).click();
      await page.waitForURL((url) => url.pathname === '/meldingen');
      await waitForPageReady(page);
      const read = page.locator('#notifications-list');
      await read.getByRole('button', { name: 'Verwijderen: Opdracht bewonersbegeleiding tweede fase (demo)' }).click();
      await read.getByText('De melding is verwijderd. Wat op je werklijst staat, blijft daar staan.').waitFor();
      await read.getByText('Je hebt nog geen meldingen.').waitFor();
      await expectNoSeriousA11yViolations(page, 'Meldingen page after deleting');
      await screenshot(page, 'notifications-financien-deleted-nl');
      await page.reload();
      await waitForPageReady(page);
      await page.locator('#notifications-list').getByText('Je hebt nog geen meldingen.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('lets the corporation mark its notification read and then delete all read ones, in Dutch and English', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'corporatie');
      await waitForPageReady(page);
      await expect
        .poll(
          async () => {
            await page.reload();
            await waitForPageReady(page);
            return headerLinkName(page);
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toBe('Meldingen, 1 ongelezen');
      await headerLink(page).click();
      await page.waitForURL((url) => url.pathname === '/meldingen');
      await waitForPageReady(page);
      const list = page.locator('#notifications-list');
      await list.getByRole('listitem').filter({ hasText: 'Adressenlijst met signalen aanleveren aan politie en gemeente' }).waitFor();
      await list.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
      const deleteRead = list.getByRole('button', { name: 'Alle gelezen meldingen verwijderen' });
      await deleteRead.waitFor();
      await expectNoSeriousA11yViolations(page, 'Meldingen page with read notifications');
      await screenshot(page, 'notifications-corporatie-read-nl');

      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Notifications');
      await list.getByRole('button', { name: 'Delete all read notifications' }).waitFor();
      await list.getByText('Read notifications are deleted automatically after 90 days, all others after 365 days.').waitFor();
      await expectNoSeriousA11yViolations(page, 'Notifications page with read notifications in English');
      await screenshot(page, 'notifications-corporatie-read-en');
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Meldingen');

      await deleteRead.click();
      await list.getByText('De melding is verwijderd.', { exact: false }).waitFor();
      await list.getByText('Je hebt nog geen meldingen.').waitFor();
      await expectNoSeriousA11yViolations(page, 'Meldingen page after deleting all read');
    } finally {
      await context.close();
    }
  });

  it('tells the analyst, who has none, in plain words', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'analist');
      await waitForPageReady(page);
      await headerLink(page).click();
      await page.waitForURL((url) => url.pathname === '/meldingen');
      await page.getByText('Je hebt nog geen meldingen.').waitFor();
      await expectNoSeriousA11yViolations(page, 'empty Meldingen page');
    } finally {
      await context.close();
    }
  });
});
