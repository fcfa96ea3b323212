import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../platform/web/api-client';
import { problemMessage } from '../../../platform/web/i18n/problem-message';

/** Our own sentence for the refusals a person can run into here (spatialadvice:problems); otherwise the platform's. */
export function adviceProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiProblem) {
    const key = `spatialadvice:problems.${error.code.replace(/\./g, '_')}`;
    if (t(key, { defaultValue: '' })) return t(key);
  }
  return problemMessage(error, t);
}
