import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../platform/web/api-client';
import { problemMessage } from '../../../platform/web/i18n/problem-message';

/** The newsletter's own problems in its own words; anything else as every page says it. */
export function newsletterProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiProblem) {
    if (error.status === 429) return t('newsletter:problems.tooMany');
    const own = `newsletter:problems.${error.code.replace(/^newsletter\./, '')}`;
    if (error.code.startsWith('newsletter.') && t(own, { defaultValue: '' })) return t(own);
  }
  return problemMessage(error, t);
}
