import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';

/** Demo signals are synthetic: said on every page that can show them. */
export function SyntheticNotice({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Alert type="warning" heading={t('signals:synthetic.heading')}>
      <p className="utrecht-paragraph">{t('signals:synthetic.body')}</p>
    </Alert>
  );
}

export function SyntheticTag() {
  const { t } = useTranslation();
  return <span className="wr-signals-tag wr-signals-tag--synthetic">{t('signals:synthetic.tag')}</span>;
}

export function ConfidentialityTag({ level }: { level: string }) {
  const { t } = useTranslation();
  return <span className={`wr-signals-tag wr-signals-tag--${level}`}>{t(`signals:confidentiality.${level}`)}</span>;
}
