import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { publicPagesRoutes } from './server/public-pages.routes.js';

/**
 * Public area pages for residents, without login (docs/publicpages.md): per area of a published programme its
 * ambition and goals with status, key figures against the city (index 100), activities, money per pillar and
 * public decisions, as a page, as JSON and as open data (CSV/JSON, CC BY 4.0). Keeps no data of its own: it
 * reads the programmes, meetings, finance and indicators modules through their index.ts.
 */
export const publicpagesModule: ServerModule = {
  name: 'publicpages',
  routes: async (app: FastifyInstance) => {
    await publicPagesRoutes(app);
  },
};
