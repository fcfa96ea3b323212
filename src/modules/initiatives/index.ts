import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { seedInitiativesDemo } from './server/demo-data.js';
import { initiativesRoutes } from './server/initiatives.routes.js';
import { contactRetentionJob } from './server/retention.service.js';

/**
 * Resident initiatives and the wijkbudget (issue 15, items 4 and 5): residents submit without an account and
 * follow by a private link; the municipality assesses against the area's goals with a rubric and grants from
 * the wijkbudget, never over it, with four eyes above a threshold; a grant becomes an activity with an approved
 * budget line. docs/initiatives.md describes the rules.
 */
export const initiativesModule: ServerModule = {
  name: 'initiatives',
  routes: async (app: FastifyInstance) => {
    await initiativesRoutes(app);
  },
  seedDemo: (db) => seedInitiativesDemo(db),
  jobs: [contactRetentionJob],
};

/** The contact-details retention run itself, for tests and the CLI (the server runs it hourly as a job). */
export { runContactRetention } from './server/retention.service.js';
