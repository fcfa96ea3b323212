import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedDemoMeeting } from './server/demo-meeting.js';
import { directionRoutes } from './server/direction.routes.js';
import { meetingsRoutes } from './server/meetings.routes.js';

/**
 * Meetings (kernteam, wijkoverleg, casusoverleg) that end in decisions and actions with owners and due
 * dates; the direction dashboard of what slips and waits; escalation to the administrators' agenda.
 */
export const meetingsModule: ServerModule = {
  name: 'meetings',
  routes: async (app: FastifyInstance) => {
    await meetingsRoutes(app);
    await directionRoutes(app);
  },
  seedDemo: (db) => seedDemoMeeting(db),
};
