import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * Issue 13, item 5: after login each person sees their own worklist on the start page. The programme manager
 * sees the corporation's overdue action from the kernteam (to chase), a booking the controller submitted that
 * waits for their approval (not their own € 24.000: four-eyes) and the energy-help overrun, and follows a row
 * to the meeting; in English too. The controller sees the € 24.000 commitment waiting and follows the row to
 * the approvals page. The analyst, who owns nothing, reads plain empty states.
 */

let harness: Harness;
const OWN_BOOKING = 'Factuur straatcoaches (e2e)';

async function apiSession(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const response = await request.post('/api/v1/session', { data: { username, password: 'demo' } });
  expect(response.status()).toBe(200);
  return { 'x-csrf-token': (await response.json()).csrfToken as string };
}

beforeAll(async () => {
  harness = await startHarness();
  // The controller books € 15.000 (above the € 10.000 threshold): it waits for a second person.
  const { context } = await harness.newPage();
  const headers = await apiSession(context.request, 'financien');
  const pending = (await (await context.request.get('/api/v1/finance-entries/pending')).json()).items as { budgetLineId: string }[];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const booking = await context.request.post('/api/v1/finance-entries', {
    headers,
    data: { budgetLineId: pending[0]?.budgetLineId, kind: 'spend', amountCents: 1_500_000, bookedOn: today, description: OWN_BOOKING, documentRef: 'E2E-WORKLIST-1' },
  });
  expect(booking.status()).toBe(201);
  await context.close();
});

afterAll(async () => {
  await harness?.stop();
});

describe('the start page is a worklist', () => {
  it('shows the programme manager what is late, what waits for their approval and what slips, and a row leads to the thing', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'regisseur');
      await waitForPageReady(page);
      expect(await pageHeading(page).textContent()).toBe('Welkom, Demo Programmamanager');

      const overdue = page.locator('#worklist-overdue');
      await overdue.getByRole('heading', { name: 'Te laat (1)' }).waitFor();
      const late = overdue.getByRole('listitem').filter({ hasText: 'Adressenlijst met signalen aanleveren aan politie en gemeente' });
      expect((await late.textContent())?.replace(/\s+/g, ' ')).toMatch(/Actie van Woningcorporatie \(demopartner\) · Kernteam Dordt West · 4 dagen te laat/);

      const waiting = page.locator('#worklist-waiting');
      await waiting.getByRole('link', { name: OWN_BOOKING }).waitFor();
      // Intl puts a no-break space after the euro sign.
      const waitingText = (await waiting.textContent())?.replace(/\s+/g, ' ');
      expect(waitingText).toContain('Uitgave van € 15.000');
      expect(waitingText).toContain('ingediend door Demo Controller');
      // Its own € 24.000 commitment waits for someone else.
      expect(await waiting.textContent()).not.toContain('Opdracht bewonersbegeleiding');

      const signals = page.locator('#worklist-signals');
      await signals.getByRole('link', { name: /Energiehulpen/ }).waitFor();
      expect(await signals.textContent()).toMatch(/Verwachte overschrijding|Boven budget/);
      await page.locator('#worklist-recent').getByText('Niemand anders heeft de afgelopen twee weken iets veranderd').waitFor();
      // No raw codes on screen.
      expect(await page.locator('main').textContent()).not.toMatch(/action_follow_up|finance_entry|over_budget|forecast_overrun|worklist:/);

      await expectNoSeriousA11yViolations(page, 'worklist of the programme manager');
      await screenshot(page, 'worklist-regisseur-nl');

      await late.getByRole('link').click();
      await page.waitForURL((url) => url.pathname.startsWith('/overleggen/'));
      await waitForPageReady(page);
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toContain('Kernteam Dordt West');
      await page.getByText('Adressenlijst met signalen aanleveren aan politie en gemeente').first().waitFor();

      await page.goto('/');
      await waitForPageReady(page);
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Welcome, Demo Programmamanager');
      await page.locator('#worklist-overdue').getByRole('heading', { name: 'Overdue (1)' }).waitFor();
      await page.locator('#worklist-waiting').getByRole('heading', { name: 'Waiting for you (1)' }).waitFor();
      expect((await page.locator('#worklist-overdue').textContent())?.replace(/\s+/g, ' ')).toContain('4 days late');
      expect((await page.locator('#worklist-waiting').textContent())?.replace(/\s+/g, ' ')).toContain('Spend of €15,000');
      await expectNoSeriousA11yViolations(page, 'worklist of the programme manager in English');
      await screenshot(page, 'worklist-regisseur-en');
    } finally {
      await context.close();
    }
  });

  it('shows the controller the commitment waiting for approval, and the row leads to the approvals', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'financien');
      await waitForPageReady(page);
      const waiting = page.locator('#worklist-waiting');
      await waiting.getByRole('heading', { name: 'Wacht op jou (1)' }).waitFor();
      const row = waiting.getByRole('listitem').filter({ hasText: 'Opdracht bewonersbegeleiding tweede fase (demo)' });
      expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Verplichting van € 24.000 · Renovatie en verduurzaming portiekflats Wielwijk · ingediend door Demo Programmamanager');
      // What the controller booked itself waits for someone else.
      expect(await waiting.textContent()).not.toContain(OWN_BOOKING);
      await page.locator('#worklist-signals').getByRole('link', { name: 'Preventie met Gezag' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'worklist of the controller');
      await screenshot(page, 'worklist-financien-nl');

      await row.getByRole('link').click();
      await page.waitForURL((url) => url.pathname === '/financien/accordering');
      await waitForPageReady(page);
      await page.getByText('Opdracht bewonersbegeleiding tweede fase (demo)').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('tells the analyst, who owns nothing, in plain words that nothing waits', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'analist');
      await waitForPageReady(page);
      await page.getByText('Er staat niets voor je klaar.').waitFor();
      for (const text of ['Je hebt geen acties die te laat zijn.', 'Er wacht niets op jouw goedkeuring.', 'Er zijn geen signaleringen over wat jij beheert.']) await page.getByText(text).waitFor();
      expect(await page.locator('.wr-worklist__row').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'empty worklist');
      await screenshot(page, 'worklist-analist-nl');
    } finally {
      await context.close();
    }
  });
});
