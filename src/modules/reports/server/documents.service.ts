import type { Kysely } from 'kysely';
import { notFound, type Actor, type Database } from '../../../platform/server/index.js';
import type { DocumentQuery, ReportDocument } from '../contract.js';
import { annualReport, decisionList, progressReport, subsidyReport, type SnapshotMeta } from './documents.js';
import { readSnapshot } from './snapshots.service.js';
import { templateContent } from './templates.service.js';

/** A document of a snapshot, as the model every format renders (the HTML preview shows it as it is). */

export async function snapshotDocument(db: Kysely<Database>, actor: Actor, snapshotId: string, query: DocumentQuery): Promise<ReportDocument> {
  const snapshot = await readSnapshot(db, actor, snapshotId);
  const meta: SnapshotMeta = { id: snapshot.id, title: snapshot.title, periodStart: snapshot.periodStart, peildatum: snapshot.peildatum, content: snapshot.content };
  const { content: template } = await templateContent(db, actor, snapshot.content.programme.municipalityCode);
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
