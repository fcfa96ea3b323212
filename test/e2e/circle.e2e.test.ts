import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/modules/circle/bundle/canonical';
import { newKeyPair, signText } from '../../src/modules/circle/bundle/keys';
import { BUNDLE_FORMAT, type Bundle } from '../../src/modules/circle/contract';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady } from './app-actions';
import { REPO_ROOT, startHarness, type Harness } from './harness';

/**
 * The learning circle in the Dordrecht demo, a circle of two with Baarn (data/demo/circle/): the programme
 * manager finds the circle in the menu and Baarn's items, writes a lesson and shares it, downloads a signed
 * bundle that holds it, opens Baarn's illustrative lesson, searches lessons (own and received), sees that the
 * median needs five municipalities, reads the four-part meeting, and gets a plain refusal when importing
 * Baarn's bundle a second time. The administrator sees the keys with fingerprints. A member added here with a
 * fresh key sends an evaluation: it shows in full and its factors are found by the search. Axe clean throughout.
 */

let harness: Harness;
let manager: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  manager = await harness.newPage();
  await login(manager.page, 'regisseur');
  await waitForPageReady(manager.page);
});

afterAll(async () => {
  await manager?.context.close().catch(() => undefined);
  await harness?.stop();
});

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const BAARN_LESSON = 'Inloopspreekuur geldzorgen in de bibliotheek (voorbeeld)';
const OWN_LESSON = 'Buurtpreventie-app samen met de wijkagent';

