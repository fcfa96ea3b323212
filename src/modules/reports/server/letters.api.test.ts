import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { LetterDetail, LetterSections, ReportDocument, SnapshotSummary, Template, TemplateContent } from '../contract.js';
import { calendarDate } from './dates.js';

/**
 * Council letters as versioned drafts and the municipality's versioned template, through the API: every save a
 * new audited version, the newest shown, an old one still readable as it was; a stale save refused; bad input
 * refused with 422 naming the field and nothing stored.
 */

let t: TestApp;
let manager: TestSession;
let admin: TestSession;
let finance: TestSession;
let police: TestSession;
let programmeId: string;
let snapshotId: string;

// A 1 × 1 pixel PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance'] });
  [manager, admin, finance, police] = [await t.login('regisseur'), await t.login('beheerder'), await t.login('financien'), await t.login('politie')];
  const list = await t.app.inject({ url: '/api/v1/programmes', headers: { cookie: manager.cookie } });
  programmeId = list.json<{ items: { id: string; isDemo: boolean }[] }>().items.find((p) => p.isDemo)?.id ?? '';
  const year = calendarDate(t.clock.now()).slice(0, 4);
  const snapshot = await t.app.inject({ method: 'POST', url: `/api/v1/programmes/${programmeId}/report-snapshots`, headers: manager.headers, payload: { title: 'Voor de raad', periodStart: `${year}-01-01` } });
  expect(snapshot.statusCode, snapshot.body).toBe(201);
  snapshotId = snapshot.json<SnapshotSummary>().id;
}, 300_000);
afterAll(() => t?.close());

