import type { ServerModule } from '../../platform/server/index.js';
import { seedDemoSurvey } from './server/demo-survey.js';
import { surveyJobs } from './server/survey.jobs.js';
import { surveyRoutes } from './server/survey.routes.js';

/**
 * The anonymous resident survey: surveys per municipality, invitation codes for letters that cannot be
 * linked to the answers, an open link, and results per buurt as indicator values with small-number
 * suppression (docs/survey.md).
 */
export const surveyModule: ServerModule = { name: 'survey', routes: surveyRoutes, seedDemo: seedDemoSurvey, jobs: surveyJobs };
