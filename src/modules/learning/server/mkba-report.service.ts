import type { Kysely } from 'kysely';
import { withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { DEFAULT_HOUSE_STYLE, renderDocument } from '../../reports/index.js';
import { mkbaAreaNames } from './mkba-area.js';
import { mkbaReport } from './mkba-report.js';
import { mkbaResult } from './mkba-result.service.js';
import { readMkba } from './mkba.service.js';

const CONTENT_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/**
 * The MKBA report as DOCX or PDF, rendered by the reports module's renderers, as the MKBA stands now (linked
 * benefits with their goals' current figures); peildatum is today's Dutch calendar day. Every download is
 * audited as mkba.export with its format.
 */
export async function mkbaReportFile(db: Kysely<Database>, actor: Actor, id: string, format: 'docx' | 'pdf', now: Date): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const mkba = await readMkba(db, actor, id);
  const result = await mkbaResult(db, actor, id);
  const municipality = (await mkbaAreaNames(db, actor, [mkba.municipalityCode])).get(mkba.municipalityCode) ?? mkba.municipalityCode;
  const document = mkbaReport(mkba, result, municipality, calendarDayOf(now), DEFAULT_HOUSE_STYLE);
  const body = await renderDocument(document, format);
  await db.transaction().execute((tx) => withAudit(tx, actor, 'mkba.export', { type: 'mkba', id }, { format, ncwCents: result.alternatives.map((a) => a.ncwCents) }));
  return { body, contentType: CONTENT_TYPES[format], fileName: `${document.fileName}.${format}` };
}
