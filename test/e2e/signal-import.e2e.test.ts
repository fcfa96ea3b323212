import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The signals CSV import as an analyst uses it: opened from the menu, a good file gives a report (and the
 * same file again says so), a file with bad rows lists line, column and reason and stores nothing.
 */
let harness: Harness;
let analist: { context: BrowserContext; page: Page };

const HEADER = 'external_id;category;occurred_at;lon;lat;address;area_code;description;confidentiality;legal_regime;purpose;retention_until';
const GOOD = `${HEADER}\nE2E-1;verloedering;2026-09-01T08:00:00Z;4,6633;51,8008;;;Zwerfafval bij container;internal;municipal-task;Schoon en heel;\nE2E-2;verloedering;2026-09-02T09:30:00Z;;;;BU05050401;Graffiti op gevel;internal;municipal-task;Schoon en heel;\n`;
const BAD = `${HEADER}\nE2E-3;verloedering;2026-09-03T10:00:00Z;4,6633;51,8008;;;Kapotte lantaarnpaal;internal;municipal-task;Schoon en heel;\nE2E-4;verloedering;2026-09-03T11:00:00Z;4,6633;51,8008;;;Losliggende tegels;internal;municipal-task;;\n`;

const csv = (name: string, content: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });

beforeAll(async () => {
  harness = await startHarness();
  analist = await harness.newPage();
  await login(analist.page, 'analist');
  await waitForPageReady(analist.page);
});

afterAll(async () => {
  await analist?.context.close().catch(() => undefined);
  await harness?.stop();
});

async function upload(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('CSV-bestand').setInputFiles(csv(name, content));
  await page.getByRole('button', { name: 'Importeren' }).click();
}

describe('signal import (analist)', () => {
  it('imports a good file, says so when the same file comes again, and lists every bad row', async () => {
    const { page } = analist;
    await (await menuLink(page, 'Signalen importeren')).click();
    await page.waitForURL((url) => url.pathname === '/signalen-importeren');
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 15_000 }).toBe('Signalen importeren');
    await page.getByRole('table', { name: 'Kolommen van een signalen-CSV' }).waitFor();
    await page.getByLabel('Gemeente').selectOption('GM0505');

    await upload(page, 'meldingen.csv', GOOD);
    const report = page.getByTestId('signal-import-report');
    await report.waitFor({ timeout: 30_000 });
    expect(await report.textContent()).toContain('Geïmporteerd: 2 signalen.');
    expect(await report.textContent()).toContain('Overgeslagen: 0 regels');
    // The report takes focus, so a screen reader reads it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('signal-import-outcome');
    await expectNoSeriousA11yViolations(page, 'the signal import report');
    await screenshot(page, 'signal-import-report');

    await upload(page, 'meldingen.csv', GOOD);
    await page.getByText('Dit bestand was al geïmporteerd').waitFor({ timeout: 30_000 });

    await upload(page, 'meldingen-fout.csv', BAD);
    const table = page.getByRole('table', { name: '1 fout in het bestand' });
    await table.waitFor({ timeout: 30_000 });
    const cells = await table.locator('tbody tr').first().locator('td, th').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('11 purpose');
    expect(cells[2]?.length).toBeGreaterThan(0);
    await page.getByText(/Er is niets opgeslagen/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('signal-import-outcome');
    await expectNoSeriousA11yViolations(page, 'the signal import with bad rows');
    await screenshot(page, 'signal-import-bad-rows');

    // The signals list links to the import for a role that may import.
    await page.goto('/signalen');
    await waitForPageReady(page);
    await page.getByRole('link', { name: 'Signalen importeren (CSV)' }).waitFor();
  });
});
