import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3112';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const user = process.argv[2] ?? 'regisseur';
const paths = process.argv.slice(3);
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(base + '/');
await page.getByLabel('Gebruikersnaam').fill(user);
await page.getByLabel('Wachtwoord').fill('demo');
await page.getByRole('button', { name: 'Inloggen' }).click();
await page.waitForTimeout(2500);
await page.screenshot({ path: `/tmp/shots/${user}-home.png`, fullPage: true });
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(3500);
  await page.screenshot({ path: `/tmp/shots/${user}${p.replace(/\//g, '_')}.png`, fullPage: false });
}
await browser.close();
