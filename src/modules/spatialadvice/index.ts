import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedSpatialAdviceDemo } from './server/demo-spatial-advice.js';
import { spatialAdviceRoutes } from './server/spatialadvice.routes.js';
import { checkPlanTriggers } from './server/triggers.service.js';

/**
 * Spatial-safety advice (ruimtelijk veiligheidsadvies, docs/spatialadvice.md): triggers from hot spots,
 * plans and by hand; the omgevingsscan on a versioned CPTED checklist scored by several disciplines with
 * photos; the signed advice with conditions as tracked actions, as a document, on the map.
 */
export const spatialAdviceModule: ServerModule = {
  name: 'spatialadvice',
  routes: async (app: FastifyInstance) => {
    await spatialAdviceRoutes(app);
  },
  seedDemo: (db) => seedSpatialAdviceDemo(db),
  jobs: [
    {
      // A programme newly linked to an area needs an advice: raised within ten minutes (and by the button).
      name: 'spatialadvice.plan-triggers',
      intervalSeconds: 600,
      runAtStart: true,
      run: (ctx) => checkPlanTriggers(ctx.db).then(() => undefined),
    },
  ],
};

/*
 * For the personal worklist (worklist module):
 *  listConditionsForWorklist(db, actor, today, horizonDays) → the caller's own open conditions of signed
 *      advices that are late or due within the horizon
 */
export { listConditionsForWorklist, type WorklistCondition } from './server/worklist-api.js';
