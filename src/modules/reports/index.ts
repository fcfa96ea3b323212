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
 * For other modules that make a document of their own (the learning module's MKBA report, docs/learning.md):
 *  renderDocument(document, format) → Buffer: a ReportDocument (contract.ts, kind e.g. 'mkba') as DOCX or
 *      tagged PDF, rendered in the render worker like the reports' own documents; 503 when the render fails
 *  DEFAULT_HOUSE_STYLE: the house style to use without a municipality template
 */
export { renderDocument, DEFAULT_HOUSE_STYLE } from './server/render-document.js';

/** For other modules: a document of their own as DOCX or PDF on the report machinery (render-other-document.ts). */
export { renderOtherDocument, type OtherDocument } from './server/render-other-document.js';
