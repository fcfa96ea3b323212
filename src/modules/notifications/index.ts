import type { FastifyInstance } from 'fastify';
import type { ScheduledJob, ServerModule } from '../../platform/server/index.js';
import { notificationsRoutes } from './server/notifications.routes.js';
import { runDigest, runNotifications } from './server/notify.service.js';
import { NOTIFICATION_RETENTION_JOB } from './server/retention.service.js';

/**
 * Notifications: each person is told of new items on their worklist (a new action, an approval waiting, an
 * escalation, a deadline) in the app and, if they choose and the server has an SMTP server, by e-mail at once
 * or in a daily digest; old ones are cleaned up daily. docs/notifications.md.
 */
export const NOTIFY_JOB: ScheduledJob = {
  name: 'notifications.worklist',
  intervalSeconds: 10 * 60,
  runAtStart: true,
  run: ({ db, config, now }) => runNotifications(db, config, now()),
};

export const DIGEST_JOB: ScheduledJob = {
  name: 'notifications.digest',
  intervalSeconds: 60 * 60,
  runAtStart: true,
  run: ({ db, config, now }) => runDigest(db, config, now()),
};

export const notificationsModule: ServerModule = {
  name: 'notifications',
  routes: async (app: FastifyInstance) => {
    await notificationsRoutes(app);
  },
  jobs: [NOTIFY_JOB, DIGEST_JOB, NOTIFICATION_RETENTION_JOB],
};

/** The clean-up job and its run, for tests. */
export { NOTIFICATION_RETENTION_JOB, runNotificationRetention } from './server/retention.service.js';

/** The SMTP transport, for other modules that mail (the newsletter): one configuration, one place (docs/notifications.md). */
export { emailAvailable, publicBaseUrl, sendMail } from './server/mailer.js';
