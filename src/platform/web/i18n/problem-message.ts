import type { TFunction } from 'i18next';
import { ApiProblem } from '../api-client';

const BY_STATUS: Record<number, string> = {
  401: 'auth_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation',
  429: 'rate_limited',
  500: 'internal',
};

/**
 * A sentence for a person about what went wrong: our own text for codes we know, else a text by status.
 * Never the server's detail: it is English developer text (issue 13, item 7); what went wrong at a field is
 * worded from the field errors' codes (field-error-message.ts).
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiProblem)) return t('common:problems.unknown', { status: '?' });
  if (error.code === 'auth.throttled' && error.retryAfterSeconds !== null) {
    return t('common:problems.auth_throttled_seconds', { seconds: error.retryAfterSeconds });
  }
  const key = `common:problems.${error.code.replace(/\./g, '_')}`;
  if (t(key, { defaultValue: '' })) return t(key);
  const byStatus = BY_STATUS[error.status];
  if (byStatus) return t(`common:problems.${byStatus}`);
  return t('common:problems.unknown', { status: error.status });
}
