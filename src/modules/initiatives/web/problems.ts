import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../platform/web/api-client';
import { problemMessage } from '../../../platform/web/i18n/problem-message';

/** This module's refusals in its own words (initiatives:problems.*); anything else as the platform says it. */
export function initiativeProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiProblem && error.code.startsWith('initiatives.')) {
    const key = `initiatives:problems.${error.code.slice('initiatives.'.length)}`;
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return problemMessage(error, t);
}
