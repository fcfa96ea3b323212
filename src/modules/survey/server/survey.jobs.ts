import type { ScheduledJob } from '../../../platform/server/index.js';
import { calendarDayOf } from '../../../platform/shared/time.js';
import { deleteTokensOfClosedSurveys } from './survey.queries.js';
import { surveyDb } from './survey.tables.js';

/** The open link's browser-token hashes are kept only while a survey is open: wiped the day after it closes. */
export const surveyJobs: ScheduledJob[] = [
  {
    name: 'survey-open-tokens-wipe',
    intervalSeconds: 3600,
    runAtStart: true,
    run: async ({ db, now }) => ({ deleted: await deleteTokensOfClosedSurveys(surveyDb(db), calendarDayOf(now())) }),
  },
];
