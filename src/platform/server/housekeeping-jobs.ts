import { deleteExpiredSessions } from './auth/sessions.js';
import { pruneLoginAttempts } from './auth/throttle.js';
import type { ScheduledJob } from './jobs.js';

/**
 * The platform's own scheduled work: sessions past a timeout and login attempts older than the throttle
 * looks back. Jobs like any module's, so that of several processes on one database one does it.
 */
export const HOUSEKEEPING_JOBS: readonly ScheduledJob[] = [
  {
    name: 'platform.housekeeping',
    intervalSeconds: 10 * 60,
    run: async ({ db, config, now }) => {
      const at = now();
      await deleteExpiredSessions(db, at, { idleMinutes: config.sessionIdleMinutes, absoluteMinutes: config.sessionAbsoluteMinutes });
      await pruneLoginAttempts(db, at, { maxFailures: config.loginMaxFailures, windowMinutes: config.loginWindowMinutes });
    },
  },
];
