import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../platform/web/api-client';
import { problemMessage } from '../../../platform/web/i18n/problem-message';

/** The survey's own problems in plain words (code unknown, used, survey closed); others as the app words them. */
export function surveyProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiProblem) {
    const key = `survey:problems.${error.code.replace(/\./g, '_')}`;
    if (t(key, { defaultValue: '' })) return t(key);
  }
  return problemMessage(error, t);
}
