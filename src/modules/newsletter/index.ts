import type { FastifyInstance } from 'fastify';
import type { ScheduledJob, ServerModule } from '../../platform/server/index.js';
import { seedDemoNewsletter } from './server/demo-newsletter.js';
import { newsletterRoutes } from './server/newsletter.routes.js';
import { deleteUnconfirmed } from './server/subscription.service.js';

/**
 * The newsletter per area for residents: subscribe with double opt-in, one-click unsubscribe, a draft from
 * the programme and the figures, sending through the notifications module's SMTP transport, and a public
 * archive. docs/newsletter.md.
 */

/** Retention: addresses never confirmed are deleted once their link expired (48 hours). */
export const NEWSLETTER_CLEANUP_JOB: ScheduledJob = {
  name: 'newsletter.unconfirmed-cleanup',
  intervalSeconds: 60 * 60,
  runAtStart: true,
  run: ({ db, now }) => deleteUnconfirmed(db, now()),
};

export const newsletterModule: ServerModule = {
  name: 'newsletter',
  routes: async (app: FastifyInstance) => {
    await newsletterRoutes(app);
  },
  seedDemo: (db) => seedDemoNewsletter(db),
  jobs: [NEWSLETTER_CLEANUP_JOB],
};
