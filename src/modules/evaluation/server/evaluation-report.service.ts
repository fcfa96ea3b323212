import type { Kysely } from 'kysely';
import { conflict, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { findProgrammeSummary } from '../../programmes/index.js';
import { renderOtherDocument } from '../../reports/index.js';
import { REPORT_STATUSES } from '../contract.js';
import { evaluationDb } from './evaluation.tables.js';
import * as q from './evaluation.queries.js';
import { evaluationReport } from './evaluation-report.js';
import { readEvaluationDetail } from './evaluation-view.js';

const CONTENT_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/**
 * The evaluation as DOCX or PDF for whoever may read it (the same rule as GET /evaluations/:id: 404 outside
 * the programme's area scope), as they see it. 409 evaluation.report_not_ready before scoring is closed.
 * Every download is audited as evaluation.export with its format and the state it was in.
 */
export async function evaluationReportFile(db: Kysely<Database>, actor: Actor, id: string, format: 'docx' | 'pdf', now: Date): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const evaluation = await readEvaluationDetail(db, actor, id);
  // Before closing, scores are hidden from all but their own evaluator: a document would leak them.
  if (!REPORT_STATUSES.includes(evaluation.status)) {
    throw conflict('evaluation.report_not_ready', 'The evaluation can be downloaded once the lead has closed scoring; until then the scores are not visible to everyone');
  }
  const edb = evaluationDb(db);
  const [row, frameworks, programme] = [await q.findEvaluation(edb, id), await q.findFrameworksUsed(edb, id), await findProgrammeSummary(db, evaluation.programmeId)];
  const document = evaluationReport({
    evaluation,
    frameworks,
    municipalityName: programme?.municipalityName ?? programme?.municipalityCode ?? '',
    establishedOn: evaluation.status === 'established' && row?.established_at ? calendarDayOf(row.established_at) : null,
    today: calendarDayOf(now),
  });
  const body = await renderOtherDocument(document, format);
  await db.transaction().execute((tx) => withAudit(tx, actor, 'evaluation.export', { type: 'evaluation', id }, { format, status: evaluation.status }));
  return { body, contentType: CONTENT_TYPES[format], fileName: `${document.fileName}.${format}` };
}
