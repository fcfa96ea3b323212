import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { circleRoutes } from './server/circle.routes.js';
import { seedCircleDemo } from './server/demo-circle.js';

/**
 * The learning circle across municipalities (docs/circle.md, ADR 0009): lessons, circle meetings in the
 * four-part format, sharing item by item, signed bundles exchanged with the other installations, and the
 * trend against the circle median.
 */
export const circleModule: ServerModule = {
  name: 'circle',
  routes: async (app: FastifyInstance) => {
    await circleRoutes(app);
  },
  seedDemo: (db, config) => seedCircleDemo(db, config),
};

/*
 * For the public pages (publicpages):
 *  listPublicLessons(db) → this installation's own lessons shared at level "public", newest first: title, text,
 *      theme, areaName, tags, isIllustrative, meeting { heldOn, hostMunicipality, part } | null, recordedOn
 *      (YYYY-MM-DD) — no author, no ids, nothing received from other members.
 */
export { listPublicLessons, type PublicLesson } from './server/public-lessons.js';
