import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Page } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { SelectField } from '../../../platform/web/components/FormField';
import { NEWSLETTER_PATHS } from '../contract';
import { DraftForm } from './DraftForm';
import { useNewsletterAreas, useNewsletterDraft } from './newsletter-api';

/** The programme manager's page: choose an area, edit the draft drawn from the data, send it. */
export default function ManagePage() {
  const { t } = useTranslation();
  const areas = useNewsletterAreas();
  const [areaCode, setAreaCode] = useState<string | null>(null);
  useEffect(() => {
    const first = areas.data?.items[0]?.code;
    if (areaCode === null && first) setAreaCode(first);
  }, [areas.data, areaCode]);
  const draft = useNewsletterDraft(areaCode);
  const items = areas.data?.items ?? [];
  return (
    <Page title={t('newsletter:manage.title')} lead={t('newsletter:manage.lead')}>
      <QueryState isPending={areas.isPending} error={areas.error} onRetry={() => void areas.refetch()} />
      {areas.data && items.length === 0 ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('newsletter:manage.noAreas')}</p>
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <SelectField id="newsletter-area" label={t('newsletter:manage.area')} value={areaCode ?? ''} onChange={(e) => setAreaCode(e.target.value)} options={items.map((a) => ({ value: a.code, label: a.name }))} />
      ) : null}
      {areaCode ? <QueryState isPending={draft.isPending} error={draft.error} onRetry={() => void draft.refetch()} /> : null}
      {draft.data && draft.data.areaCode === areaCode ? <DraftForm key={areaCode} draft={draft.data} /> : null}
      {areaCode ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link utrecht-link--html-a" to={NEWSLETTER_PATHS.archive(areaCode)}>
            {t('newsletter:manage.archiveLink')}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}
