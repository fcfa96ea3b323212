import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { evaluationProblem } from '../problem-text';

/** A refused change in plain words, announced once. */
export function EvaluationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" live="alert" heading={evaluationProblem(error, t)} className="wr-error-summary" />;
}
