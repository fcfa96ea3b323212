import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { hotspotRoutes } from './server/hotspots.routes.js';
import { deleteExpiredHotspotAnalyses } from './server/hotspots.service.js';

/**
 * Hot spots: Getis-Ord Gi* and local Moran's I with Benjamini–Hochberg FDR, on indicator values over area
 * polygons or on signals binned to H3 cells; saved analyses serve as evidence in neighbourhood plans.
 */
export const hotspotsModule: ServerModule = {
  name: 'hotspots',
  routes: async (app: FastifyInstance) => {
    await hotspotRoutes(app);
  },
  jobs: [
    {
      // SECURITY 10: a saved signal-based result must not outlive its signals; hourly is well within a day.
      name: 'hotspots.retention',
      intervalSeconds: 3600,
      runAtStart: true,
      run: (ctx) => deleteExpiredHotspotAnalyses(ctx.db, ctx.now()),
    },
  ],
};

/** For neighbourhood plans: a saved analysis the actor may see, or null (unknown, invisible or expired). */
export { findSavedHotspotAnalysis, deleteExpiredHotspotAnalyses } from './server/hotspots.service.js';
/** For the spatial advice: which saved analyses the actor may open, to name them only to those (not audited: nothing is read). */
export { findOpenableHotspotAnalysisIds } from './server/hotspots.service.js';
export type { SavedHotspotAnalysis } from './contract.js';
