import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { problemMessage } from '../../../../platform/web/i18n/problem-message';

/** A refusal in plain words: our own sentence for the circle's refusals, else the platform's. */
export function circleProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiProblem) {
    const key = `circle:problems.${error.code.replace(/\./g, '_')}`;
    if (t(key, { defaultValue: '' })) return t(key);
  }
  return problemMessage(error, t);
}

export function CircleError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" live="alert" heading={circleProblem(error, t)} className="wr-error-summary" />;
}
