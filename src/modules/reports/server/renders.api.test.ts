import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import type { LetterDetail, RenderStatus, SnapshotSummary } from '../contract.js';
import { calendarDate } from './dates.js';
import { renderCleanupJob } from './renders.service.js';

/**
 * Renders off the request thread: 202 with a render to poll, progress up to done, the file once (audited as
 * the export), only for the one who asked; bad input 422 with nothing stored; old renders cleaned up.
 */

let t: TestApp;
let manager: TestSession;
let admin: TestSession;
let programmeId: string;
let snapshotId: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({}, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance'] });
  [manager, admin] = [await t.login('regisseur'), await t.login('beheerder')];
  const list = await t.app.inject({ url: '/api/v1/programmes', headers: { cookie: manager.cookie } });
  programmeId = list.json<{ items: { id: string; isDemo: boolean }[] }>().items.find((p) => p.isDemo)?.id ?? '';
  const year = calendarDate(t.clock.now()).slice(0, 4);
  const snapshot = await t.app.inject({ method: 'POST', url: `/api/v1/programmes/${programmeId}/report-snapshots`, headers: manager.headers, payload: { title: 'Voortgang', periodStart: `${year}-01-01` } });
  snapshotId = snapshot.json<SnapshotSummary>().id;
  dir = mkdtempSync(path.join(tmpdir(), 'renders-'));
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (payload: object, session: TestSession = manager) => t.app.inject({ method: 'POST', url: '/api/v1/report-renders', headers: session.headers, payload });
const status = (id: string, session: TestSession = manager) => t.app.inject({ url: `/api/v1/report-renders/${id}`, headers: { cookie: session.cookie } });

/** Polls as the browser does until the render is no longer running; returns every status seen. */
async function pollUntilSettled(id: string): Promise<RenderStatus[]> {
  const seen: RenderStatus[] = [];
  for (;;) {
    const response = await status(id);
    expect(response.statusCode, response.body).toBe(200);
    seen.push(response.json<RenderStatus>());
    if (seen.at(-1)?.status !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a PDF of the progress report', () => {
  let render: RenderStatus;
  let seen: RenderStatus[];

  beforeAll(async () => {
    const response = await ask({ kind: 'progress', snapshotId, format: 'pdf' });
    expect(response.statusCode, response.body).toBe(202);
    render = response.json<RenderStatus>();
    expect(response.headers.location).toBe(`/api/v1/report-renders/${render.id}`);
    seen = await pollUntilSettled(render.id);
  }, 120_000);

  it('is accepted as running, then done with progress 100, progress never going back', () => {
    expect(render).toMatchObject({ status: 'running', format: 'pdf', fileName: `voortgangsrapportage-nationaal-programma-dordt-west-2023-2043-${calendarDate(t.clock.now())}.pdf` });
    expect(seen.at(-1)).toMatchObject({ status: 'done', progress: 100 });
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('gives the file to the one who asked, audited as the export', async () => {
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND subject_id = ${snapshotId}`.execute(t.database.db)).rows[0]?.n ?? 0;
    const file = await t.app.inject({ url: `/api/v1/report-renders/${render.id}/file`, headers: { cookie: manager.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${render.fileName}"`);
    const pdf = path.join(dir, 'progress.pdf');
    writeFileSync(pdf, file.rawPayload);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('Doorpakken in de periode');
    const after = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND subject_id = ${snapshotId}`.execute(t.database.db)).rows[0]?.n ?? 0;
    expect(after).toBe(before + 1);
  });

  it('is not found for anyone else', async () => {
    expect((await status(render.id, admin)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/report-renders/${render.id}/file`, headers: { cookie: admin.cookie } })).statusCode).toBe(404);
  });
});