const auditCount = async (action: string, subjectId: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND subject_id = ${subjectId}`.execute(t.database.db)).rows[0]?.n;

const getTemplate = (session: TestSession = manager) => t.app.inject({ url: '/api/v1/report-templates?municipality=GM0505', headers: { cookie: session.cookie } });
const saveTemplate = (payload: object, session: TestSession = manager) => t.app.inject({ method: 'POST', url: '/api/v1/report-templates', headers: session.headers, payload });

const FIELDS = {
  aan: 'de gemeenteraad',
  datum: '29 augustus 2023',
  zaaknummer: '2023-0125336',
  betreft: 'Voortgang Nationaal Programma Dordt West',
  portefeuillehouder: 'Wethouder Veilige Stad',
  begrotingsprogramma: 'Levendig, Leefbaar en Veilig Dordrecht',
  kernteam: 'Opgaven - Veilige Stad',
  auteur: 'Programmamanager Dordt West',
  email: 'programma@example.nl',
  verantwoordelijke: 'Programmamanager Dordt West',
  openbaar: 'Ja',
};
const SECTIONS: LetterSections = {
  aanleiding: 'Sinds de zomer van 2022 doet Dordrecht mee aan het Nationaal Programma.\n\nDeze brief informeert u over de voortgang.',
  informatie: 'De Alliantie heeft de ambitie aangescherpt.',
  vervolg: 'Het uitvoeringsprogramma volgt in het vierde kwartaal.',
  kosten: 'De gemeente haalt de cofinanciering uit de Agenda 2030.',
  besluiten: '',
};
const letterBody = (overrides: object = {}) => ({ snapshotId, fields: FIELDS, sections: SECTIONS, signers: ['', ''], ...overrides });

describe('the letter template of a municipality', () => {
  let template: Template;

  it('is the built-in default after Dordrecht\'s letter until the municipality saves its own', async () => {
    const response = await getTemplate(finance);
    expect(response.statusCode, response.body).toBe(200);
    template = response.json<Template>();
    expect(template).toMatchObject({ municipality: 'GM0505', version: 0, isDefault: true, versions: [] });
    expect(template.content.municipalityName).toBe('Gemeente Dordrecht');
    expect(template.content.fields.map((f) => f.label)).toEqual(['Aan', 'Datum', 'Zaaknummer', 'Betreft', 'Portefeuillehouder', 'Begrotingsprogramma', 'Kernteam/Opgave', 'Auteur', 'E-mail', 'Verantwoordelijke', 'Openbaar']);
    expect(template.content.sections.map((s) => s.title)).toContain('Hoe verder na deze raadsinformatiebrief?');
  });

  it('saves each change as a new audited version, and refuses a save based on an older version (409)', async () => {
    const content: TemplateContent = {
      ...template.content,
      sections: template.content.sections.map((s) => (s.key === 'kosten' ? { ...s, title: 'Wat kost het?' } : s)),
      logo: { mediaType: 'image/png', dataBase64: PNG, alt: 'Logo gemeente Dordrecht' },
      style: { primaryColor: '#00576b', fontFamily: 'Arial' },
    };
    const saved = await saveTemplate({ municipality: 'GM0505', baseVersion: 0, content }, admin);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json<Template>()).toMatchObject({ version: 1, isDefault: false, savedBy: expect.any(String), versions: [{ version: 1 }] });
    expect(await auditCount('report.template.save', 'GM0505')).toBe(1);
    const read = (await getTemplate()).json<Template>();
    expect(read.content.sections.find((s) => s.key === 'kosten')?.title).toBe('Wat kost het?');
    expect(read.content.logo?.alt).toBe('Logo gemeente Dordrecht');

    const before = await countRows(t.database, 'report_templates');
    const stale = await saveTemplate({ municipality: 'GM0505', baseVersion: 0, content: template.content });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toContain('report.template_stale');
    expect(await countRows(t.database, 'report_templates')).toBe(before);
    // Saved versions are never changed.
    await expect(sql`UPDATE report_templates SET content = '{}' WHERE municipality_code = 'GM0505'`.execute(t.database.db)).rejects.toThrow(/immutable/);
  });

  const bad = (change: (c: TemplateContent) => object): object => ({ municipality: 'GM0505', baseVersion: 1, content: change(structuredClone(template.content)) });
  it.each([
    ['a house colour white text cannot be read on', () => bad((c) => ({ ...c, style: { ...c.style, primaryColor: '#ffdd00' } })), 'content.style.primaryColor'],
    ['a colour that is no colour', () => bad((c) => ({ ...c, style: { ...c.style, primaryColor: 'blue' } })), 'content.style.primaryColor'],
    ['a logo that is not a PNG', () => bad((c) => ({ ...c, logo: { mediaType: 'image/png', dataBase64: Buffer.from('GIF89a not a png at all, really not').toString('base64'), alt: 'Logo' } })), 'content.logo.dataBase64'],
    ['a logo without alt text', () => bad((c) => ({ ...c, logo: { mediaType: 'image/png', dataBase64: PNG, alt: ' ' } })), 'content.logo.alt'],
    ['a header field left out', () => bad((c) => ({ ...c, fields: c.fields.slice(1) })), 'content.fields'],
    ['a section twice', () => bad((c) => ({ ...c, sections: [...c.sections.slice(0, 4), c.sections[0]] })), 'content.sections'],
    ['an empty section title', () => bad((c) => ({ ...c, sections: c.sections.map((s, i) => (i === 2 ? { ...s, title: '' } : s)) })), 'content.sections.2.title'],
    ['an unknown gemeente', () => ({ ...bad((c) => c), municipality: 'GM9999' }), 'municipality'],
    ['a code that is no gemeente code', () => ({ ...bad((c) => c), municipality: 'WK050503' }), 'municipality'],
    ['an unknown property', () => ({ ...bad((c) => c), extra: true }), ''],
  ])('refuses %s with 422 naming the field, storing nothing', async (_name, payload, path) => {
    const before = [await countRows(t.database, 'report_templates'), await countRows(t.database, 'audit_log')];
    const response = await saveTemplate(payload());
    expect(response.statusCode, response.body).toBe(422);
    expect(JSON.stringify(response.json().errors)).toContain(path);
    expect([await countRows(t.database, 'report_templates'), await countRows(t.database, 'audit_log')]).toEqual(before);
  });

  it('is changed only by someone whose area scope covers the whole municipality', async () => {
    const gemeente = (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie: admin.cookie } })).json<{ items: { id: string; kind: string }[] }>().items.find((o) => o.kind === 'gemeente');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'wijkregisseur', displayName: 'Wijkregisseur Wielwijk', password: 'correct horse battery staple', organisationId: gemeente?.id, roles: ['programme_manager'], areaScopes: ['WK050307'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const scoped = await t.login('wijkregisseur', 'correct horse battery staple');
    const response = await saveTemplate({ municipality: 'GM0505', baseVersion: 1, content: template.content }, scoped);
    expect(response.statusCode).toBe(403);
  });
});

describe('a council letter', () => {
  let letter: LetterDetail;

  it('starts as version 1, written against a snapshot, audited', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/programmes/${programmeId}/council-letters`, headers: manager.headers, payload: letterBody() });
    expect(response.statusCode, response.body).toBe(201);
    letter = response.json<LetterDetail>();
    expect(letter).toMatchObject({ programmeId, version: 1, snapshotId, betreft: FIELDS.betreft, fields: FIELDS, sections: SECTIONS, templateVersion: 1, versions: [{ version: 1 }] });
    expect(await auditCount('report.letter.create', letter.id)).toBe(1);
  });

  it('saves every change as a new version and shows the newest; an older version stays as it was', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/council-letters/${letter.id}/versions`,
      headers: manager.headers,
      payload: { ...letterBody({ sections: { ...SECTIONS, vervolg: 'Op 12 september volgt een presentatie voor de raad.' } }), baseVersion: 1 },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<LetterDetail>()).toMatchObject({ version: 2, sections: { vervolg: 'Op 12 september volgt een presentatie voor de raad.' } });
    expect(await auditCount('report.letter.save', letter.id)).toBe(1);
    const newest = (await t.app.inject({ url: `/api/v1/council-letters/${letter.id}`, headers: { cookie: finance.cookie } })).json<LetterDetail>();
    expect(newest.version).toBe(2);
    expect(newest.versions.map((v) => v.version)).toEqual([2, 1]);
    const first = (await t.app.inject({ url: `/api/v1/council-letters/${letter.id}?version=1`, headers: { cookie: manager.cookie } })).json<LetterDetail>();
    expect(first.sections.vervolg).toBe(SECTIONS.vervolg);
    const list = (await t.app.inject({ url: `/api/v1/programmes/${programmeId}/council-letters`, headers: { cookie: admin.cookie } })).json<{ items: { id: string; version: number; peildatum: string }[] }>();
    expect(list.items.find((l) => l.id === letter.id)).toMatchObject({ version: 2, peildatum: calendarDate(t.clock.now()) });
    await expect(sql`DELETE FROM council_letter_versions WHERE letter_id = ${letter.id}`.execute(t.database.db)).rejects.toThrow(/immutable/);
  });

  it('refuses a save based on an older version (409) and stores nothing', async () => {
    const before = await countRows(t.database, 'council_letter_versions');
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/council-letters/${letter.id}/versions`, headers: manager.headers, payload: { ...letterBody(), baseVersion: 1 } });
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toContain('report.letter_stale');
    expect(await countRows(t.database, 'council_letter_versions')).toBe(before);
  });

  it('renders with the header fields, the template of its version, the author text and the snapshot figures', async () => {
    const response = await t.app.inject({ url: `/api/v1/council-letters/${letter.id}/document`, headers: { cookie: finance.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const doc = response.json<ReportDocument>();
    expect(doc).toMatchObject({ kind: 'letter', title: 'Raadsinformatiebrief', subtitle: FIELDS.betreft, peildatum: calendarDate(t.clock.now()), style: { primaryColor: '#00576b' } });
    const fields = doc.blocks.find((b) => b.type === 'fields');
    expect(fields?.type === 'fields' && fields.rows.find((r) => r.label === 'Zaaknummer')?.value).toBe('2023-0125336');
    const headings = doc.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(headings).toEqual(expect.arrayContaining(['Wat is de aanleiding om deze informatie kenbaar te maken?', 'Wat kost het?', 'Ambitie', 'Doelen']));
    const paragraphs = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toEqual(expect.arrayContaining(['Sinds de zomer van 2022 doet Dordrecht mee aan het Nationaal Programma.', 'Deze brief informeert u over de voortgang.', 'Op 12 september volgt een presentatie voor de raad.']));
    const tables = doc.blocks.flatMap((b) => (b.type === 'table' ? [b.caption] : []));
    expect(tables).toEqual(expect.arrayContaining(['Financieringsbronnen', 'Tranches van de financieringsbronnen']));
  });

  it('keeps the template version it was saved with when the template changes later', async () => {
    const current = (await getTemplate()).json<Template>();
    const changed = { ...current.content, sections: current.content.sections.map((s) => (s.key === 'kosten' ? { ...s, title: 'Welke kosten zijn verbonden aan het proces?' } : s)) };
    expect((await saveTemplate({ municipality: 'GM0505', baseVersion: current.version, content: changed })).statusCode).toBe(201);
    const old = (await t.app.inject({ url: `/api/v1/council-letters/${letter.id}/document`, headers: { cookie: manager.cookie } })).json<ReportDocument>();
    expect(old.blocks.some((b) => b.type === 'heading' && b.text === 'Wat kost het?')).toBe(true);
    const next = await t.app.inject({ method: 'POST', url: `/api/v1/council-letters/${letter.id}/versions`, headers: manager.headers, payload: { ...letterBody(), baseVersion: 2 } });
    expect(next.json<LetterDetail>().templateVersion).toBe(current.version + 1);
    const renewed = (await t.app.inject({ url: `/api/v1/council-letters/${letter.id}/document`, headers: { cookie: manager.cookie } })).json<ReportDocument>();
    expect(renewed.blocks.some((b) => b.type === 'heading' && b.text === 'Welke kosten zijn verbonden aan het proces?')).toBe(true);
  });

  it('is read by the administrator and finance, not by a partner; an unknown letter or version is 404', async () => {
    expect((await t.app.inject({ url: `/api/v1/council-letters/${letter.id}`, headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/council-letters/${letter.id}`, headers: { cookie: police.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/council-letters/00000000-0000-4000-8000-000000000000', headers: { cookie: manager.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/council-letters/${letter.id}?version=99`, headers: { cookie: manager.cookie } })).statusCode).toBe(404);
  });

  const long = 'x'.repeat(301);
  it.each([
    ['a snapshot that does not exist', () => letterBody({ snapshotId: '00000000-0000-4000-8000-000000000000' }), 'snapshotId'],
    ['a snapshot id that is no id', () => letterBody({ snapshotId: 'latest' }), 'snapshotId'],
    ['a header field of more than 300 characters', () => letterBody({ fields: { ...FIELDS, zaaknummer: long } }), 'fields.zaaknummer'],
    ['a header field left out', () => letterBody({ fields: { ...FIELDS, openbaar: undefined } }), 'fields.openbaar'],
    ['a field the template does not know', () => letterBody({ fields: { ...FIELDS, bijlage: 'x' } }), 'fields'],
    ['a section left out', () => letterBody({ sections: { ...SECTIONS, kosten: undefined } }), 'sections.kosten'],
    ['a section of more than 20,000 characters', () => letterBody({ sections: { ...SECTIONS, informatie: 'x'.repeat(20_001) } }), 'sections.informatie'],
    ['five signers', () => letterBody({ signers: ['a', 'b', 'c', 'd', 'e'] }), 'signers'],
    ['an unknown property', () => letterBody({ draft: true }), ''],
  ])('refuses %s with 422 naming the field, storing nothing', async (_name, payload, path) => {
    const before = [await countRows(t.database, 'council_letters'), await countRows(t.database, 'council_letter_versions'), await countRows(t.database, 'audit_log')];
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/programmes/${programmeId}/council-letters`, headers: manager.headers, payload: payload() });
    expect(created.statusCode, created.body).toBe(422);
    expect(JSON.stringify(created.json().errors)).toContain(path);
    const saved = await t.app.inject({ method: 'POST', url: `/api/v1/council-letters/${letter.id}/versions`, headers: manager.headers, payload: { ...payload(), baseVersion: 3 } });
    expect(saved.statusCode, saved.body).toBe(422);
    expect(JSON.stringify(saved.json().errors)).toContain(path);
    expect([await countRows(t.database, 'council_letters'), await countRows(t.database, 'council_letter_versions'), await countRows(t.database, 'audit_log')]).toEqual(before);
  });

  it('refuses a snapshot of another programme (422) and an unknown programme (404)', async () => {
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/programmes', headers: manager.headers, payload: { name: 'Ander programma', municipality: 'GM0505', horizonStart: '2024-01-01', horizonEnd: '2030-12-31' } });
    expect(other.statusCode, other.body).toBe(201);
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/programmes/${other.json<{ id: string }>().id}/council-letters`, headers: manager.headers, payload: letterBody() });
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json().errors)).toContain('snapshotId');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/programmes/00000000-0000-4000-8000-000000000000/council-letters', headers: manager.headers, payload: letterBody() });
    expect(unknown.statusCode).toBe(404);
  });
});
