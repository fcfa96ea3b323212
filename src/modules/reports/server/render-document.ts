import { AppError } from '../../../platform/server/index.js';
import type { HouseStyle, RenderFormat, ReportDocument } from '../contract.js';
import { renderInWorker, RenderFailed } from './render-pool.js';

/**
 * For other modules (the learning module's MKBA report): a document model they build themselves, rendered to
 * DOCX or tagged PDF by the same worker, renderers and fonts as the reports' own documents. Waits for the
 * render; a render that fails is a 503 the caller can retry, without the document's text in the logs.
 */
export async function renderDocument(document: ReportDocument, format: RenderFormat): Promise<Buffer> {
  try {
    return await renderInWorker(document, format);
  } catch (error) {
    if (error instanceof RenderFailed) throw new AppError('report.render_failed', 503, 'The document could not be made; try again in a minute', undefined, { 'retry-after': '30' });
    throw error;
  }
}

/** The house style of a document without a municipality template of its own. */
export const DEFAULT_HOUSE_STYLE: HouseStyle = { primaryColor: '#1a4d80', fontFamily: 'Arial' };
