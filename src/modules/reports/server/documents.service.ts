import type { Kysely } from 'kysely';
import { AppError, notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { findAreaForFigures } from '../../areas/index.js';
import type { DocumentQuery, RenderFormat, ReportDocument, TemplateContent } from '../contract.js';
import { defaultTemplate } from './default-template.js';
import { annualReport, decisionList, progressReport, subsidyReport, type SnapshotMeta } from './documents.js';
import { readSnapshot } from './snapshots.service.js';

/** A document of a snapshot, as the model every format renders (the HTML preview shows it as it is). */

async function templateFor(db: Kysely<Database>, actor: Actor, municipalityCode: string): Promise<TemplateContent> {
  let name = municipalityCode;
  try {
    name = `Gemeente ${(await findAreaForFigures(db, actor, municipalityCode)).name}`;
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
  }
  return defaultTemplate(name);
}

export async function snapshotDocument(db: Kysely<Database>, actor: Actor, snapshotId: string, query: DocumentQuery): Promise<ReportDocument> {
  const snapshot = await readSnapshot(db, actor, snapshotId);
  const meta: SnapshotMeta = { id: snapshot.id, title: snapshot.title, periodStart: snapshot.periodStart, peildatum: snapshot.peildatum, content: snapshot.content };
  const template = await templateFor(db, actor, snapshot.content.programme.municipalityCode);
  switch (query.kind) {
    case 'progress':
      return progressReport(meta, template);
    case 'annual':
      return annualReport(meta, template);
    case 'decisions': {
      const doc = query.subject ? decisionList(meta, template, query.subject) : null;
      if (!doc) throw notFound('Meeting in this snapshot', 'report.subject_not_found');
      return doc;
    }
    case 'subsidy': {
      const doc = query.subject ? subsidyReport(meta, template, query.subject) : null;
      if (!doc) throw notFound('Funding source in this snapshot', 'report.subject_not_found');
      return doc;
    }
  }
}

const CONTENT_TYPES: Record<RenderFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The document as a file; audited as an export (who, which snapshot, which document, format). */
export async function snapshotFile(db: Kysely<Database>, actor: Actor, snapshotId: string, query: DocumentQuery, format: RenderFormat): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const doc = await snapshotDocument(db, actor, snapshotId, query);
  const body = format === 'docx' ? await (await import('./render-docx.js')).renderDocx(doc) : await (await import('./render-pdf.js')).renderPdf(doc);
  await db.transaction().execute((tx) => withAudit(tx, actor, 'report.export', { type: 'report_snapshot', id: snapshotId }, { kind: query.kind, subject: query.subject ?? null, format }));
  return { fileName: `${doc.fileName}.${format}`, contentType: CONTENT_TYPES[format], body };
}
