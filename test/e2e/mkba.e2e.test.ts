import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LinkableGoal, MkbaDetail, MkbaResult, MkbaSummary } from '../../src/modules/learning/contract';
import { expectNoSeriousA11yViolations, login, menuLink, pageHeading, screenshot, waitForPageReady, scrollIntoView } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The analyst opens the demo MKBA of Dordt West (marked as an example), adds a benefit line and sees the NCW
 * change by its present value, changes the line in place and sees the NCW follow (and deletes it again),
 * renames a measure, ties a benefit to a goal of the area's programme and sees the result change (and the goal's
 * page say it is used in the MKBA), downloads
 * the report as PDF, tries another discount rate without a justification (refused in plain Dutch) and with
 * one (accepted), and reads the sensitivity table with the turns in words. Dutch and English, axe clean.
 */

let harness: Harness;
let analyst: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  analyst = await harness.newPage();
  await login(analyst.page, 'analist');
  await waitForPageReady(analyst.page);
});

afterAll(async () => {
  await analyst?.context.close().catch(() => undefined);
  await harness?.stop();
});

/** Text as a reader sees it: every run of white space (no-break spaces too) as one space. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const euros = (cents: number, locale = 'nl-NL') => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100));

async function get<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url)).json(), url) as Promise<T>;
}

describe('MKBA (analist)', () => {
  let mkbaId = '';
  let first: MkbaResult['alternatives'][number];

  it('opens the demo MKBA of Dordt West from the planning menu, marked as an example', async () => {
    const { page } = analyst;
    await (await menuLink(page, 'MKBA')).click();
    await page.waitForURL((url) => url.pathname === '/mkba');
    await waitForPageReady(page);
    await page.getByRole('heading', { name: 'Dordt West', level: 3 }).waitFor();
    const demo = (await get<{ items: MkbaSummary[] }>(page, '/api/v1/mkbas')).items.find((m) => m.isDemo);
    expect(demo).toBeDefined();
    mkbaId = demo!.id;
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: demo!.name }) });
    expect(plain(await item.textContent())).toContain('Voorbeeld');
    await expectNoSeriousA11yViolations(page, 'MKBA list');
    await screenshot(page, 'mkba-list');

    await page.getByRole('link', { name: demo!.name }).click();
    await page.waitForURL((url) => url.pathname === `/mkba/${mkbaId}`);
    await expect.poll(() => pageHeading(page).textContent(), { timeout: 30_000 }).toBe(demo!.name);
    await page.getByText('Voorbeeld: de bedragen zijn verzonnen').waitFor();
    first = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent())).toContain(euros(first.ncwCents));
    await expectNoSeriousA11yViolations(page, 'MKBA detail');
  });

  it('adds a benefit line and sees the NCW change by its present value, then deletes it', async () => {
    const { page } = analyst;
    const section = page.getByRole('region', { name: 'Integrale aanpak', exact: true });
    const add = section.getByRole('form', { name: 'Kosten of baten toevoegen' });
    await add.getByLabel('Soort', { exact: true }).selectOption({ label: 'Baten' });
    await add.getByLabel('Partij', { exact: true }).selectOption({ label: 'Politie' });
    await add.getByLabel('Jaar', { exact: true }).selectOption('2027');
    await add.getByLabel(/^Bedrag in euro's/).fill('51.125');
    await add.getByLabel(/^Omschrijving/).fill('Minder inzet bij uitgaansoverlast (voorbeeld)');
    await add.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await add.getByText('Toegevoegd. De uitkomst is bijgewerkt.').waitFor();
    // € 51.125 in 2027 at 2.25 % is worth € 50.000 in 2026: 5112500 / 1.0225 = 5000000 cents.
    const expected = first.ncwCents + 5_000_000;
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent()), { timeout: 15_000 }).toContain(euros(expected));
    const after = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    expect(after.ncwCents).toBe(expected);
    await screenshot(page, 'mkba-line-added');

    // Changed in place from the list of all lines: twice the amount, so twice the present value.
    await section.locator('summary', { hasText: 'Alle regels' }).click();
    const row = section.getByRole('row').filter({ hasText: 'Minder inzet bij uitgaansoverlast' });
    await screenshot(page, 'mkba-lines-open');
    const editButton = row.getByRole('button', { name: /^Wijzigen/ });
    expect(plain(await editButton.textContent())).toBe('Wijzigen: Baten, Politie, 2027: Minder inzet bij uitgaansoverlast (voorbeeld)');
    await editButton.click();
    const edit = section.getByRole('form', { name: 'Regel wijzigen: Politie, 2027' });
    // The form opens with the focus on its heading, so a keyboard or screen reader user lands in it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Regel wijzigen: Politie, 2027');
    expect(await edit.getByLabel(/^Bedrag in euro's/).inputValue()).toBe('51125');
    await edit.getByLabel(/^Bedrag in euro's/).fill('');
    await edit.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Bedrag' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'MKBA line edit refused');
    await screenshot(page, 'mkba-line-edit-refused');
    await edit.getByLabel(/^Bedrag in euro's/).fill('102.250');
    await edit.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await edit.waitFor({ state: 'detached' });
    // Back on the line's own button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Wijzigen: Baten, Politie, 2027');
    // € 102.250 in 2027 is worth € 100.000 in 2026.
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent()), { timeout: 15_000 }).toContain(euros(first.ncwCents + 10_000_000));
    expect((await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!.ncwCents).toBe(first.ncwCents + 10_000_000);
    await screenshot(page, 'mkba-line-edited');

    // Deleted again from the list of all lines: the NCW is back where it was.
    const before = first.ncwCents;
    const deleteButton = row.getByRole('button', { name: /^Verwijderen/ });
    expect(plain(await deleteButton.textContent())).toBe('Verwijderen: Baten, Politie, 2027: Minder inzet bij uitgaansoverlast (voorbeeld)');
    await deleteButton.click();
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent()), { timeout: 15_000 }).toContain(euros(before));
    await expectNoSeriousA11yViolations(page, 'MKBA lines open');
    await screenshot(page, 'mkba-line-deleted');
    first = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    expect(first.ncwCents).toBe(before);
  });

  it('renames a measure in place, with the keyboard', async () => {
    const { page } = analyst;
    const section = page.getByRole('region', { name: 'Integrale aanpak', exact: true });
    const button = section.getByRole('button', { name: /^Naam wijzigen\s*:\s*Jongerenwerk en straatcoaches$/ });
    await button.focus();
    await page.keyboard.press('Enter');
    const field = section.getByLabel('Naam van de maatregel');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    // An empty name is refused in words, and nothing changes.
    await field.fill('');
    await page.keyboard.press('Enter');
    await section.getByText('Vul dit in.').first().waitFor();
    await screenshot(page, 'mkba-rename-refused');
    await field.fill('Jongerenwerk, straatcoaches en buurtsport');
    await page.keyboard.press('Enter');
    await section.getByRole('listitem').filter({ hasText: 'Jongerenwerk, straatcoaches en buurtsport' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Naam wijzigen: Jongerenwerk, straatcoaches en buurtsport');
    const detail = await get<MkbaDetail>(page, `/api/v1/mkbas/${mkbaId}`);
    expect(detail.alternatives[0]!.measures.map((m) => m.name)).toContain('Jongerenwerk, straatcoaches en buurtsport');
    await expectNoSeriousA11yViolations(page, 'MKBA measure renamed');
    await screenshot(page, 'mkba-measure-renamed');
  });

  it('ties a benefit to a goal of the area and sees the result change, with the goal and its figures', async () => {
    const { page } = analyst;
    const second = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    expect(second.linkedBenefits).toEqual([]);
    const goals = (await get<{ items: LinkableGoal[] }>(page, `/api/v1/mkbas/${mkbaId}/linkable-goals`)).items;
    const goal = goals.find((g) => g.name === 'Voorbeeld: Dordt West groeit naar 33.000 inwoners in 2030')!;
    expect(goal).toBeDefined();
    const section = page.getByRole('region', { name: 'Alleen herinrichting', exact: true });
    const form = section.getByRole('form', { name: 'Baat koppelen aan een doel' });
    // Without a goal, a value or its source: said per field, nothing saved.
    await form.getByRole('button', { name: 'Baat koppelen' }).click();
    await form.getByText('Kies een doel.').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'MKBA linked benefit refused');
    await form.getByLabel('Doel', { exact: true }).selectOption({ label: `${goal.name} (${goal.indicatorName})` });
    await form.getByLabel('Partij die er baat bij heeft').selectOption({ label: 'Gemeente' });
    await form.getByLabel(/^Waarde per eenheid/).fill('10');
    await form.getByLabel(/^Bron van de waarde per eenheid/).fill('Illustratief: voorbeeldwaarde per extra inwoner');
    await form.getByRole('button', { name: 'Baat koppelen' }).click();
    await form.getByText('Toegevoegd. De uitkomst is bijgewerkt.').waitFor();
    const after = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    const linked = after.linkedBenefits[0]!;
    expect(linked).toMatchObject({ state: 'ok', actor: 'gemeente', unitValueCents: 1000, goal: { name: goal.name } });
    expect(linked.pvCents).toBeGreaterThan(0);
    // The NCW goes up by the linked benefit's present value (a cent apart at most: each is rounded on its own).
    expect(Math.abs(after.ncwCents - (second.ncwCents + linked.pvCents))).toBeLessThanOrEqual(1);
    const result = page.getByTestId(`result-${second.alternativeId}`);
    await expect.poll(async () => plain(await result.getByTestId('ncw').textContent()), { timeout: 15_000 }).toContain(euros(after.ncwCents));
    const row = result.getByRole('row').filter({ hasText: goal.name });
    expect(plain(await row.textContent())).toContain(euros(linked.pvCents));
    expect(plain(await row.textContent())).toContain(`nulmeting ${plain(new Intl.NumberFormat('nl-NL').format(linked.goal!.baseline))}`);
    await expectNoSeriousA11yViolations(page, 'MKBA linked benefit');
    await scrollIntoView(row);
    await screenshot(page, 'mkba-linked-benefit');

    // The goal's page says the MKBA uses it, and leads back.
    await page.goto(`/programmas/${linked.goal!.programmeId}/doelen/${linked.goalId}`);
    await waitForPageReady(page);
    const use = page.getByText('Gebruikt in een MKBA');
    await use.waitFor();
    await expectNoSeriousA11yViolations(page, 'goal used in MKBA');
    await scrollIntoView(use);
    await screenshot(page, 'goal-used-in-mkba');
    await page.getByRole('link', { name: 'Aanpak jongeren en overlast Dordt West (voorbeeld)' }).click();
    await page.waitForURL((url) => url.pathname === `/mkba/${mkbaId}`);
    await waitForPageReady(page);
  });

  // The demo's share goal, tied to "Alleen herinrichting" below with a quantity typed in.
  let shareGoal: LinkableGoal;
  const SHARE_GOAL = 'Voorbeeld: aandeel eenpersoonshuishoudens';
  const INHABITANTS_GOAL = 'Voorbeeld: Dordt West groeit naar 33.000 inwoners in 2030';
  const ncwOf = (alternativeId: string) => analyst.page.getByTestId(`result-${alternativeId}`).getByTestId('ncw');
  /** The text of what has the focus, as a reader hears it. */
  const focused = async () => plain(await analyst.page.evaluate(() => document.activeElement?.textContent ?? ''));

  it('ties a benefit of a share to a measure, changes its quantity in place and sees the NCW change by the hand-checked amount', async () => {
    const { page } = analyst;
    shareGoal = (await get<{ items: LinkableGoal[] }>(page, `/api/v1/mkbas/${mkbaId}/linkable-goals`)).items.find((g) => g.name.startsWith(SHARE_GOAL))!;
    expect(shareGoal?.needsQuantity).toBe(true);
    const section = page.getByRole('region', { name: 'Alleen herinrichting', exact: true });
    const form = section.getByRole('form', { name: 'Baat koppelen aan een doel' });
    await form.getByLabel('Doel', { exact: true }).selectOption({ label: `${shareGoal.name} (${shareGoal.indicatorName})` });
    await form.getByLabel('Partij die er baat bij heeft').selectOption({ label: 'Bewoners' });
    await form.getByLabel(/^Waarde per eenheid/).fill('100');
    await form.getByLabel(/^Bron van de waarde per eenheid/).fill('Illustratief: voorbeeldwaarde per huishouden');
    await form.getByLabel('Waarop slaat het percentage?').selectOption({ label: 'Een aantal dat ik zelf invul' });
    await form.getByLabel('Aantal', { exact: true }).fill('1000');
    await form.getByLabel('Bron van het aantal').fill('Illustratief: voorbeeldaantal huishoudens');
    await form.getByLabel('Maatregel', { exact: true }).selectOption({ label: 'Herinrichting speel- en hangplekken' });
    await form.getByRole('button', { name: 'Baat koppelen' }).click();
    await form.getByText('Toegevoegd. De uitkomst is bijgewerkt.').waitFor();
    const before = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    const linked = before.linkedBenefits.find((b) => b.goalId === shareGoal.id)!;
    expect(linked).toMatchObject({ state: 'ok', actor: 'bewoners', unitValueCents: 10_000, quantity: { value: 1000, source: 'entered', per: 100 } });
    const detail = await get<MkbaDetail>(page, `/api/v1/mkbas/${mkbaId}`);
    const measure = detail.alternatives[1]!.measures.find((m) => m.name === 'Herinrichting speel- en hangplekken')!;
    expect(detail.alternatives[1]!.linkedBenefits.find((b) => b.goalId === shareGoal.id)!.measureId).toBe(measure.id);
    const item = section.getByRole('listitem').filter({ hasText: shareGoal.name });
    expect(plain(await item.textContent())).toContain('(maatregel: Herinrichting speel- en hangplekken)');

    // Changed in place: the form opens with the focus on its heading, with the quantity as it was.
    await item.getByRole('button', { name: /^Wijzigen/ }).click();
    const edit = section.getByRole('form', { name: `Gekoppelde baat wijzigen: ${shareGoal.name}` });
    await expect.poll(focused).toBe(`Gekoppelde baat wijzigen: ${shareGoal.name}`);
    const quantity = edit.getByLabel('Aantal', { exact: true });
    expect(await quantity.inputValue()).toBe('1000');
    await quantity.fill('');
    await edit.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await edit.getByText('Vul een aantal in dat groter is dan 0.').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'MKBA linked benefit edit refused');
    await screenshot(page, 'mkba-linked-benefit-edit-refused');
    await quantity.fill('3000');
    await edit.getByLabel('Bron van het aantal').fill('Illustratief: drie keer zoveel huishoudens');
    await edit.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe(`Wijzigen: ${shareGoal.name}`);
    const after = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    const changed = after.linkedBenefits.find((b) => b.goalId === shareGoal.id)!;
    expect(changed.quantity).toMatchObject({ value: 3000, source: 'entered', sourceText: 'Illustratief: drie keer zoveel huishoudens' });
    // By hand: a point of the share is 3 000 / 100 = 30 households × € 100 = € 3.000, so each year's amount is
    // its effect (points gained over the baseline) × 300 000 cents, rounded; three times what it was, to the cent.
    for (const [i, year] of changed.years.entries()) {
      expect(year.amountCents).toBe(Math.round(year.effect * 300_000) + 0);
      expect(Math.abs(year.amountCents - 3 * linked.years[i]!.amountCents)).toBeLessThanOrEqual(1);
    }
    expect(changed.pvCents).toBeGreaterThan(linked.pvCents);
    // The NCW rises by exactly what the benefit's present value rose (a cent apart at most: each is rounded on its own).
    expect(Math.abs(after.ncwCents - (before.ncwCents + changed.pvCents - linked.pvCents))).toBeLessThanOrEqual(1);
    await expect.poll(async () => plain(await ncwOf(after.alternativeId).textContent()), { timeout: 15_000 }).toContain(euros(after.ncwCents));
    await expectNoSeriousA11yViolations(page, 'MKBA linked benefit changed');
    await screenshot(page, 'mkba-linked-benefit-edited');
  });

  it('deletes a measure after a confirmation that says what goes with it, with the keyboard', async () => {
    const { page } = analyst;
    const section = page.getByRole('region', { name: 'Alleen herinrichting', exact: true });
    const detail = await get<MkbaDetail>(page, `/api/v1/mkbas/${mkbaId}`);
    const alternative = detail.alternatives[1]!;
    const measure = alternative.measures.find((m) => m.name === 'Herinrichting speel- en hangplekken')!;
    // The demo's measure: € 250.000 and € 100.000 of costs in 2026 and € 10.000 of benefits a year 2027–2036.
    expect(alternative.lines.filter((l) => l.measureId === measure.id)).toHaveLength(12);
    const before = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    const linkedPv = before.linkedBenefits.find((b) => b.goalId === shareGoal.id)!.pvCents;

    const button = section.getByRole('button', { name: /^Verwijderen\s*:\s*Herinrichting speel- en hangplekken$/ });
    await button.focus();
    await page.keyboard.press('Enter');
    const confirm = section.getByRole('group', { name: 'Maatregel ‘Herinrichting speel- en hangplekken’ verwijderen?' });
    await confirm.waitFor();
    await expect.poll(focused).toBe('Maatregel ‘Herinrichting speel- en hangplekken’ verwijderen?');
    expect(plain(await confirm.textContent())).toContain('Met de maatregel verdwijnen ook 12 regels met kosten of baten en 1 gekoppelde baat.');
    expect(plain(await confirm.textContent())).toContain('Dit kun je niet ongedaan maken.');
    await expectNoSeriousA11yViolations(page, 'MKBA measure delete confirmation');
    await screenshot(page, 'mkba-measure-delete-confirm');
    // Escape cancels: nothing deleted, the focus back on the button.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Verwijderen: Herinrichting speel- en hangplekken');
    expect((await get<MkbaDetail>(page, `/api/v1/mkbas/${mkbaId}`)).alternatives[1]!.measures).toHaveLength(1);

    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('Ja, verwijderen');
    await page.keyboard.press('Enter');
    await section.getByText('Nog geen maatregelen.').waitFor();
    await expect.poll(focused).toBe('Maatregelen');
    const afterDetail = (await get<MkbaDetail>(page, `/api/v1/mkbas/${mkbaId}`)).alternatives[1]!;
    expect(afterDetail.lines).toHaveLength(alternative.lines.length - 12);
    expect(afterDetail.linkedBenefits.map((b) => b.goalId)).not.toContain(shareGoal.id);
    // By hand: the costs of € 350.000 in the base year go (NCW + € 350.000), the benefits of € 10.000 a year
    // 2027–2036 go (€ 10.000 × Σ 1/1.0225^t for t = 1…10 = € 10.000 × 8,86621635 = € 88.662,16), and the linked
    // benefit tied to the measure goes with it.
    const after = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    expect(Math.abs(after.ncwCents - (before.ncwCents + 35_000_000 - 8_866_216 - linkedPv))).toBeLessThanOrEqual(2);
    await expect.poll(async () => plain(await ncwOf(after.alternativeId).textContent()), { timeout: 15_000 }).toContain(euros(after.ncwCents));
    await expectNoSeriousA11yViolations(page, 'MKBA measure deleted');
    await screenshot(page, 'mkba-measure-deleted');
  });

  it('changes the horizon: a period that leaves lines out is refused in words, a longer one adds years and the NCW follows', async () => {
    const { page } = analyst;
    const second = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    await page.getByRole('button', { name: 'Uitgangspunten wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Uitgangspunten wijzigen' });
    await expect.poll(focused).toBe('Uitgangspunten wijzigen');
    await form.getByText('De regels met kosten en baten lopen nu van 2026 tot en met 2036.').waitFor();
    const horizon = form.getByLabel(/^Looptijd in jaren/);
    expect(await horizon.inputValue()).toBe('10');
    await horizon.fill('0');
    await form.getByRole('button', { name: 'Uitgangspunten opslaan' }).click();
    await form.getByText('Vul een aantal jaren in van 1 tot en met 100.').first().waitFor();
    // Five years would leave the lines of 2032–2036 out: the server refuses, the page says it in words.
    await horizon.fill('5');
    await form.getByRole('button', { name: 'Uitgangspunten opslaan' }).click();
    await form.getByRole('alert').filter({ hasText: 'Er staan bedragen in jaren buiten die periode. Kies een periode die die jaren bevat, of haal die bedragen eerst weg.' }).waitFor();
    expect((await get<MkbaDetail>(page, `/api/v1/mkbas/${mkbaId}`)).horizonYears).toBe(10);
    await expectNoSeriousA11yViolations(page, 'MKBA horizon refused');
    await screenshot(page, 'mkba-horizon-refused');

    await horizon.fill('12');
    await form.getByRole('button', { name: 'Uitgangspunten opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Uitgangspunten wijzigen');
    await page.getByText('Opgeslagen. De uitkomst is bijgewerkt.').waitFor();
    await page.getByText('2026 tot en met 2038 (12 jaar na het basisjaar)').waitFor();
    // By hand: the lines of "Alleen herinrichting" end in 2036, so only its linked benefit on inhabitants
    // (€ 10 per extra inhabitant, held at the target of 33.000 after 2030) adds 2037 and 2038:
    // (33.000 − baseline) × € 10 in each year, discounted 11 and 12 years at 2.25 %.
    const inhabitants = second.linkedBenefits.find((b) => b.goal?.name === INHABITANTS_GOAL)!;
    const yearly = Math.round((33_000 - inhabitants.goal!.baseline) * 1000);
    const added = yearly / 1.0225 ** 11 + yearly / 1.0225 ** 12;
    const after = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[1]!;
    expect(Math.abs(after.ncwCents - (second.ncwCents + added))).toBeLessThanOrEqual(1);
    await expect.poll(async () => plain(await ncwOf(after.alternativeId).textContent()), { timeout: 15_000 }).toContain(euros(after.ncwCents));
    await expectNoSeriousA11yViolations(page, 'MKBA horizon changed');
    await screenshot(page, 'mkba-horizon-changed');

    // And back to ten years: the NCW is what it was.
    await page.getByRole('button', { name: 'Uitgangspunten wijzigen' }).click();
    await form.getByLabel(/^Looptijd in jaren/).fill('10');
    await form.getByRole('button', { name: 'Uitgangspunten opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(async () => plain(await ncwOf(second.alternativeId).textContent()), { timeout: 15_000 }).toContain(euros(second.ncwCents));
  });

  it('adds an alternative and deletes it after confirming; the nulalternatief stays', async () => {
    const { page } = analyst;
    await page.getByLabel('Naam van een nieuw alternatief').fill('Tijdelijk alternatief');
    await page.getByRole('button', { name: 'Alternatief toevoegen' }).click();
    const section = page.getByRole('region', { name: 'Tijdelijk alternatief', exact: true });
    await section.waitFor();
    await section.getByRole('button', { name: /^Verwijderen\s*:\s*Tijdelijk alternatief$/ }).click();
    const confirm = section.getByRole('group', { name: 'Alternatief ‘Tijdelijk alternatief’ verwijderen?' });
    const text = plain(await confirm.textContent());
    expect(text).toContain('Er staat nog niets in dit alternatief.');
    expect(text).toContain('Het nulalternatief blijft staan');
    await expectNoSeriousA11yViolations(page, 'MKBA alternative delete confirmation');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await section.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Alternatieven en maatregelen');
    expect((await get<MkbaDetail>(page, `/api/v1/mkbas/${mkbaId}`)).alternatives.map((a) => a.name)).toEqual(['Integrale aanpak', 'Alleen herinrichting']);
  });

  it('downloads the report as a PDF', async () => {
    const { page } = analyst;
    await page.getByRole('link', { name: 'Download als Word' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mkba-.*\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses another discount rate without a justification, in plain Dutch, and takes it with one', async () => {
    const { page } = analyst;
    const form = page.getByRole('form', { name: 'Discontovoet' });
    await form.getByLabel('Discontovoet (%)').fill('4');
    await form.getByLabel(/^Onderbouwing/).fill('');
    await form.getByRole('button', { name: 'Discontovoet opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Je koos een andere discontovoet dan 2,25 %. Schrijf erbij waarom, dan kun je hem opslaan.' }).waitFor();
    expect(plain(await page.getByTestId('rate').textContent())).toBe('2,25 %');
    await expectNoSeriousA11yViolations(page, 'MKBA rate refused');
    await screenshot(page, 'mkba-rate-refused');

    await form.getByLabel(/^Onderbouwing/).fill('Gevoeligheidsanalyse op verzoek van de raad');
    await form.getByRole('button', { name: 'Discontovoet opslaan' }).click();
    await expect.poll(async () => plain(await page.getByTestId('rate').textContent())).toBe('4 %');
    await page.getByText('Gevoeligheidsanalyse op verzoek van de raad').first().waitFor();
    const at4 = (await get<MkbaResult>(page, `/api/v1/mkbas/${mkbaId}/result`)).alternatives[0]!;
    expect(at4.ncwCents).not.toBe(first.ncwCents);
    await expect.poll(async () => plain(await page.getByTestId(`result-${first.alternativeId}`).getByTestId('ncw').textContent())).toContain(euros(at4.ncwCents));
    first = at4;
  });

  it('reads the sensitivity table, each turn of the outcome said in words', async () => {
    const { page } = analyst;
    const result = page.getByTestId(`result-${first.alternativeId}`);
    const table = result.getByRole('table', { name: 'Bij een andere discontovoet' });
    const rows = table.getByRole('row');
    // A header row and one row per rate: 0–6 % and the 4 % in force (which is one of them).
    expect(await rows.count()).toBe(1 + first.sensitivity.rate.length);
    for (const [i, row] of first.sensitivity.rate.entries()) {
      const text = plain(await rows.nth(i + 1).textContent());
      expect(text).toContain(euros(row.ncwCents));
      expect(text).toContain(row.signFlips ? 'Slaat om' : 'Zelfde uitkomst');
      if (row.isBase) expect(text).toContain('(uitgangspunt)');
    }
    const flips = [...first.sensitivity.rate, ...first.sensitivity.effectSize, ...first.sensitivity.duration].filter((r) => r.signFlips).length;
    expect(flips).toBeGreaterThan(0);
    await result.getByText(`In ${flips} varianten hieronder slaat de uitkomst om`).waitFor();
    await result.getByRole('table', { name: /^Per partij/ }).getByRole('row', { name: /Totaal/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'MKBA results');
    await screenshot(page, 'mkba-results-nl');
  });

  it('says the same in English', async () => {
    const { page } = analyst;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sensitivity' }).first().waitFor();
    await page.getByText('Example: the amounts are made up').waitFor();
    const result = page.getByTestId(`result-${first.alternativeId}`);
    await result.getByRole('table', { name: 'At another discount rate' }).waitFor();
    expect(plain(await result.getByTestId('ncw').textContent())).toContain(euros(first.ncwCents, 'en-GB'));
    await expectNoSeriousA11yViolations(page, 'MKBA in English');
    await screenshot(page, 'mkba-results-en');

    // Changing in place, in English: a line's form and a rename field open together, axe clean; Escape
    // closes the rename and puts the focus back on its button, Cancel closes the line's form.
    const section = page.getByRole('region', { name: 'Integrale aanpak', exact: true });
    const lines = section.locator('details').filter({ has: page.locator('summary', { hasText: 'All lines' }) });
    if (!(await lines.evaluate((element) => (element as HTMLDetailsElement).open))) await lines.locator('summary').click();
    await section.getByRole('button', { name: /^Change\s*:/ }).first().click();
    const form = section.getByRole('form', { name: /^Change line:/ });
    await form.getByRole('button', { name: 'Save change' }).waitFor();
    await section.getByRole('button', { name: /^Rename\s*:\s*Integrale aanpak$/ }).click();
    await section.getByLabel('Name of the alternative').waitFor();
    await expectNoSeriousA11yViolations(page, 'MKBA changing in place, in English');
    await screenshot(page, 'mkba-editing-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Rename: Integrale aanpak');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });

    // The starting points' form and a confirmation to delete, in English, axe clean.
    await page.getByRole('button', { name: 'Change starting points' }).click();
    const settings = page.getByRole('form', { name: 'Change starting points' });
    await settings.getByText('The cost and benefit lines now run from 2026 to 2036.').waitFor();
    await section.getByRole('button', { name: /^Delete\s*:\s*Jongerenwerk, straatcoaches en buurtsport$/ }).click();
    const confirm = section.getByRole('group', { name: 'Delete measure ‘Jongerenwerk, straatcoaches en buurtsport’?' });
    expect(plain(await confirm.textContent())).toMatch(/This also deletes \d+ cost or benefit lines of the measure\./);
    await expectNoSeriousA11yViolations(page, 'MKBA starting points and delete confirmation, in English');
    await screenshot(page, 'mkba-settings-delete-en');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await settings.getByRole('button', { name: 'Cancel' }).click();
    await settings.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
