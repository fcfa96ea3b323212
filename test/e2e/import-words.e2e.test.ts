import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, login, screenshot, waitForPageReady } from './app-actions';
import { startHarness, type Harness } from './harness';

/**
 * The reasons of an import's bad rows, in Dutch (issue 13, item 7): files with bad rows are uploaded on the
 * figures import page (values CSV, area boundaries) and the signals import page, and each row's reason is
 * found in Dutch words from its code — never the server's English reason, a regex or a raw key.
 */

/** The developer text of form-errors.e2e.test.ts, plus the English reasons the import parsers write. */
const FORBIDDEN = [
  /Invalid/,
  /\bexpected\b/i,
  /\bmust\b/i,
  /Too (small|big)/i,
  /\brequired\b/i,
  /\bcharacters\b/,
  /lowercase letters/i,
  /YYYY/,
  /does not (meet|match)/i,
  /\bunknown area\b/i,
  /\bvalidation\b/i,
  /\b(body|querystring)\.[a-zA-Z]/,
  /\b[a-z]+:[a-zA-Z]+\.[a-zA-Z]/,
  /\{\{/,
  /\^\[|\\d/,
  /is not a (number|CBS)/i,
  /occurs twice/i,
  /unknown indicator/i,
  /appears twice/i,
  /no known buurt/i,
];

let harness: Harness;
let analist: { context: BrowserContext; page: Page };

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

/** Each row of an error table as its cells' text: line, column, reason. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map((row) => row.locator('td, th').allTextContents()));
}

function expectNoDeveloperText(text: string): void {
  for (const pattern of FORBIDDEN) expect(text, `${pattern} in:\n${text}`).not.toMatch(pattern);
}

async function uploadFigures(page: Page, kind: string, year: string, name: string, content: string): Promise<Locator> {
  await page.getByLabel('Soort bestand').selectOption(kind);
  await page.getByLabel('Jaar').fill(year);
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/geo+json', buffer: Buffer.from(content, 'utf8') });
  await page.getByRole('button', { name: 'Inlezen' }).click();
  const refused = page.locator('.wr-import-errors');
  await refused.locator('table').waitFor({ timeout: 60_000 });
  return refused;
}

const square = { type: 'Polygon', coordinates: [[[4.6, 51.8], [4.7, 51.8], [4.7, 51.9], [4.6, 51.8]]] };
const feature = (properties: Record<string, unknown>, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });

describe('the reasons of bad import rows, in Dutch', () => {
  it('figures import: a values CSV and a boundaries file with bad rows list each reason in words', async () => {
    const { page } = analist;
    await page.goto('/import');
    await waitForPageReady(page);

    // Rows the file itself shows to be wrong.
    const parse = await uploadFigures(page, 'values-csv', '', 'fout.csv', 'area_code,indicator,period,value\nBU05050101,inhabitants,2020,veel\nXX12,inhabitants,2020,1\nBU05050101,inhabitants,1850,1\nBU05050102,inhabitants,2020,1\nBU05050102,inhabitants,2020,2\n');
    let rows = await rowsOf(parse.locator('table'));
    expect(rows).toEqual([
      ['2', 'value', 'Vul een getal in.'],
      ['3', 'area_code', "Dit is geen CBS-gebiedscode. Zo'n code begint met GM, WK of BU, zoals WK050503."],
      ['4', 'period', 'Dit moet liggen tussen 1990 en 2100.'],
      ['6', 'area_code', 'Dit staat twee keer in het bestand. Laat een van de twee weg.'],
    ]);
    expectNoDeveloperText(await parse.innerText());
    await expectNoSeriousA11yViolations(page, 'the figures import with bad rows');
    await screenshot(page, 'import-words-values-rows');

    // Rows only the database can judge: an indicator and an area it does not know.
    const stored = await uploadFigures(page, 'values-csv', '', 'onbekend.csv', 'area_code,indicator,period,value\nBU05050101,fietsendiefstal_per_lantaarn,2020,1\nBU05059999,inhabitants,2020,1\n');
    rows = await rowsOf(stored.locator('table'));
    expect(rows).toEqual([
      ['2', 'indicator', 'Wijkregie kent de indicator fietsendiefstal_per_lantaarn niet. Zet hem eerst in de catalogus.'],
      ['3', 'area_code', 'Wijkregie kent gebied BU05059999 niet in 2020. Lees eerst de grenzen of een KWB-bestand van dat jaar in.'],
    ]);
    expectNoDeveloperText(await stored.innerText());

    // Area boundaries: a wrong code, a feature without a code, a broken boundary, a feature twice.
    const boundaries = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ code: 'XX0505', name: 'Nergens', level: 'gemeente' }),
        feature({ name: 'Zonder code' }),
        feature({ code: 'GM0505', name: 'Dordrecht', level: 'gemeente' }, { type: 'Polygon', coordinates: [[[4.6, 51.8], [4.7, 51.8]]] }),
        feature({ code: 'GM0308', name: 'Baarn', level: 'gemeente' }),
        feature({ code: 'GM0308', name: 'Baarn', level: 'gemeente' }),
      ],
    });
    const areas = await uploadFigures(page, 'areas-geojson', '2019', 'grenzen.geojson', boundaries);
    const featureRows = await rowsOf(areas.locator('table'));
    // A feature's number stands where a CSV has its line; the column names the feature's area and member.
    expect(featureRows.map((cells) => [cells[0], cells[1]])).toEqual([['1', '–'], ['2', '–'], ['3', 'GM0505 geometry'], ['5', '–']]);
    const reasons = featureRows.map((cells) => cells[2]);
    expect(reasons).toEqual([
      "Dit is geen CBS-gebiedscode. Zo'n code begint met GM, WK of BU, zoals WK050503.",
      'Dit is verplicht: vul het in of kies iets.',
      'De grens van dit gebied is niet bruikbaar. Kijk de vorm na in je kaartprogramma.',
      'Dit staat twee keer in het bestand. Laat een van de twee weg.',
    ]);
    expectNoDeveloperText(await areas.innerText());
    await screenshot(page, 'import-words-boundaries-rows');
  });

  it('signals import: each bad row of a CSV has its reason in words', async () => {
    const { page } = analist;
    await page.goto('/signalen-importeren');
    await waitForPageReady(page);
    await page.getByLabel('Gemeente').selectOption('GM0505');
    const header = 'external_id;category;occurred_at;lon;lat;address;area_code;description;confidentiality;legal_regime;purpose;retention_until';
    const good = (id: string) => `${id};verloedering;2026-09-03T10:00:00Z;4,6633;51,8008;;;Kapotte lantaarnpaal;internal;municipal-task;Schoon en heel;`;
    const file = [
      header,
      'W-1;verloedering;2026-09-03T10:00:00Z;4,6633;51,8008;;;Losliggende tegels;internal;municipal-task;;',
      good('W-2'),
      good('W-2'),
      'W-3;verloedering;31-12-2025;4,6633;51,8008;;;Graffiti;internal;municipal-task;Schoon en heel;',
      'W-4;verloedering;2026-09-03T10:00:00Z;5,1;52,1;;;Zwerfafval;internal;municipal-task;Schoon en heel;',
    ].join('\n');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(`${file}\n`, 'utf8') });
    await page.getByRole('button', { name: 'Importeren' }).click();
    const table = page.getByRole('table', { name: '4 fouten in het bestand' });
    await table.waitFor({ timeout: 30_000 });
    const rows = await rowsOf(table);
    expect(rows.map((cells) => [cells[0], cells[2]])).toEqual([
      ['2', 'Dit is verplicht: vul het in of kies iets.'],
      ['4', 'Dit staat twee keer in het bestand. Laat een van de twee weg.'],
      ['5', 'Dit is geen datum en tijd die bestaat. Schrijf ze zoals 2026-09-01T08:00:00Z.'],
      ['6', 'Dit punt ligt in geen enkele buurt die Wijkregie kent. Kijk de lengte- en breedtegraad na.'],
    ]);
    expectNoDeveloperText(await page.locator('main').innerText());
    await expectNoSeriousA11yViolations(page, 'the signal import with bad rows in words');
    await screenshot(page, 'import-words-signal-rows');
  });
});
