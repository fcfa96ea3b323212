import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { adviceProblem } from '../problem-text';

/** A refused request in our own words (never the server's developer text). */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert type="error" live="alert">
      <p className="utrecht-paragraph">{adviceProblem(error, t)}</p>
    </Alert>
  );
}
