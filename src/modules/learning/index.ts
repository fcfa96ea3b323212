import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedMkbaDemo } from './server/demo-mkba.js';
import { mkbaRoutes } from './server/mkba.routes.js';

/**
 * Learning and impact (docs/learning.md). Built so far: the MKBA calculator (ex-ante social cost-benefit
 * analysis per area and intervention package). Evaluation, the learning circle and spatial-safety advice are
 * not built yet.
 */
export const learningModule: ServerModule = {
  name: 'learning',
  routes: async (app: FastifyInstance) => {
    await mkbaRoutes(app);
  },
  seedDemo: (db) => seedMkbaDemo(db),
};
export { listMkbasForSharing, mkbaForSharing, type MkbaSnapshot } from './server/mkba-for-sharing.js';
