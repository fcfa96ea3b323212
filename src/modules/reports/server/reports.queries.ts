import { sql } from 'kysely';
import type { ReportsDb } from './reports.tables.js';

/** SQL of snapshots, templates and council letters. Explicit columns; dates read as text. */

export interface SnapshotRow {
  id: string;
  programme_id: string;
  municipality_code: string;
  title: string;
  period_start: string;
  peildatum: string;
  content_sha256: string;
  is_demo: boolean;
  taken_by_name: string;
  taken_at: Date;
}

function snapshotColumns(db: ReportsDb) {
  return db
    .selectFrom('report_snapshots')
    .select([
      'id',
      'programme_id',
      'municipality_code',
      'title',
      sql<string>`period_start::text`.as('period_start'),
      sql<string>`peildatum::text`.as('peildatum'),
      'content_sha256',
      'is_demo',
      'taken_by_name',
      'taken_at',
    ]);
}

export async function findSnapshotsOfProgramme(db: ReportsDb, programmeId: string): Promise<SnapshotRow[]> {
  return snapshotColumns(db).where('programme_id', '=', programmeId).orderBy('taken_at', 'desc').limit(200).execute();
}

export async function findSnapshot(db: ReportsDb, id: string): Promise<(SnapshotRow & { content: string }) | undefined> {
  return snapshotColumns(db).select('content').where('id', '=', id).executeTakeFirst();
}

