import type { Kysely } from 'kysely';
import { AppError, conflict, notFound, withAudit, type Actor, type Database, type ScheduledJob } from '../../../platform/server/index.js';
import type { CreateRender, DocumentQuery, RenderFormat, RenderStatus, ReportDocument } from '../contract.js';
import { snapshotDocument } from './documents.service.js';
import { letterDocument } from './letters.service.js';
import { renderInWorker } from './render-pool.js';
import { deleteRendersCreatedBefore, failRender, findRender, findRenderContent, finishRender, insertRender, updateRenderProgress, type RenderRow } from './reports.queries.js';
import { reportsDb } from './reports.tables.js';

/**
 * Renders (docs/reports.md, "Rendering and progress"): the request checks who asks and builds the document
 * model (cheap, on the request), stores a render and answers 202; the worker thread makes the file while
 * the browser polls its status and progress, then fetches it. Status, progress and file live in the
 * database, so whichever server process a poll reaches can answer. Only the one who asked may poll or
 * fetch; the fetch is the export and is audited (report.export).
 */

export const CONTENT_TYPES: Record<RenderFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A render still "running" without news for this long belongs to a process that stopped: it failed. */
const STALE_MS = 2 * 60_000;
/** Renders (and their files) are kept this long after they were asked for. */
const KEEP_MS = 60 * 60_000;
/** Progress is written at most this often: each write is a statement on the (possibly single) connection. */
const PROGRESS_EVERY_MS = 250;

interface Target {
  document: ReportDocument;
  snapshotId: string;
  letter: { id: string; version: number } | null;
  kind: ReportDocument['kind'];
  subjectId: string | null;
}

async function targetOf(db: Kysely<Database>, actor: Actor, input: CreateRender): Promise<Target> {
  if (input.kind === 'letter') {
    const letter = await letterDocument(db, actor, input.letterId, input.version);
    return { document: letter.document, snapshotId: letter.snapshotId, letter: { id: input.letterId, version: letter.version }, kind: 'letter', subjectId: null };
  }
  const query: DocumentQuery = { kind: input.kind, ...(input.subject ? { subject: input.subject } : {}) };
  return { document: await snapshotDocument(db, actor, input.snapshotId, query), snapshotId: input.snapshotId, letter: null, kind: input.kind, subjectId: input.subject ?? null };
}

function toStatus(row: RenderRow, now: Date): RenderStatus {
  const stale = row.status === 'running' && now.getTime() - new Date(row.updated_at).getTime() > STALE_MS;
  return { id: row.id, status: stale ? 'failed' : (row.status as RenderStatus['status']), progress: row.progress, fileName: row.file_name, format: row.format as RenderFormat };
}

/**
 * Runs renders in the background of this process and remembers them, so a shutdown waits for them before
 * the database closes.
 */
export class RenderRunner {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly db: () => Kysely<Database>) {}

  async start(actor: Actor, input: CreateRender): Promise<RenderStatus> {
    const db = this.db();
    const target = await targetOf(db, actor, input);
    const row = await insertRender(reportsDb(db), {
      requestedBy: actor.userId,
      snapshotId: target.snapshotId,
      letterId: target.letter?.id ?? null,
      letterVersion: target.letter?.version ?? null,
      kind: target.kind,
      subjectId: target.subjectId,
      format: input.format,
      fileName: `${target.document.fileName}.${input.format}`,
    });
    const run = this.run(row.id, target.document, input.format).finally(() => this.running.delete(run));
    this.running.add(run);
    return toStatus(row, new Date());
  }

  private async run(id: string, document: ReportDocument, format: RenderFormat): Promise<void> {
    const rdb = reportsDb(this.db());
    let written = 0;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const onProgress = (percent: number) => {
      const now = Date.now();
      if (percent <= written || now - lastWrite < PROGRESS_EVERY_MS) return;
      written = percent;
      lastWrite = now;
      writing = writing.then(() => updateRenderProgress(rdb, id, percent)).catch(() => {});
    };
    try {
      const body = await renderInWorker(document, format, onProgress);
      await writing;
      await finishRender(rdb, id, body);
    } catch {
      await writing;
      await failRender(rdb, id).catch(() => {});
    }
  }

  /** Waits for the renders of this process (at shutdown, before the database closes). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}

/** A render of the caller's; someone else's is 404, like an unknown one. */
async function findOwnRender(db: Kysely<Database>, actor: Actor, id: string): Promise<RenderRow> {
  const row = await findRender(reportsDb(db), id);
  if (!row || row.requested_by !== actor.userId) throw notFound('Render', 'report.render_not_found');
  return row;
}

export async function getRenderStatus(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<RenderStatus> {
  return toStatus(await findOwnRender(db, actor, id), now);
}

/** The finished file, audited as the export; 409 while it is being made or when it failed. */
export async function readRenderFile(db: Kysely<Database>, actor: Actor, id: string, now: Date): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const status = toStatus(await findOwnRender(db, actor, id), now);
  if (status.status === 'running') throw conflict('report.render_running', 'The file is still being made; ask again when its status is done');
  if (status.status === 'failed') throw conflict('report.render_failed', 'Making the file failed; ask for it again');
  return db.transaction().execute(async (tx) => {
    const row = await findRender(reportsDb(tx), id);
    const body = await findRenderContent(reportsDb(tx), id);
    if (!row || !body) throw notFound('Render', 'report.render_not_found');
    await withAudit(tx, actor, 'report.export', { type: row.letter_id ? 'council_letter' : 'report_snapshot', id: row.letter_id ?? row.snapshot_id }, { kind: row.kind, format: row.format, render: row.id });
    return { fileName: row.file_name, contentType: CONTENT_TYPES[status.format], body };
  });
}

/** A document of a snapshot rendered while the request waits (in the worker, so the server thread stays free); audited as an export. */
export async function renderSnapshotFileNow(db: Kysely<Database>, actor: Actor, snapshotId: string, query: DocumentQuery, format: RenderFormat): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const doc = await snapshotDocument(db, actor, snapshotId, query);
  let body: Buffer;
  try {
    body = await renderInWorker(doc, format);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('report.render_failed', 500, 'Making the file failed');
  }
  await db.transaction().execute((tx) => withAudit(tx, actor, 'report.export', { type: 'report_snapshot', id: snapshotId }, { kind: query.kind, subject: query.subject ?? null, format }));
  return { fileName: `${doc.fileName}.${format}`, contentType: CONTENT_TYPES[format], body };
}

export const renderCleanupJob: ScheduledJob = {
  name: 'reports.renders-cleanup',
  intervalSeconds: 600,
  run: async ({ db, now }) => ({ deleted: await deleteRendersCreatedBefore(reportsDb(db), new Date(now().getTime() - KEEP_MS)) }),
};
