import type { Block, RenderFormat, ReportDocument } from '../contract.js';
import { defaultTemplate } from './default-template.js';
import { renderInWorker } from './render-pool.js';

/**
 * For other modules (through index.ts): their own document, rendered on the report machinery — the same
 * renderer, worker thread, queue and house style as the reports' documents. The caller builds the blocks.
 */
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

export async function renderOtherDocument(input: OtherDocument, format: RenderFormat): Promise<Buffer> {
  const template = defaultTemplate(input.municipalityName);
  const document: ReportDocument = {
    // The kind only sets heading levels in the PDF; a document outside the letter uses the report levels.
    kind: 'progress',
    title: input.title,
    subtitle: input.subtitle,
    peildatum: input.peildatum,
    language: 'nl-NL',
    municipalityName: input.municipalityName,
    style: template.style,
    logo: null,
    fileName: input.fileName,
    blocks: input.blocks,
  };
  return renderInWorker(document, format);
}
