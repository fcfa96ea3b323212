import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { LetterSummary, ReportDocument, SnapshotDetail, SnapshotSummary } from '../contract.js';
import { MAX_POINTS_PER_AREA } from './snapshot-map.js';
import { euro } from './documents.js';
import { seedDemoReports } from './demo-reports.js';

/** The demo of Dordt West: one snapshot with its progress report, one council letter draft; seeding again adds nothing. */

let t: TestApp;
let manager: TestSession;
let programmeId: string;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance', 'reports'] });
  manager = await t.login('regisseur');
  const list = await t.app.inject({ url: '/api/v1/programmes', headers: { cookie: manager.cookie } });
  programmeId = list.json<{ items: { id: string; isDemo: boolean }[] }>().items.find((p) => p.isDemo)?.id ?? '';
}, 300_000);
afterAll(() => t?.close());

const get = <T>(url: string) => t.app.inject({ url, headers: { cookie: manager.cookie } }).then((r) => r.json<T>());
const cell = (doc: ReportDocument, caption: string, label: string) => {
  const table = doc.blocks.find((b) => b.type === 'table' && b.caption === caption);
  const row = table?.type === 'table' ? table.rows.find((r) => r[0] === label) : undefined;
  const value = row?.[1];
  return typeof value === 'string' ? value : value?.text;
};

describe('the demo reports of Dordt West', () => {
  it('has one snapshot, marked as demo, whose progress report has a median of days from decision to action done', async () => {
    const snapshots = (await get<{ items: SnapshotSummary[] }>(`/api/v1/programmes/${programmeId}/report-snapshots`)).items;
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ isDemo: true, takenBy: 'Demo Programmamanager' });
    const doc = await get<ReportDocument>(`/api/v1/report-snapshots/${snapshots[0]?.id}/document?kind=progress`);
    // The demo kernteam has one action done five days after the meeting.
    expect(cell(doc, 'Doorpakken in de periode', 'Mediaan dagen van besluit tot actie gedaan')).toBe('5');
    expect(cell(doc, 'Doorpakken in de periode', 'Acties te laat op de peildatum')).toBe('1');
    expect(doc.blocks.some((b) => b.type === 'paragraph' && b.tone === 'example')).toBe(true);
  });

  it('freezes a map of the buurten of Dordt West with one of its goals\' indicators, simplified, shown in the progress report', async () => {
    const [summary] = (await get<{ items: SnapshotSummary[] }>(`/api/v1/programmes/${programmeId}/report-snapshots`)).items;
    const { content } = await get<SnapshotDetail>(`/api/v1/report-snapshots/${summary?.id}`);
    const map = content.map;
    // The goals' share (not the count of inhabitants), with the buurt figures of the demo data (2020).
    expect(map).toMatchObject({ level: 'buurt', areaName: 'Dordt West', indicator: 'share_one_person_households', year: 2020, boundaryYear: 2020 });
    // The 26 buurten of the focus area's four wijken (WK050503, 04, 07 and 08).
    expect(map?.areas).toHaveLength(26);
    expect(new Set(map?.areas.map((a) => a.code.slice(0, 8)))).toEqual(new Set(['BU050503', 'BU050504', 'BU050507', 'BU050508']));
    for (const area of map?.areas ?? []) {
      expect(area.rings.flat().length, area.name).toBeLessThanOrEqual(MAX_POINTS_PER_AREA);
      expect(area.rings.every((r) => r.length >= 4 && r[0]?.join() === r.at(-1)?.join()), area.name).toBe(true);
    }
    const doc = await get<ReportDocument>(`/api/v1/report-snapshots/${summary?.id}/document?kind=progress`);
    const block = doc.blocks.find((b) => b.type === 'map');
    expect(block?.type === 'map' && block.alt).toMatch(/^Kaart van Dordt West: Percentage eenpersoonshuishoudens per buurt, 2020, \d+ buurten; hoogste \d+ % in .+; laagste \d+ % in .+; klassen .+\. Bron: CBS, Kadaster\.$/);
  });

  it('has one council letter draft after the Dordrecht letter, its made-up parts saying "voorbeeld"', async () => {
    const letters = (await get<{ items: LetterSummary[] }>(`/api/v1/programmes/${programmeId}/council-letters`)).items;
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ isDemo: true, betreft: 'Voortgang Nationaal Programma Dordt West', version: 1 });
    const doc = await get<ReportDocument>(`/api/v1/council-letters/${letters[0]?.id}/document`);
    const fields = doc.blocks.find((b) => b.type === 'fields');
    const value = (label: string) => (fields?.type === 'fields' ? fields.rows.find((r) => r.label === label)?.value : undefined);
    expect(value('Begrotingsprogramma')).toBe('Levendig, Leefbaar en Veilig Dordrecht');
    expect(value('Kernteam/Opgave')).toBe('Opgaven - Veilige Stad');
    expect(value('Zaaknummer')).toContain('voorbeeld');
    expect(value('Portefeuillehouder')).toContain('voorbeeld');
    const text = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])).join('\n');
    expect(text).toContain('Sinds de zomer van 2022 is Dordrecht met stedelijk focusgebied Dordt West toegetreden');
    expect(text).toMatch(/^Voorbeeld: /m);
  });

  it('its subsidy report of Preventie met Gezag gives the repayment figures finance gives (docs/finance.md)', async () => {
    const snapshot = (await get<{ items: SnapshotSummary[] }>(`/api/v1/programmes/${programmeId}/report-snapshots`)).items[0];
    type Source = { id: string; name: string; repayment: { repaymentCents: number; stillToReceiveCents: number; unusedCents: number } };
    const pmg = (await get<{ items: Source[] }>('/api/v1/funding-sources')).items.find((s) => s.name === 'Preventie met Gezag');
    const doc = await get<ReportDocument>(`/api/v1/report-snapshots/${snapshot?.id}/document?kind=subsidy&subject=${pmg?.id}`);
    const table = doc.blocks.find((b) => b.type === 'table' && b.caption === 'Saldo');
    const text = (c: unknown) => (typeof c === 'string' ? c : (c as { text?: string } | undefined)?.text);
    const value = (start: string) => text(table?.type === 'table' ? table.rows.find((r) => text(r[0])?.startsWith(start))?.[1] : undefined);
    expect(value('Terug te betalen')).toBe(euro(pmg?.repayment.repaymentCents ?? -1));
    expect(value('Nog te ontvangen op grond van de besteding')).toBe(euro(pmg?.repayment.stillToReceiveCents ?? -1));
    expect(value('Niet benut van het totaal')).toBe(euro(pmg?.repayment.unusedCents ?? -1));
  });

  it('adds nothing when seeded again', async () => {
    const before = [await countRows(t.database, 'report_snapshots'), await countRows(t.database, 'council_letters'), await countRows(t.database, 'council_letter_versions')];
    await seedDemoReports(t.database.db);
    expect([await countRows(t.database, 'report_snapshots'), await countRows(t.database, 'council_letters'), await countRows(t.database, 'council_letter_versions')]).toEqual(before);
  });
});
