import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';

/** The confirmation after sending: what happens with the answers, in plain words. */
export function Thanks() {
  const { t } = useTranslation();
  return (
    <Alert type="ok" live="status" heading={t('survey:thanks.heading')}>
      <p className="utrecht-paragraph">{t('survey:thanks.text')}</p>
      <p className="utrecht-paragraph">{t('survey:thanks.anonymous')}</p>
    </Alert>
  );
}
