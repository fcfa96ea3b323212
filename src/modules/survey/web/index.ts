import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Where a resident types the code from the invitation letter; the public area page links to it. */
export const SURVEY_CODE_PATH = '/bewoners/enquete';

/** The resident survey: answering without login, and the municipality's results and letters (docs/survey.md). */
export const surveyWebModule: WebModule = {
  namespace: 'survey',
  translations: { nl, en },
  routes: [
    { path: '/enquetes', permission: 'survey.manage', Component: lazy(() => import('./SurveysPage/SurveysPage')) },
    { path: '/enquetes/nieuw', permission: 'survey.manage', Component: lazy(() => import('./NewSurveyPage/NewSurveyPage')) },
    { path: '/enquetes/:id', permission: 'survey.manage', Component: lazy(() => import('./SurveyPage/SurveyPage')) },
  ],
  nav: [{ to: '/enquetes', group: 'figures', labelKey: 'survey:nav.surveys', descriptionKey: 'survey:nav.surveysDescription', permission: 'survey.manage' }],
  publicRoutes: [
    { path: SURVEY_CODE_PATH, Component: lazy(() => import('./AnswerPage/CodeAnswerPage')) },
    { path: '/bewoners/enquete/:id', Component: lazy(() => import('./AnswerPage/OpenAnswerPage')) },
  ],
};