describe('Lerende kring (programmamanager)', () => {
  it('opens the circle from the menu: Baarn is a member and its items are listed', async () => {
    const { page } = manager;
    await (await menuLink(page, 'Lerende kring')).click();
    await page.waitForURL((url) => url.pathname === '/kring');
    await waitForPageReady(page);
    await expect.poll(() => pageHeading(page).textContent()).toBe('Lerende kring');
    const members = page.getByRole('region', { name: 'Leden', exact: true });
    await members.getByRole('rowheader', { name: 'Gemeente Baarn' }).waitFor();
    expect(plain(await members.textContent())).toContain('Deze installatie doet mee als Gemeente Dordrecht.');
    const received = page.getByRole('region', { name: 'Ontvangen van andere leden' });
    await received.getByRole('link', { name: BAARN_LESSON }).waitFor();
    expect(plain(await received.textContent())).toContain('Trend van een indicator');
    // Baarn made its lesson up for the demo: the list says so.
    expect(plain(await received.getByRole('row').filter({ hasText: BAARN_LESSON }).textContent())).toContain('illustratief');
    await expectNoSeriousA11yViolations(page, 'circle overview');
    await screenshot(page, 'circle-overview');
  });

  it('writes a lesson and shares it with the circle', async () => {
    const { page } = manager;
    await page.getByRole('navigation', { name: 'Onderdelen van de lerende kring' }).getByRole('link', { name: 'Lessen zoeken' }).click();
    await page.waitForURL((url) => url.pathname === '/kring/lessen');
    const form = page.getByRole('region', { name: 'Les opschrijven' });
    // Empty first: the refusal is in plain words, nothing is saved.
    await form.getByRole('button', { name: 'Les bewaren' }).click();
    await form.getByText('Vul dit in.').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'lesson form errors');
    await form.getByLabel('Titel', { exact: true }).fill(OWN_LESSON);
    await form.getByLabel('Wat heb je geleerd?').fill('Bewoners meldden meer toen de wijkagent zelf uitlegde wat er met meldingen in de buurtpreventie-app gebeurt.');
    await form.getByLabel('Thema', { exact: true }).fill('Veiligheid');
    await form.getByLabel(/^Trefwoorden/).fill('buurtpreventie, wijkagent');
    await form.getByRole('button', { name: 'Les bewaren' }).click();
    await form.getByText('De les is bewaard.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: OWN_LESSON, level: 3 }).waitFor();
    await screenshot(page, 'circle-lesson-written');

    await page.getByRole('navigation', { name: 'Onderdelen van de lerende kring' }).getByRole('link', { name: 'Overzicht' }).click();
    await page.waitForURL((url) => url.pathname === '/kring');
    const share = page.getByLabel(`Delen van ${OWN_LESSON}`);
    await expect.poll(() => share.inputValue()).toBe('internal');
    await share.selectOption({ label: 'Kring' });
    await expect.poll(async () => page.evaluate(async () => ((await (await fetch('/api/v1/circle/shares')).json()) as { items: { title: string; level: string }[] }).items)).toContainEqual(
      expect.objectContaining({ title: OWN_LESSON, level: 'circle' }),
    );
    await page.reload();
    await waitForPageReady(page);
    await expect.poll(() => page.getByLabel(`Delen van ${OWN_LESSON}`).inputValue()).toBe('circle');
    await expectNoSeriousA11yViolations(page, 'circle sharing');
    await screenshot(page, 'circle-shared');
  });

  it('downloads a signed bundle that holds the shared lesson', async () => {
    const { page } = manager;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Bundel downloaden' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kring-GM0505-\d+\.json$/);
    const bundle = JSON.parse(readFileSync((await file.path())!, 'utf8')) as Bundle;
    expect(bundle.issuer).toMatchObject({ name: 'Gemeente Dordrecht', municipalityCode: 'GM0505' });
    expect(bundle.items.map((item) => item.title)).toContain(OWN_LESSON);
    expect(bundle.signature.length).toBeGreaterThan(40);
    await page.getByText(/^Bundel gemaakt met \d+ onderde(el|len)\.$/).waitFor();
    await screenshot(page, 'circle-bundle-downloaded');
  });

  it('refuses Baarn’s bundle a second time in plain words', async () => {
    const { page } = manager;
    await page.getByLabel('Bundel van een lid inlezen').setInputFiles(path.join(REPO_ROOT, 'data', 'demo', 'circle', 'baarn.bundle.json'));
    await page.getByRole('alert').filter({ hasText: 'Deze bundel is niet nieuwer dan de laatste die je van dit lid inlas. Er is niets veranderd.' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'circle import refused');
    await screenshot(page, 'circle-import-replayed');
  });

  it('opens Baarn’s lesson, marked illustrative', async () => {
    const { page } = manager;
    await page.getByRole('region', { name: 'Ontvangen van andere leden' }).getByRole('link', { name: BAARN_LESSON }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/kring/ontvangen/'));
    await expect.poll(() => pageHeading(page).textContent()).toBe(BAARN_LESSON);
    await page.getByText('Illustratief voorbeeld').waitFor();
    await page.getByText('Les van Gemeente Baarn').waitFor();
    await expectNoSeriousA11yViolations(page, 'circle received lesson');
    await screenshot(page, 'circle-received-lesson');
  });

  it('finds lessons by words, its own and Baarn’s', async () => {
    const { page } = manager;
    await page.getByRole('navigation', { name: 'Onderdelen van de lerende kring' }).getByRole('link', { name: 'Lessen zoeken' }).click();
    await page.waitForURL((url) => url.pathname === '/kring/lessen');
    const search = page.getByRole('search');
    await search.getByLabel('Zoek in lessen').fill('bibliotheek');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    const results = page.getByRole('list', { name: 'Gevonden lessen' });
    await results.getByRole('link', { name: BAARN_LESSON }).waitFor();
    expect(plain(await results.textContent())).toContain('van Gemeente Baarn');
    await search.getByLabel('Zoek in lessen').fill('wijkagent');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    await results.getByRole('link', { name: OWN_LESSON }).waitFor();
    await expectNoSeriousA11yViolations(page, 'circle lesson search');
    await screenshot(page, 'circle-search');
  });

  it('says the median needs five municipalities and shows no figures', async () => {
    const { page } = manager;
    await page.getByRole('navigation', { name: 'Onderdelen van de lerende kring' }).getByRole('link', { name: 'Vergelijken met de kring' }).click();
    await page.waitForURL((url) => url.pathname === '/kring/vergelijken');
    await page.getByLabel('Indicator', { exact: true }).selectOption({ label: 'Huishoudens met een laag inkomen (gedeeld door 1 gemeente)' });
    await page.getByText('Te weinig gemeenten om te vergelijken').waitFor();
    await page.getByText(/Een vergelijking met de kring kan pas vanaf 5 gemeenten/).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'circle median too few');
    await screenshot(page, 'circle-median');
  });

  it('reads the illustrative circle meeting in its four parts', async () => {
    const { page } = manager;
    await page.getByRole('navigation', { name: 'Onderdelen van de lerende kring' }).getByRole('link', { name: 'Bijeenkomsten' }).click();
    await page.waitForURL((url) => url.pathname === '/kring/bijeenkomsten');
    await page.getByRole('link', { name: /^Bijeenkomst van 12 november 2026 in Gemeente Dordrecht$/ }).click();
    await page.waitForURL((url) => /^\/kring\/bijeenkomsten\/[0-9a-f-]{36}$/.test(url.pathname));
    for (const part of ['Nieuwsronde', 'Intervisie', 'Thema', 'Projectbezoek']) await page.getByRole('heading', { name: part, level: 3 }).waitFor();
    await page.getByText('Illustratief voorbeeld').waitFor();
    await page.getByText('Straatcoaches eerst, camera’s later (voorbeeld)').waitFor();
    await expectNoSeriousA11yViolations(page, 'circle meeting');
    await screenshot(page, 'circle-meeting');
  });
});

describe('Lerende kring: sleutels (beheerder)', () => {
  it('shows this installation’s fingerprint and Baarn’s key, in Dutch and English', async () => {
    const { context, page } = await harness.newPage();
    try {
      await login(page, 'beheerder');
      await waitForPageReady(page);
      await (await menuLink(page, 'Lerende kring: sleutels')).click();
      await page.waitForURL((url) => url.pathname === '/beheer/kring');
      await expect.poll(async () => plain(await page.getByTestId('own-fingerprint').textContent())).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
      const members = page.getByRole('region', { name: 'Leden en hun sleutels' });
      await members.getByRole('rowheader', { name: 'Gemeente Baarn' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'circle keys');
      await screenshot(page, 'circle-keys');
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => pageHeading(page).textContent()).toBe('Learning circle: keys');
      await page.getByRole('region', { name: 'Members and their keys' }).getByRole('rowheader', { name: 'Gemeente Baarn' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'circle keys, English');
      await screenshot(page, 'circle-keys-en');
    } finally {
      await context.close();
    }
  });
});

describe('Een evaluatie van een ander lid', () => {
  // A second member made here with a fresh key: Baarn's key was not kept, so its bundle cannot grow an evaluation.
  const zwolle = { keys: newKeyPair(), name: 'Gemeente Zwolle', code: 'GM0193' };
  const EVALUATION = 'Eindevaluatie Holtenbroek';

  it('the administrator adds the member, the programme manager reads in its bundle and opens the evaluation', async () => {
    const admin = await harness.newPage();
    try {
      await login(admin.page, 'beheerder');
      await waitForPageReady(admin.page);
      await admin.page.goto(`${harness.baseUrl}/beheer/kring`);
      // The keys test above left this user's language on English.
      await admin.page.getByRole('button', { name: 'Nederlands' }).click();
      const form = admin.page.getByRole('region', { name: 'Lid toevoegen' });
      await form.getByLabel('Naam').fill(zwolle.name);
      await form.getByLabel('CBS-gemeentecode').fill(zwolle.code);
      await form.getByLabel('Publieke sleutel').fill(zwolle.keys.publicKey);
      await form.getByRole('button', { name: 'Lid toevoegen' }).click();
      await form.getByText('Lid toegevoegd.', { exact: false }).waitFor();
    } finally {
      await admin.context.close();
    }

    const payload = {
      title: EVALUATION,
      programmeName: 'Wijkaanpak Holtenbroek',
      areaName: 'Holtenbroek',
      kind: 'final',
      peildatum: '2026-06-30',
      status: 'established',
      isIllustrative: true,
      criteria: [
        { framework: 'Platform31 — zes lessen', criterion: 'Lange adem', medianScore: 4, conclusion: 'De raad bleef tien jaar achter de aanpak staan.' },
        { framework: 'Platform31 — zes lessen', criterion: 'Klein beginnen', medianScore: 2.5, conclusion: 'Te veel tegelijk in het eerste jaar.' },
      ],
      successFactors: [{ title: 'Vaste wijkteams', explanation: 'Dezelfde gezichten in de straten, jaren achter elkaar.' }],
      failureFactors: [{ title: 'Te brede start', explanation: 'Twaalf projecten in het eerste jaar.' }],
    };
    const unsigned = { format: BUNDLE_FORMAT, issuer: { name: zwolle.name, municipalityCode: zwolle.code, publicKey: zwolle.keys.publicKey }, sequence: 1, createdAt: new Date().toISOString(), items: [{ kind: 'evaluation', key: 'e1', level: 'circle' as const, title: EVALUATION, payload }] };
    const bundle = JSON.stringify({ ...unsigned, signature: signText(zwolle.keys.privateKey, canonicalJson(unsigned)) });

    const { page } = manager;
    await page.goto(`${harness.baseUrl}/kring`);
    await waitForPageReady(page);
    await page.getByRole('region', { name: 'Ontvangen van andere leden' }).getByRole('table').waitFor();
    await page.getByLabel('Bundel van een lid inlezen').setInputFiles({ name: 'zwolle.bundle.json', mimeType: 'application/json', buffer: Buffer.from(bundle) });
    await page.getByText('Bundel van Gemeente Zwolle ingelezen: 1 onderdeel, 0 ingetrokken.').waitFor();
    await page.getByRole('region', { name: 'Ontvangen van andere leden' }).getByRole('link', { name: EVALUATION }).click();
    await expect.poll(() => pageHeading(page).textContent()).toBe(EVALUATION);
    await page.getByText('Evaluatie van Gemeente Zwolle').waitFor();
    await page.getByText('Illustratief voorbeeld').waitFor();
    const table = page.getByRole('table', { name: 'Uitkomst per beoordelingspunt' });
    await expect.poll(async () => plain(await table.getByRole('row').nth(2).textContent())).toMatch(/Klein beginnen.*2,5.*Te veel tegelijk in het eerste jaar\./);
    await page.getByText('Vaste wijkteams', { exact: false }).waitFor();
    await page.getByText('Te brede start', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'circle received evaluation');
    await screenshot(page, 'circle-received-evaluation');
  });

  it('finds the evaluation\'s factors by a word in the lesson search', async () => {
    const { page } = manager;
    await page.goto(`${harness.baseUrl}/kring/lessen`);
    await page.getByLabel('Zoek in lessen').fill('wijkteam');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const results = page.getByRole('list', { name: 'Gevonden lessen' });
    await results.getByRole('link', { name: EVALUATION }).waitFor();
    await results.getByText('evaluatie van Gemeente Zwolle').waitFor();
  });
});

describe('Openbaar gedeelde lessen (bewoners)', () => {
  it('a lesson set to public is on the residents’ page without login, and leaves it when set back', async () => {
    const { page } = manager;
    await page.goto(`${harness.baseUrl}/kring`);
    await waitForPageReady(page);
    await page.getByLabel(`Delen van ${OWN_LESSON}`).selectOption({ label: 'Openbaar' });
    await expect.poll(async () => page.evaluate(async () => ((await (await fetch('/api/v1/circle/shares')).json()) as { items: { title: string; level: string }[] }).items)).toContainEqual(
      expect.objectContaining({ title: OWN_LESSON, level: 'public' }),
    );

    const resident = await harness.newPage();
    try {
      await resident.page.goto(`${harness.baseUrl}/openbaar`);
      await waitForPageReady(resident.page);
      await resident.page.getByRole('link', { name: 'Wat we leerden: lessen uit de lerende kring' }).click();
      await resident.page.waitForURL((url) => url.pathname === '/openbaar/lessen');
      await expect.poll(() => pageHeading(resident.page).textContent()).toBe('Wat we leerden');
      await resident.page.getByRole('heading', { name: OWN_LESSON }).waitFor();
      await resident.page.getByText('Bewoners meldden meer toen de wijkagent zelf uitlegde', { exact: false }).waitFor();
      // Baarn's lesson came from another municipality: never on this municipality's public page.
      expect(await resident.page.getByText(BAARN_LESSON).count()).toBe(0);
      await expectNoSeriousA11yViolations(resident.page, 'public lessons');
      await screenshot(resident.page, 'public-lessons');

      await page.getByLabel(`Delen van ${OWN_LESSON}`).selectOption({ label: 'Kring' });
      await expect.poll(async () => page.evaluate(async () => ((await (await fetch('/api/v1/circle/shares')).json()) as { items: { title: string; level: string }[] }).items)).toContainEqual(
        expect.objectContaining({ title: OWN_LESSON, level: 'circle' }),
      );
      // Browsers may reuse the public answer for a minute (Cache-Control max-age=60); the server has dropped it at once.
      await expect.poll(async () => resident.page.evaluate(async () => ((await (await fetch('/api/v1/public/lessons', { cache: 'no-store' })).json()) as { items: unknown[] }).items.length)).toBe(0);
    } finally {
      await resident.context.close();
    }
  });
});


describe('Een eigen les wijzigen en verwijderen (programmamanager)', () => {
  const CHANGED = 'Buurtpreventie-app: de wijkagent legt uit';

  it('changes the lesson in place, then deletes it after a confirmation', async () => {
    const { page } = manager;
    await page.goto(`${harness.baseUrl}/kring/lessen`);
    await waitForPageReady(page);
    const article = page.locator('article', { has: page.getByRole('heading', { name: OWN_LESSON, level: 3 }) });
    await article.getByRole('button', { name: 'Wijzigen' }).click();
    // The lesson is shared with the circle: the form says when the others see the change.
    await article.getByText('De andere gemeenten zien je wijziging als je een nieuwe bundel maakt', { exact: false }).waitFor();
    await article.getByLabel('Titel', { exact: true }).fill('');
    await article.getByRole('button', { name: 'Wijziging bewaren' }).click();
    await article.getByText('Vul dit in.').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'lesson edit errors');
    await screenshot(page, 'circle-lesson-edit');
    await article.getByLabel('Titel', { exact: true }).fill(CHANGED);
    await article.getByRole('button', { name: 'Wijziging bewaren' }).click();
    const changed = page.locator('article', { has: page.getByRole('heading', { name: CHANGED, level: 3 }) });
    await changed.getByRole('button', { name: 'Wijzigen' }).waitFor();
    expect(await page.getByRole('heading', { name: OWN_LESSON, level: 3 }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'lesson changed');
    await screenshot(page, 'circle-lesson-changed');

    await changed.getByRole('button', { name: 'Verwijderen' }).click();
    await changed.getByText('Hij staat ook niet meer in de volgende bundel die je maakt', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'lesson delete confirmation');
    await screenshot(page, 'circle-lesson-delete-confirm');
    await changed.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByText(`De les ‘${CHANGED}’ is verwijderd.`).waitFor();
    expect(await page.getByRole('heading', { name: CHANGED, level: 3 }).count()).toBe(0);
  });
});

describe('Intrekken en een nieuwe sleutel (beheerder)', () => {
  it('revokes Zwolle with a reason: it stays listed with date and reason, and its evaluation is gone', async () => {
    const admin = await harness.newPage();
    try {
      await login(admin.page, 'beheerder');
      await waitForPageReady(admin.page);
      await admin.page.goto(`${harness.baseUrl}/beheer/kring`);
      const members = admin.page.getByRole('region', { name: 'Leden en hun sleutels' });
      await members.getByRole('button', { name: 'Gemeente Zwolle intrekken' }).click();
      const form = admin.page.getByRole('form', { name: 'Sleutel van Gemeente Zwolle intrekken' });
      await form.getByText('Alles wat je van Gemeente Zwolle ontving, verdwijnt hier meteen', { exact: false }).waitFor();
      await form.getByRole('button', { name: 'Sleutel van Gemeente Zwolle intrekken' }).click();
      await form.getByText('Schrijf op waarom je de sleutel intrekt.').first().waitFor();
      await expectNoSeriousA11yViolations(admin.page, 'circle revoke form');
      await form.getByLabel('Reden').fill('De sleutel stond op een gestolen laptop');
      await screenshot(admin.page, 'circle-revoke-form');
      await form.getByRole('button', { name: 'Sleutel van Gemeente Zwolle intrekken' }).click();
      await admin.page.getByText('De sleutel van Gemeente Zwolle is ingetrokken.').waitFor();
      const revoked = admin.page.getByRole('region', { name: 'Ingetrokken leden' });
      const row = revoked.getByRole('row').filter({ hasText: 'Gemeente Zwolle' });
      await row.waitFor();
      expect(plain(await row.textContent())).toContain('De sleutel stond op een gestolen laptop');
      expect(await members.getByRole('rowheader', { name: 'Gemeente Zwolle' }).count()).toBe(0);
      await expectNoSeriousA11yViolations(admin.page, 'circle revoked');
      await screenshot(admin.page, 'circle-revoked');

      const before = plain(await admin.page.getByTestId('own-fingerprint').textContent());
      await admin.page.getByRole('button', { name: 'Nieuwe sleutel maken' }).click();
      await admin.page.getByText('de volgende bundel die je maakt, bevat de nieuwe sleutel, ondertekend met de oude', { exact: false }).waitFor();
      await expectNoSeriousA11yViolations(admin.page, 'circle rotation confirmation');
      await screenshot(admin.page, 'circle-rotation-confirm');
      await admin.page.getByRole('button', { name: 'Ja, nieuwe sleutel maken' }).click();
      await admin.page.getByText('Er is een nieuwe sleutel gemaakt.', { exact: false }).waitFor();
      await expect.poll(async () => plain(await admin.page.getByTestId('own-fingerprint').textContent())).not.toBe(before);
      expect(plain(await admin.page.getByTestId('rotation-info').textContent())).toContain(before);
      await expectNoSeriousA11yViolations(admin.page, 'circle rotated');
      await screenshot(admin.page, 'circle-rotated');
      await admin.page.getByRole('button', { name: 'English' }).click();
      await admin.page.getByRole('region', { name: 'Revoked members' }).getByRole('row').filter({ hasText: 'Gemeente Zwolle' }).waitFor();
      await admin.page.getByRole('button', { name: 'Revoke Gemeente Baarn' }).waitFor();
      await admin.page.getByRole('button', { name: 'Make a new key' }).click();
      await admin.page.getByText('Members that registered the old key take over the new one automatically', { exact: false }).waitFor();
      await expectNoSeriousA11yViolations(admin.page, 'circle rotation, English');
      await screenshot(admin.page, 'circle-rotation-confirm-en');
      await admin.page.getByRole('button', { name: 'Cancel' }).click();
      await admin.page.getByRole('button', { name: 'Nederlands' }).click();
    } finally {
      await admin.context.close();
    }

    const { page } = manager;
    await page.goto(`${harness.baseUrl}/kring`);
    await waitForPageReady(page);
    await page.getByRole('region', { name: 'Ontvangen van andere leden' }).getByRole('link', { name: BAARN_LESSON }).waitFor();
    expect(await page.getByText('Eindevaluatie Holtenbroek').count()).toBe(0);
    // The next bundle carries the new key, signed with the old one.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Bundel downloaden' }).click();
    const bundle = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as Bundle;
    expect(bundle.rotation?.previousFingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });
});
