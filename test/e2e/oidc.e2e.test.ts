import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../support/test-idp';
import { expectNoSeriousA11yViolations, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { findFreePort, startHarness, type Harness } from './harness';

/**
 * OIDC login in a real browser: the button on the login page, the round trip through a real OpenID
 * Provider on another site (localhost vs 127.0.0.1, so the flow cookie must survive a cross-site
 * redirect as SameSite=Lax), and the message on the login page when the login is refused.
 */

let idp: TestIdp;
let harness: Harness;
let browser: { context: BrowserContext; page: Page };

beforeAll(async () => {
  const port = await findFreePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  idp = await startTestIdp({ redirectUri: `${publicUrl}/api/v1/session/oidc/callback` });
  idp.accounts.set('sub-regisseur', { claims: { preferred_username: 'regisseur' } });
  idp.accounts.set('sub-onbekend', { claims: { preferred_username: 'onbekend' } });
  harness = await startHarness({
    port,
    env: { PUBLIC_URL: publicUrl, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_LABEL: 'Inloggen met Gemeente-account' },
  });
  browser = await harness.newPage();
});

afterAll(async () => {
  await browser?.context.close().catch(() => undefined);
  await harness?.stop();
  await idp?.close();
});

describe('OIDC login', () => {
  it('explains a refused login on the login page, accessibly', async () => {
    const { page } = browser;
    idp.nextLogin = { sub: 'sub-onbekend' };
    await page.goto('/login');
    await page.getByRole('link', { name: 'Inloggen met Gemeente-account' }).click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('oidc') === 'unknown_user');
    await page.getByRole('alert').filter({ hasText: 'Er is geen Wijkregie-account' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the login page after a refused OIDC login');
    await screenshot(page, 'oidc-refused');
  });

  it('logs in through the identity provider and lands on the home page', async () => {
    // A new browser: the provider remembers who logged in last in the old one (single sign-on).
    await browser.context.close();
    browser = await harness.newPage();
    const { page } = browser;
    idp.nextLogin = { sub: 'sub-regisseur' };
    await page.goto('/login');
    await page.getByRole('link', { name: 'Inloggen met Gemeente-account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toMatch(/^Welkom, /);
    const cookies = await browser.context.cookies();
    expect(cookies.find((c) => c.name === 'wr_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'wr_oidc_flow')).toBeUndefined();
  });
});

it('ran under the strict CSP without a violation or an uncaught error', () => {
  expect(harness.browserProblems()).toEqual([]);
});
