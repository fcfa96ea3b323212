import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, menuLink, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The residents' newsletter (issue 15, item 3; docs/newsletter.md) in the browser, with a real SMTP server
 * on localhost: a resident subscribes on a phone and confirms with the mailed link, the programme manager
 * edits the draft and sends it, the resident's mail carries the one-click headers, the archive shows the
 * newsletter, and the resident unsubscribes. axe in Dutch and English.
 */
interface Mail {
  to: string[];
  raw: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let harness: Harness;
const RESIDENT = 'bewoner@example.org';

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1').replace(/=\r\n/g, '') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  harness = await startHarness({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Wijkregie <wijkregie@example.org>' } });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const headingIs = (page: Page, text: string) => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();

/** The path of the last link to `prefix` mailed to the resident. */
async function mailedPath(prefix: string): Promise<string> {
  for (let i = 0; i < 50; i += 1) {
    const found = mails
      .filter((m) => m.to.includes(RESIDENT))
      .map((m) => new RegExp(`https?://[^/\\s]+(${prefix}[A-Za-z0-9_.-]+)`).exec(m.raw)?.[1])
      .filter(Boolean)
      .at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail with ${prefix}`);
}

describe('newsletter', () => {
  it('a resident subscribes on a phone and confirms with the link from the mail', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/bewoners/nieuwsbrief');
      await waitForPageReady(page);
      await headingIs(page, 'Nieuwsbrief voor bewoners');
      await page.getByText('We gebruiken je e-mailadres alleen om je deze nieuwsbrief te sturen.', { exact: false }).waitFor();
      // Nothing chosen: told at the fields, in plain words, and nothing is sent.
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('alert').getByRole('link', { name: 'Gebieden: Kies minstens één gebied.' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'subscribe form with errors, phone');
      expect(mails).toHaveLength(0);

      await page.getByRole('textbox', { name: 'Je e-mailadres' }).fill(RESIDENT);
      await page.getByRole('checkbox', { name: 'Dordt West' }).check();
      await screenshot(page, 'newsletter-subscribe-phone-nl');
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('status').getByText('Kijk in je mailbox').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page, 'subscribe done, phone');
      await screenshot(page, 'newsletter-subscribed-phone-nl');

      await page.goto(await mailedPath('/bewoners/nieuwsbrief/bevestigen/'));
      await waitForPageReady(page);
      await headingIs(page, 'Aanmelding bevestigen');
      await page.getByRole('button', { name: 'Bevestig mijn aanmelding' }).click();
      await page.getByText('Je krijgt voortaan de nieuwsbrief over: Dordt West.').waitFor();
      await expectNoSeriousA11yViolations(page, 'subscription confirmed, phone');
      await screenshot(page, 'newsletter-confirmed-phone-nl');
    } finally {
      await context.close();
    }
  });

  it('the programme manager edits the draft and sends it; the resident gets it with a one-click unsubscribe', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'regisseur');
      await waitForPageReady(page);
      await (await menuLink(page, 'Nieuwsbrief')).click();
      await page.waitForURL((url) => url.pathname === '/nieuwsbrief');
      await waitForPageReady(page);
      const body = page.getByLabel('Tekst', { exact: true });
      await body.waitFor();
      const draft = await body.inputValue();
      expect(draft).toContain('Wat er is gebeurd');
      expect(draft).toContain('Hoe staan de doelen ervoor');
      await page.getByText('1 bewoner heeft zich aangemeld en bevestigd.').waitFor();
      await expectNoSeriousA11yViolations(page, 'newsletter draft');
      await screenshot(page, 'newsletter-draft-nl');

      await page.getByLabel('Titel').fill('Nieuwsbrief Dordt West (browsertest)');
      await body.fill(`Een woord vooraf van het programmabureau.\n\n${draft}`);
      await page.getByRole('button', { name: 'Versturen naar 1 bewoner' }).click();
      await page.getByRole('status').getByText('De nieuwsbrief is verstuurd').waitFor();
      await page.getByText('1 bewoner heeft hem gekregen.', { exact: false }).waitFor();
      await expectNoSeriousA11yViolations(page, 'newsletter sent');
      await screenshot(page, 'newsletter-sent-nl');
      // A next newsletter starts from a fresh draft, not from the text just sent.
      await page.getByRole('button', { name: 'Nieuwe nieuwsbrief maken' }).click();
      await page.getByLabel('Titel').waitFor();
      expect(await page.getByLabel('Titel').inputValue()).not.toBe('Nieuwsbrief Dordt West (browsertest)');
      expect(await page.getByLabel('Tekst', { exact: true }).inputValue()).not.toContain('Een woord vooraf');

      const newsletter = mails.filter((m) => m.to.includes(RESIDENT) && m.raw.includes('Subject: Nieuwsbrief Dordt West (browsertest)'));
      expect(newsletter).toHaveLength(1);
      // Long header lines arrive folded; unfolded they read as sent.
      const headers = (newsletter[0]?.raw ?? '').replace(/\r\n[ \t]+/g, ' ');
      expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/api\/v1\/public\/newsletter\/unsubscribe\/[^>]+>/m);
      expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    } finally {
      await context.close();
    }
  });

  it('the archive shows the newsletter to anyone, in Dutch and English; the resident unsubscribes with one button', async () => {
    const { context, page } = await harness.newPage();
    try {
      await page.goto('/bewoners/nieuwsbrief');
      await waitForPageReady(page);
      await page.getByRole('link', { name: 'Nieuwsbrieven over Dordt West' }).click();
      await headingIs(page, 'Nieuwsbrieven over Dordt West');
      await page.getByText('voorbeeld', { exact: true }).first().waitFor();
      await expectNoSeriousA11yViolations(page, 'newsletter archive');
      await screenshot(page, 'newsletter-archive-nl');
      await page.getByRole('link', { name: 'Nieuwsbrief Dordt West (browsertest)' }).click();
      await headingIs(page, 'Nieuwsbrief Dordt West (browsertest)');
      await page.getByText('Een woord vooraf van het programmabureau.').waitFor();
      await expectNoSeriousA11yViolations(page, 'one newsletter');
      await screenshot(page, 'newsletter-one-nl');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('This newsletter is written in Dutch.').waitFor();
      await expectNoSeriousA11yViolations(page, 'one newsletter, English');
      await page.getByRole('link', { name: 'All newsletters about this area' }).click();
      await headingIs(page, 'Newsletters about Dordt West');
      await expectNoSeriousA11yViolations(page, 'newsletter archive, English');
      await screenshot(page, 'newsletter-archive-en');
      await page.getByRole('button', { name: 'Nederlands' }).click();

      await page.goto(await mailedPath('/bewoners/nieuwsbrief/afmelden/'));
      await waitForPageReady(page);
      await headingIs(page, 'Afmelden voor de nieuwsbrief');
      await expectNoSeriousA11yViolations(page, 'unsubscribe');
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.getByText('We hebben je e-mailadres verwijderd.').waitFor();
      await screenshot(page, 'newsletter-unsubscribed-nl');
      expect(harness.browserProblems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
