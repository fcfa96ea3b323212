import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../platform/web/api-client';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { SavedHotspotAnalysis } from '../../contract';
import { HotspotResultView } from '../components/HotspotResultView';
import { useIndicatorChoices } from '../hotspots-api';
import '../hotspots.css';

/** One saved analysis as it was saved: the evidence a neighbourhood plan cites. */
export default function SavedHotspotPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const indicators = useIndicatorChoices();
  const saved = useQuery({ queryKey: ['hotspots', 'saved', id], queryFn: () => api.get<SavedHotspotAnalysis>(`/api/v1/analyses/hotspots/saved/${encodeURIComponent(id)}`) });
  const data = saved.data;
  const source = data?.request.source;
  const date = (iso: string) => formatDate(iso, i18n.language);
  const valueLabel = source && 'indicator' in source ? (indicators.data?.find((i) => i.code === source.indicator)?.name ?? source.indicator) : t('hotspots:result.signalCount');
  return (
    <Page title={data?.name ?? t('hotspots:saved.title')} lead={data ? t('hotspots:saved.meta', { who: data.createdBy, when: date(data.createdAt) }) : undefined}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/hotspots">
          {t('hotspots:saved.back')}
        </Link>
      </p>
      <QueryState isPending={saved.isPending} error={saved.error} />
      {data && source ? (
        <>
          {data.note ? <p className="utrecht-paragraph">{data.note}</p> : null}
          {data.expiresAt ? <p className="utrecht-paragraph wr-muted">{t('hotspots:saved.expires', { date: date(data.expiresAt) })}</p> : null}
          <HotspotResultView
            result={data.result}
            municipality={'indicator' in source ? source.municipality : source.signals.municipality}
            level={'indicator' in source ? source.level : null}
            valueLabel={valueLabel}
          />
        </>
      ) : null}
    </Page>
  );
}
