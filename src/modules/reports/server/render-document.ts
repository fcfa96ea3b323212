import { AppError } from '../../../platform/server/index.js';
import type { Block, RenderFormat, ReportDocument } from '../contract.js';
import { DEFAULT_HOUSE_STYLE } from './default-template.js';
import { renderInWorker, RenderFailed } from './render-pool.js';

export { DEFAULT_HOUSE_STYLE };

/**
 * For other modules (the learning module's MKBA report, the spatial-safety advice, the evaluation): a document they build
 * themselves, rendered to DOCX or tagged PDF by the same worker, queue, renderers and fonts as the reports' own
 * documents. Waits for the render; a render that fails is a 503 the caller can retry, without the document's
 * text in the logs.
 */
export async function renderDocument(document: ReportDocument, format: RenderFormat): Promise<Buffer> {
  try {
    return await renderInWorker(document, format);
  } catch (error) {
    if (error instanceof RenderFailed) throw new AppError('report.render_failed', 503, 'The document could not be made; try again in a minute', undefined, { 'retry-after': '30' });
    throw error;
  }
}

/** A document given as its title, day and blocks only: the rest (house style, language, no logo) is the default. */
export interface OtherDocument {
  title: string;
  subtitle: string;
  /** The day the document speaks of (YYYY-MM-DD). */
  peildatum: string;
  municipalityName: string;
  /** Without extension. */
  fileName: string;
  blocks: Block[];
}

export function renderOtherDocument(input: OtherDocument, format: RenderFormat): Promise<Buffer> {
  // The kind only sets heading levels in the PDF; a document outside the letter uses the report levels.
  return renderDocument({ kind: 'progress', language: 'nl-NL', style: DEFAULT_HOUSE_STYLE, logo: null, ...input }, format);
}