describe('a DOCX of a council letter', () => {
  it('holds the version of the letter asked for', async () => {
    const fields = { aan: 'de gemeenteraad', datum: '', zaaknummer: '2026-0042', betreft: 'Voortgang Dordt West', portefeuillehouder: '', begrotingsprogramma: '', kernteam: '', auteur: '', email: '', verantwoordelijke: '', openbaar: 'Ja' };
    const sections = { aanleiding: 'Eerste versie van de aanleiding.', informatie: '', vervolg: '', kosten: '', besluiten: '' };
    const letter = (await t.app.inject({ method: 'POST', url: `/api/v1/programmes/${programmeId}/council-letters`, headers: manager.headers, payload: { snapshotId, fields, sections } })).json<LetterDetail>();
    const saved = await t.app.inject({ method: 'POST', url: `/api/v1/council-letters/${letter.id}/versions`, headers: manager.headers, payload: { snapshotId, fields, sections: { ...sections, aanleiding: 'Tweede versie van de aanleiding.' }, baseVersion: 1 } });
    expect(saved.statusCode).toBe(201);
    for (const [version, text] of [[1, 'Eerste versie'], [2, 'Tweede versie']] as const) {
      const response = await ask({ kind: 'letter', letterId: letter.id, version, format: 'docx' });
      expect(response.statusCode, response.body).toBe(202);
      const id = response.json<RenderStatus>().id;
      expect((await pollUntilSettled(id)).at(-1)?.status).toBe('done');
      const file = await t.app.inject({ url: `/api/v1/report-renders/${id}/file`, headers: { cookie: manager.cookie } });
      expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const docx = path.join(dir, `letter-${version}.docx`);
      writeFileSync(docx, file.rawPayload);
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<[^>]+>/g, '');
      expect(xml).toContain(text);
      expect(xml).toContain('2026-0042');
    }
    const audited = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND subject_id = ${letter.id}`.execute(t.database.db)).rows[0]?.n;
    expect(audited).toBe(2);
  }, 120_000);
});

describe('a render that is not done', () => {
  const insert = async (updatedAgoSeconds: number) => {
    const user = (await sql<{ id: string }>`SELECT id FROM users WHERE username = 'regisseur'`.execute(t.database.db)).rows[0]?.id;
    const { rows } = await sql<{ id: string }>`
      INSERT INTO report_renders (requested_by, snapshot_id, kind, format, file_name, status, progress, updated_at)
      VALUES (${user}, ${snapshotId}, 'progress', 'pdf', 'x.pdf', 'running', 40, now() - make_interval(secs => ${updatedAgoSeconds}))
      RETURNING id`.execute(t.database.db);
    return rows[0]?.id ?? '';
  };

  it('answers 409 for its file while it runs', async () => {
    const id = await insert(1);
    expect((await status(id)).json<RenderStatus>()).toMatchObject({ status: 'running', progress: 40 });
    const file = await t.app.inject({ url: `/api/v1/report-renders/${id}/file`, headers: { cookie: manager.cookie } });
    expect(file.statusCode).toBe(409);
    expect(file.json().type).toContain('report.render_running');
  });

  it('counts as failed when its process stopped giving news', async () => {
    const id = await insert(600);
    expect((await status(id)).json<RenderStatus>().status).toBe('failed');
    expect((await t.app.inject({ url: `/api/v1/report-renders/${id}/file`, headers: { cookie: manager.cookie } })).json().type).toContain('report.render_failed');
  });
});

describe('bad input', () => {
  it.each([
    [{ kind: 'nonsense', snapshotId: '00000000-0000-4000-8000-000000000000', format: 'pdf' }, 'kind'],
    [{ kind: 'progress', snapshotId: 'latest', format: 'pdf' }, 'snapshotId'],
    [{ kind: 'progress', format: 'pdf' }, 'snapshotId'],
    [{ kind: 'progress', snapshotId: '00000000-0000-4000-8000-000000000000', format: 'odt' }, 'format'],
    [{ kind: 'letter', letterId: '00000000-0000-4000-8000-000000000000', version: 0, format: 'pdf' }, 'version'],
    [{ kind: 'progress', snapshotId: '00000000-0000-4000-8000-000000000000', format: 'pdf', extra: 1 }, ''],
  ])('%j → 422 naming %s, nothing stored', async (payload, field) => {
    const before = [await countRows(t.database, 'report_renders'), await countRows(t.database, 'audit_log')];
    const response = await ask(payload);
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json().errors)).toContain(field);
    expect([await countRows(t.database, 'report_renders'), await countRows(t.database, 'audit_log')]).toEqual(before);
  });

  it('an unknown snapshot, letter or meeting is 404, nothing stored', async () => {
    const before = await countRows(t.database, 'report_renders');
    expect((await ask({ kind: 'progress', snapshotId: '00000000-0000-4000-8000-000000000000', format: 'pdf' })).statusCode).toBe(404);
    expect((await ask({ kind: 'letter', letterId: '00000000-0000-4000-8000-000000000000', format: 'pdf' })).statusCode).toBe(404);
    expect((await ask({ kind: 'decisions', snapshotId, subject: '00000000-0000-4000-8000-000000000000', format: 'pdf' })).statusCode).toBe(404);
    expect(await countRows(t.database, 'report_renders')).toBe(before);
  });
});

describe('cleanup', () => {
  it('removes renders asked for more than an hour ago, and keeps newer ones', async () => {
    const count = await countRows(t.database, 'report_renders');
    expect(count).toBeGreaterThan(0);
    await renderCleanupJob.run({ db: t.database.db, config: t.config, now: () => new Date() });
    expect(await countRows(t.database, 'report_renders')).toBe(count);
    await renderCleanupJob.run({ db: t.database.db, config: t.config, now: () => new Date(Date.now() + 61 * 60_000) });
    expect(await countRows(t.database, 'report_renders')).toBe(0);
  });
});
