import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { EvaluationDetail, EvaluationSummary, EvidenceOptions } from '../contract.js';

/**
 * The evaluation as Word and PDF (GET /api/v1/evaluations/:id/report.docx|pdf) on both databases: refused
 * while scores are still hidden (concept, scoring open), a concept document once scoring is closed, the
 * established one with scores, names, evidence and factors; who may not read the evaluation gets what the
 * evaluation page gives them; every download is audited as evaluation.export.
 */

let t: TestApp;
let lead: TestSession; // regisseur
let second: TestSession; // analist
let finance: TestSession; // financien: reads, not invited
let partner: TestSession; // politie: no evaluation.read
let programmeId = '';
let demoId = '';
let evaluation: EvaluationDetail;
let dir = '';

const get = (url: string, session: TestSession) => t.app.inject({ url, headers: { cookie: session.cookie } });
const send = (method: 'POST' | 'PUT', url: string, session: TestSession, payload?: object) => t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const download = (id: string, format: 'docx' | 'pdf', session = finance) => get(`/api/v1/evaluations/${id}/report.${format}`, session);
const flat = (text: string) => text.replace(/\s+/g, ' ');
const exports = async (id: string) =>
  (await sql<{ format: string; status: string }>`SELECT detail->>'format' AS format, detail->>'status' AS status FROM audit_log WHERE action = 'evaluation.export' AND subject_id = ${id} ORDER BY id`.execute(t.database.db)).rows;

function docxText(body: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return flat(execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<\/w:(p|tc)>/g, ' ').replace(/<[^>]+>/g, ''));
}
function pdfText(body: Buffer, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
}

