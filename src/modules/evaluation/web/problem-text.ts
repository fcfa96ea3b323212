import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../platform/web/api-client';
import { problemMessage } from '../../../platform/web/i18n/problem-message';

/** Our own sentence for the evaluation refusals a person can run into; otherwise the platform's message. */
export function evaluationProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiProblem) {
    const key = `evaluation:problems.${error.code.replace(/\./g, '_')}`;
    if (t(key, { defaultValue: '' })) return t(key);
  }
  return problemMessage(error, t);
}
