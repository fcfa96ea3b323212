import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../platform/web/api-client';
import { problemMessage } from '../../../platform/web/i18n/problem-message';

/**
 * The newsletter's own problems in its own words; anything else as every page says it. On the pages behind a
 * mailed link (`fromLink`), a malformed token is a link that does not work, not a form to fix.
 */
export function newsletterProblem(error: unknown, t: TFunction, fromLink = false): string {
  if (error instanceof ApiProblem) {
    if (error.status === 429) return t('newsletter:problems.tooMany');
    if (fromLink && error.status === 422) return t('newsletter:problems.link_unknown');
    const own = `newsletter:problems.${error.code.replace(/^newsletter\./, '')}`;
    if (error.code.startsWith('newsletter.') && t(own, { defaultValue: '' })) return t(own);
  }
  return problemMessage(error, t);
}