export async function insertSnapshot(
  db: ReportsDb,
  row: { programmeId: string; municipalityCode: string; title: string; periodStart: string; peildatum: string; content: string; sha256: string; isDemo: boolean; takenBy: string | null; takenByName: string; takenAt: Date },
): Promise<string> {
  const inserted = await db
    .insertInto('report_snapshots')
    .values({
      programme_id: row.programmeId,
      municipality_code: row.municipalityCode,
      title: row.title,
      period_start: row.periodStart,
      peildatum: row.peildatum,
      content: row.content,
      content_sha256: row.sha256,
      is_demo: row.isDemo,
      taken_by: row.takenBy,
      taken_by_name: row.takenByName,
      taken_at: row.takenAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export interface TemplateRow {
  municipality_code: string;
  version: number;
  content: string;
  saved_by_name: string;
  saved_at: Date;
}

/** The newest version of the municipality's template, or undefined while it has none of its own. */
export async function findLatestTemplate(db: ReportsDb, municipalityCode: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('report_templates')
    .select(['municipality_code', 'version', 'content', 'saved_by_name', 'saved_at'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findTemplateVersion(db: ReportsDb, municipalityCode: string, version: number): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('report_templates')
    .select(['municipality_code', 'version', 'content', 'saved_by_name', 'saved_at'])
    .where('municipality_code', '=', municipalityCode)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Serialises template saves of one municipality (a transaction-scoped advisory lock on its code). */
export async function lockTemplates(db: ReportsDb, municipalityCode: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`report_templates:${municipalityCode}`}))`.execute(db);
}

export async function insertTemplate(db: ReportsDb, row: { municipalityCode: string; version: number; content: string; savedBy: string | null; savedByName: string }): Promise<void> {
  await db
    .insertInto('report_templates')
    .values({ municipality_code: row.municipalityCode, version: row.version, content: row.content, saved_by: row.savedBy, saved_by_name: row.savedByName })
    .execute();
}

export interface LetterRow {
  id: string;
  programme_id: string;
  municipality_code: string;
  is_demo: boolean;
}

export async function findLetter(db: ReportsDb, id: string, forUpdate = false): Promise<LetterRow | undefined> {
  let query = db.selectFrom('council_letters').select(['id', 'programme_id', 'municipality_code', 'is_demo']).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findLettersOfProgramme(db: ReportsDb, programmeId: string): Promise<LetterRow[]> {
  return db.selectFrom('council_letters').select(['id', 'programme_id', 'municipality_code', 'is_demo']).where('programme_id', '=', programmeId).orderBy('created_at', 'desc').execute();
}

export async function insertLetter(db: ReportsDb, row: { programmeId: string; municipalityCode: string; isDemo: boolean; createdBy: string | null }): Promise<string> {
  const inserted = await db
    .insertInto('council_letters')
    .values({ programme_id: row.programmeId, municipality_code: row.municipalityCode, is_demo: row.isDemo, created_by: row.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export interface LetterVersionRow {
  letter_id: string;
  version: number;
  snapshot_id: string;
  template_version: number;
  content: string;
  saved_by_name: string;
  saved_at: Date;
  peildatum: string;
}

export async function findLetterVersions(db: ReportsDb, letterIds: readonly string[]): Promise<LetterVersionRow[]> {
  if (letterIds.length === 0) return [];
  return db
    .selectFrom('council_letter_versions as v')
    .innerJoin('report_snapshots as s', 's.id', 'v.snapshot_id')
    .select(['v.letter_id', 'v.version', 'v.snapshot_id', 'v.template_version', 'v.content', 'v.saved_by_name', 'v.saved_at', sql<string>`s.peildatum::text`.as('peildatum')])
    .where('v.letter_id', 'in', [...letterIds])
    .orderBy('v.letter_id')
    .orderBy('v.version', 'desc')
    .execute();
}

export async function insertLetterVersion(
  db: ReportsDb,
  row: { letterId: string; version: number; snapshotId: string; templateVersion: number; content: string; savedBy: string | null; savedByName: string },
): Promise<void> {
  await db
    .insertInto('council_letter_versions')
    .values({
      letter_id: row.letterId,
      version: row.version,
      snapshot_id: row.snapshotId,
      template_version: row.templateVersion,
      content: row.content,
      saved_by: row.savedBy,
      saved_by_name: row.savedByName,
    })
    .execute();
}

export async function findTemplateVersions(db: ReportsDb, municipalityCode: string): Promise<{ version: number; saved_by_name: string; saved_at: Date }[]> {
  return db
    .selectFrom('report_templates')
    .select(['version', 'saved_by_name', 'saved_at'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('version', 'desc')
    .limit(100)
    .execute();
}

export interface RenderRow {
  id: string;
  requested_by: string;
  snapshot_id: string;
  letter_id: string | null;
  kind: string;
  format: string;
  file_name: string;
  status: string;
  progress: number;
  updated_at: Date;
}

const RENDER_COLUMNS = ['id', 'requested_by', 'snapshot_id', 'letter_id', 'kind', 'format', 'file_name', 'status', 'progress', 'updated_at'] as const;

export async function insertRender(
  db: ReportsDb,
  row: { requestedBy: string; snapshotId: string; letterId: string | null; letterVersion: number | null; kind: string; subjectId: string | null; format: string; fileName: string },
): Promise<RenderRow> {
  return db
    .insertInto('report_renders')
    .values({
      requested_by: row.requestedBy,
      snapshot_id: row.snapshotId,
      letter_id: row.letterId,
      letter_version: row.letterVersion,
      kind: row.kind,
      subject_id: row.subjectId,
      format: row.format,
      file_name: row.fileName,
      status: 'running',
    })
    .returning(RENDER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function findRender(db: ReportsDb, id: string): Promise<RenderRow | undefined> {
  return db.selectFrom('report_renders').select(RENDER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findRenderContent(db: ReportsDb, id: string): Promise<Buffer | null> {
  const row = await db.selectFrom('report_renders').select('content').where('id', '=', id).where('status', '=', 'done').executeTakeFirst();
  return row?.content ?? null;
}

/** Progress only moves forward and only while the render runs. */
export async function updateRenderProgress(db: ReportsDb, id: string, progress: number): Promise<void> {
  await db
    .updateTable('report_renders')
    .set({ progress, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('progress', '<', progress)
    .execute();
}

export async function finishRender(db: ReportsDb, id: string, content: Buffer): Promise<void> {
  await db.updateTable('report_renders').set({ status: 'done', progress: 100, content, updated_at: sql`now()` }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function failRender(db: ReportsDb, id: string): Promise<void> {
  await db.updateTable('report_renders').set({ status: 'failed', updated_at: sql`now()` }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function deleteRendersCreatedBefore(db: ReportsDb, before: Date): Promise<number> {
  const result = await db.deleteFrom('report_renders').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The demo snapshot and the demo letter of a programme, if the demo seed made them. */
export async function findDemoSnapshotId(db: ReportsDb, programmeId: string): Promise<string | null> {
  const row = await db.selectFrom('report_snapshots').select('id').where('programme_id', '=', programmeId).where('is_demo', '=', true).orderBy('taken_at').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function findDemoLetterId(db: ReportsDb, programmeId: string): Promise<string | null> {
  const row = await db.selectFrom('council_letters').select('id').where('programme_id', '=', programmeId).where('is_demo', '=', true).limit(1).executeTakeFirst();
  return row?.id ?? null;
}
