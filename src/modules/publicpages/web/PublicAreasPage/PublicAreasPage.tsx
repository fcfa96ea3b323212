import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { usePublicAreas } from '../public-api';
import { publicAreaPath, PUBLIC_LESSONS_PATH } from '../public-paths';

/** /openbaar: the areas residents can read about, each a link to its page. */
export default function PublicAreasPage() {
  const { t } = useTranslation();
  const areas = usePublicAreas();
  return (
    <Page title={t('publicpages:list.title')} lead={t('publicpages:list.lead')}>
      <QueryState isPending={areas.isPending} error={areas.error} onRetry={() => void areas.refetch()} />
      {areas.data && areas.data.items.length === 0 ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('publicpages:list.empty')}</p>
        </Alert>
      ) : null}
      {areas.data && areas.data.items.length > 0 ? (
        <ul className="utrecht-unordered-list wr-public-list">
          {areas.data.items.map((area) => (
            <li key={area.code} className="utrecht-unordered-list__item">
              <Link className="utrecht-link" to={publicAreaPath(area.code)}>
                {area.name}
              </Link>
              {area.municipalityName ? <span className="wr-muted">{` (${t('publicpages:list.inMunicipality', { municipality: area.municipalityName })})`}</span> : null}
              <br />
              <span className="wr-muted">{area.programmes.map((p) => p.name).join(', ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={PUBLIC_LESSONS_PATH}>
          {t('publicpages:lessons.link')}
        </Link>
      </p>
    </Page>
  );
}
