import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedDemoReports } from './server/demo-reports.js';
import { lettersRoutes } from './server/letters.routes.js';
import { renderCleanupJob } from './server/renders.service.js';
import { rendersRoutes } from './server/renders.routes.js';
import { snapshotsRoutes } from './server/snapshots.routes.js';

/**
 * Reports from live data (docs/reports.md): snapshots (peildatum) of a programme, the council information
 * letter (raadsinformatiebrief) as versioned drafts with its municipality's versioned template, the progress
 * report, the annual accountability, a meeting's decision list and the subsidy accountability, as DOCX,
 * tagged PDF (rendered in a worker thread, with progress) and HTML.
 */
export const reportsModule: ServerModule = {
  name: 'reports',
  routes: async (app: FastifyInstance) => {
    await snapshotsRoutes(app);
    await lettersRoutes(app);
    await rendersRoutes(app);
  },
  seedDemo: (db) => seedDemoReports(db),
  jobs: [renderCleanupJob],
};

/**
 * For other modules that make a document of their own (the MKBA report, docs/learning.md; the spatial-safety
 * advice, docs/spatialadvice.md; the evaluation, docs/evaluation.md), rendered in the render worker like the
 * reports' own documents; 503 when the render fails:
 *  renderDocument(document, format) → Buffer: a whole ReportDocument (contract.ts, kind e.g. 'mkba')
 *  renderOtherDocument(input, format) → Buffer: title, subtitle, peildatum, municipality, file name and blocks;
 *      the default house style, Dutch, no logo
 *  DEFAULT_HOUSE_STYLE: the house style to use without a municipality template
 */
export { renderDocument, renderOtherDocument, DEFAULT_HOUSE_STYLE, type OtherDocument } from './server/render-document.js';
