import { useTranslation } from 'react-i18next';
import { useMeta } from '../session';

/** Says plainly that this is a demo, so nobody mistakes it for production or enters real personal data. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data: meta } = useMeta();
  if (!meta?.demoMode) return null;
  return (
    <div className="wr-demo-banner" data-testid="demo-banner">
      <p className="wr-demo-banner__text">
        <span className="wr-demo-banner__label">Demo</span> {t('common:demo.banner')}
      </p>
    </div>
  );
}
