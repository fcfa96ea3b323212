import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { snapshotsRoutes } from './server/snapshots.routes.js';

/**
 * Reports from live data (docs/reports.md): snapshots (peildatum) of a programme, the council information
 * letter (raadsinformatiebrief) with its municipality's template, the progress report, the annual
 * accountability, a meeting's decision list and the subsidy accountability, as DOCX, tagged PDF and HTML.
 */
export const reportsModule: ServerModule = {
  name: 'reports',
  routes: async (app: FastifyInstance) => {
    await snapshotsRoutes(app);
  },
};
