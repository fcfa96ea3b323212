import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { catalogueRoutes } from './server/catalogue.routes.js';
import { seedDemoIndicatorData } from './server/demo-data.js';
import { importRoutes } from './server/imports.routes.js';
import { rankingRoutes } from './server/rankings.routes.js';
import { valuesRoutes } from './server/values.routes.js';

/**
 * The information position: indicator catalogue, values per area per year, imports of CBS data, area
 * profiles against the city and national figures, choropleth values, and the priority ranking.
 */
export const indicatorsModule: ServerModule = {
  name: 'indicators',
  routes: async (app: FastifyInstance) => {
    await catalogueRoutes(app);
    await importRoutes(app);
    await valuesRoutes(app);
    await rankingRoutes(app);
  },
  seedDemo: seedDemoIndicatorData,
};

/** For the CLI and the benchmark: the same all-or-nothing import as POST /api/v1/imports. */
export { runImport, type ImportInput } from './server/import/import.service.js';
/** For the hot-spot analysis: one indicator's values over a level (suppressed values come back as null). */
export { getIndicatorValues } from './server/values.service.js';
