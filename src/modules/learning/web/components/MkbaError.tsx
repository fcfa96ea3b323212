import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { mkbaProblem } from '../problem-text';

/** A refused change in plain words (our own sentence for the MKBA's refusals), announced once. */
export function MkbaError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" live="alert" heading={mkbaProblem(error, t)} className="wr-error-summary" />;
}
