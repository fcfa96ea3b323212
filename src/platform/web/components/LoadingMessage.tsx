import { useTranslation } from 'react-i18next';

export function LoadingMessage({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph wr-loading" role="status">
      <span className="wr-loading__spinner" aria-hidden="true" />
      {label ?? t('common:app.loading')}
    </p>
  );
}