async function expectProblem(response: Awaited<ReturnType<typeof get>>, status: number, code?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (code) expect(response.json<{ type: string }>().type).toBe(`urn:wijkregie:problem:${code}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'evaluation-report-'));
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'evaluation'] });
  [lead, second, finance, partner] = [await t.login('regisseur'), await t.login('analist'), await t.login('financien'), await t.login('politie')];
  const programmes = await get('/api/v1/programmes', lead);
  programmeId = programmes.json<{ items: { id: string; name: string }[] }>().items.find((p) => p.name.includes('Dordt West'))!.id;
  demoId = (await get(`/api/v1/evaluations?programme=${programmeId}`, lead)).json<{ items: EvaluationSummary[] }>().items.find((e) => e.isDemo)!.id;
  const created = await send('POST', '/api/v1/evaluations', lead, { programmeId, title: 'Rapportevaluatie', kind: 'final', peildatum: '2026-12-01', frameworks: ['platform31', 'programme_goals'] });
  expect(created.statusCode, created.body).toBe(201);
  evaluation = created.json<EvaluationDetail>();
}, 300_000);
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the evaluation as a document', () => {
  it('is refused with 409 while the evaluation is a concept or open for scoring, and nothing is audited', async () => {
    await expectProblem(await download(evaluation.id, 'docx', lead), 409, 'evaluation.report_not_ready');
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/evaluators`, lead, { userId: (await get('/api/v1/session', second)).json<{ user: { id: string } }>().user.id })).statusCode).toBe(200);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'scoring_open' })).statusCode).toBe(200);
    for (const [i, criterion] of evaluation.criteria.entries()) {
      expect((await send('PUT', `/api/v1/evaluation-criteria/${criterion.id}/my-score`, lead, { score: i === 0 ? 5 : 4, motivation: i === 0 ? 'Breed gedragen urgentie' : 'Ruim voldoende' })).statusCode).toBe(200);
      expect((await send('PUT', `/api/v1/evaluation-criteria/${criterion.id}/my-score`, second, i === 1 ? { score: null, motivation: '' } : { score: i === 0 ? 2 : 3, motivation: i === 0 ? 'Vooral bij de gemeente' : 'Redelijk' })).statusCode).toBe(200);
    }
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/submission`, second)).statusCode).toBe(200);
    // The second evaluator has submitted and sees scores without names on the page; a document would still
    // reveal what others may not see yet, so it waits for closing for everyone.
    await expectProblem(await download(evaluation.id, 'pdf', second), 409, 'evaluation.report_not_ready');
    await expectProblem(await download(evaluation.id, 'pdf', finance), 409, 'evaluation.report_not_ready');
    expect(await exports(evaluation.id)).toEqual([]);
  });

  it('once scoring is closed: a concept document with every score, its evaluator and reason', async () => {
    const options = (await get(`/api/v1/evaluations/${evaluation.id}/evidence-options`, lead)).json<EvidenceOptions>();
    const first = evaluation.criteria[0]!.id;
    expect((await send('POST', `/api/v1/evaluation-criteria/${first}/evidence`, lead, { kind: 'activity', activityId: options.activities[0]!.id, note: 'Liep goed' })).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/evaluation-criteria/${first}/evidence`, second, { kind: 'document', title: 'Wijkschouw 2026', url: 'https://example.org/wijkschouw.pdf' })).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/submission`, lead)).statusCode).toBe(200);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'scoring_closed' })).statusCode).toBe(200);

    const response = await download(evaluation.id, 'docx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="evaluatie-rapportevaluatie-concept-\d{4}-\d{2}-\d{2}\.docx"$/);
    expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = docxText(response.rawPayload, 'concept.docx');
    for (const expected of [
      'Concept: Rapportevaluatie',
      'Concept: deze evaluatie is nog niet vastgesteld',
      'Eindevaluatie van',
      'Dordt West',
      'Platform31 — zes lessen',
      'Bron: ',
      'Doelen van het programma',
      'Stand van het doel op',
      'Urgentie',
      // Median of 5 and 2 is 3,5, spread 3; the second point was "niet te beoordelen" for one evaluator.
      'Mediaan: 3,5; verschil hoogste en laagste: 3.',
      'De beoordelaars verschillen 2 punten of meer',
      'Demo Programmamanager 5 – Volledig Breed gedragen urgentie',
      'Demo Analist 2 – Nauwelijks Vooral bij de gemeente',
      '1 keer niet te beoordelen',
      'Niet te beoordelen',
      options.activities[0]!.name,
      'Liep goed',
      'Wijkschouw 2026 (https://example.org/wijkschouw.pdf)',
      'Nog geen conclusie.',
      'Geen succesfactoren vastgelegd.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Vastgesteld op');
    expect(text).not.toContain('Illustratief');
  });

  it('once established: the conclusions and factors, no longer a concept; the PDF too', async () => {
    for (const criterion of evaluation.criteria) expect((await send('PUT', `/api/v1/evaluation-criteria/${criterion.id}/conclusion`, lead, { conclusion: `Conclusie over ${criterion.title}` })).statusCode).toBe(200);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/factors`, lead, { kind: 'success', title: 'Vaste wijkregisseur', explanation: 'Eén gezicht voor bewoners en partners.', criterionId: evaluation.criteria[3]!.id })).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/factors`, lead, { kind: 'failure', title: 'Te veel overleg', explanation: 'Besluiten duurden lang.' })).statusCode).toBe(201);
    expect((await send('POST', `/api/v1/evaluations/${evaluation.id}/status`, lead, { to: 'established' })).statusCode).toBe(200);

    const docx = await download(evaluation.id, 'docx', second);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/filename="evaluatie-rapportevaluatie-vastgesteld-\d{4}-\d{2}-\d{2}\.docx"/);
    const text = docxText(docx.rawPayload, 'established.docx');
    for (const expected of ['Rapportevaluatie', 'Vastgesteld op', 'Conclusie over Urgentie', 'Succesfactoren', 'Vaste wijkregisseur: Eén gezicht voor bewoners en partners. (bij: Compact kernteam)', 'Faalfactoren', 'Te veel overleg: Besluiten duurden lang.']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Concept');

    const pdf = await download(evaluation.id, 'pdf');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfWords = pdfText(pdf.rawPayload, 'established.pdf');
    expect(pdfWords).toContain('Rapportevaluatie');
    expect(pdfWords).toContain('Vaste wijkregisseur');
  });

  it('of the demo (scoring closed): a concept marked illustrative', async () => {
    const text = docxText((await download(demoId, 'docx')).rawPayload, 'demo.docx');
    expect(text).toContain('Illustratief: deze evaluatie hoort bij de demo');
    expect(text).toContain('Concept: Tussenevaluatie Dordt West 2026 (illustratief)');
    expect(text).toContain('Demo Analist');
    expect(pdfText((await download(demoId, 'pdf')).rawPayload, 'demo.pdf')).toContain('Illustratief');
  });

  it('is for whoever may read the evaluation: 403 without evaluation.read, 404 outside the programme\'s areas', async () => {
    await expectProblem(await download(evaluation.id, 'pdf', partner), 403);
    const admin = await t.login('beheerder');
    const organisations = await get('/api/v1/organisations', admin);
    const gemeente = organisations.json<{ items: { id: string; kind: string }[] }>().items.find((o) => o.kind === 'gemeente')!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'elders', displayName: 'Analist Elders', password: 'correct horse battery staple', organisationId: gemeente.id, roles: ['analyst'], areaScopes: ['WK050301'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const outsider = await t.login('elders', 'correct horse battery staple');
    expect((await get(`/api/v1/evaluations/${evaluation.id}`, outsider)).statusCode).toBe(404);
    await expectProblem(await download(evaluation.id, 'docx', outsider), 404, 'evaluation.not_found');
  });

  it('is 422 for an id that is no id and 404 for an unknown one, writing nothing', async () => {
    const before = await countRows(t.database, 'audit_log');
    await expectProblem(await download('not-an-id', 'pdf'), 422);
    await expectProblem(await download('00000000-0000-4000-8000-00000000000', 'docx'), 422);
    await expectProblem(await download('00000000-0000-4000-8000-000000000000', 'docx'), 404, 'evaluation.not_found');
    expect(await countRows(t.database, 'audit_log')).toBe(before);
  });

  it('audits every download as evaluation.export with its format and state', async () => {
    expect(await exports(evaluation.id)).toEqual([
      { format: 'docx', status: 'scoring_closed' },
      { format: 'docx', status: 'established' },
      { format: 'pdf', status: 'established' },
    ]);
    const { rows } = await sql<{ actor: string }>`SELECT actor_username AS actor FROM audit_log WHERE action = 'evaluation.export' AND subject_id = ${evaluation.id} ORDER BY id`.execute(t.database.db);
    expect(rows.map((r) => r.actor)).toEqual(['financien', 'analist', 'financien']);
  });
});
