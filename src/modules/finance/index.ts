import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedFinanceDemo } from './server/demo-data.js';
import { financeRoutes } from './server/finance.routes.js';

/**
 * Finance: funding sources with tranches and accountability duties, budget lines per activity and year,
 * commitments and spend with four-eyes approval, forecasts and warnings, budget-effect tables and subsidy
 * accountability. docs/finance.md describes the rules.
 */
export const financeModule: ServerModule = {
  name: 'finance',
  routes: async (app: FastifyInstance) => {
    await financeRoutes(app);
  },
  seedDemo: (db) => seedFinanceDemo(db),
};
