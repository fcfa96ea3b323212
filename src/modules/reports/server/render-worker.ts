import { parentPort } from 'node:worker_threads';
import type { RenderFormat, ReportDocument } from '../contract.js';
import { warmChartRenderer } from './render-chart.js';
import { renderDocx } from './render-docx.js';
import { reportFonts } from './fonts.js';
import { renderPdf } from './render-pdf.js';

/**
 * The render worker thread (started by render-pool.ts): turns a document model into DOCX or PDF while the
 * server thread keeps answering. It stays alive between renders, so the libraries, fonts and the chart
 * rasteriser are loaded once. One render at a time; progress is posted as whole percentages.
 */
export interface RenderRequest {
  id: number;
  format: RenderFormat;
  document: ReportDocument;
}
export type RenderAnswer =
  | { id: number; kind: 'progress'; percent: number }
  | { id: number; kind: 'done'; body: Uint8Array }
  | { id: number; kind: 'failed'; failure: string };

const port = parentPort;
if (!port) throw new Error('render-worker must run as a worker thread');

port.on('message', (request: RenderRequest) => {
  void render(request);
});

// After the first render, load the other renderer's libraries while the worker is idle, so a DOCX after a
// PDF (or the reverse) does not pay their start too. Not before: on two cores it would slow the first render.
// Failures here surface in the render that needs them.
let warmed = false;
function warmAfterFirstRender(): void {
  if (warmed) return;
  warmed = true;
  void Promise.allSettled([import('docx'), import('pdfkit'), reportFonts(), warmChartRenderer()]);
}

async function render(request: RenderRequest): Promise<void> {
  let last = -1;
  const onProgress = (share: number) => {
    const percent = Math.max(0, Math.min(99, Math.floor(share * 100)));
    if (percent === last) return;
    last = percent;
    port?.postMessage({ id: request.id, kind: 'progress', percent } satisfies RenderAnswer);
  };
  try {
    const buffer = request.format === 'docx' ? await renderDocx(request.document, onProgress) : await renderPdf(request.document, onProgress);
    // A copy the main thread can own: a Buffer may be a view into a larger pooled allocation.
    const body = new Uint8Array(buffer.length);
    body.set(buffer);
    port?.postMessage({ id: request.id, kind: 'done', body } satisfies RenderAnswer, [body.buffer]);
  } catch (error) {
    // The name only: a message could echo the document's text into the server's logs.
    port?.postMessage({ id: request.id, kind: 'failed', failure: error instanceof Error ? error.name : 'unknown' } satisfies RenderAnswer);
  }
  warmAfterFirstRender();
}
