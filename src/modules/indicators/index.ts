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
/**
 * For the programmes module (goal status against a trajectory): the catalogue, and one indicator of an area
 * over the years with its municipality reference (the gemeente's own value, else its buurten aggregated by
 * the indicator's rule).
 */
export { listIndicators } from './server/catalogue.service.js';
export { getAreaSeries } from './server/profile.service.js';
/**
 * For the programmes module ("reach the municipality average") and the hot-spot analysis: one indicator over a
 * level (suppressed values come back as null), and the aggregation rules.
 */
export { getIndicatorValues } from './server/values.service.js';
/**
 * For the public area pages and the newsletter's key figures: every indicator of an area in one year against the municipality,
 * with the index (100 = the municipality) where it means something and suppressed values kept suppressed.
 */
export { getAreaProfile } from './server/profile.service.js';
export { aggregate, type AggregationRule, type MemberFigure } from './server/aggregation.js';
/**
 * For the survey module: its results per area as indicator values with their own catalogue entries
 * (codes `enq_…`, source "Bewonersenquête <gemeente> <jaar>"), in the caller's transaction.
 */
export { writeSurveyFigures, type OwnIndicator, type OwnFigure } from './server/survey-figures.service.js';
