import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { ActivityTimeline } from '../components/ActivityTimeline';
import { todayIso, useAreaActivities, useChoosableAreas, useProgrammes } from '../programmes-api';
import '../programmes.css';

/** Everything planned in one area, across programmes: the area's own timeline. */
export default function AreaActivitiesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const programmes = useProgrammes();
  const municipality = programmes.data?.[0]?.municipalityCode ?? 'GM0505';
  const areas = useChoosableAreas(municipality);
  const area = search.get('gebied') ?? areas.data?.[0]?.code ?? '';
  const activities = useAreaActivities(area || undefined);
  const areaName = (areas.data ?? []).find((a) => a.code === area)?.name ?? area;
  return (
    <Page title={t('programmes:areaActivities.title')} lead={t('programmes:areaActivities.lead')}>
      <div className="wr-programme-filter">
        <SelectField id="area-activities-area" label={t('programmes:activities.filterArea')} options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name }))} value={area} onChange={(e) => setSearch({ gebied: e.target.value })} />
      </div>
      <QueryState isPending={Boolean(area) && activities.isPending} error={activities.error ?? areas.error} onRetry={() => void activities.refetch()} />
      {activities.data ? (
        <Section title={t('programmes:areaActivities.timeline', { area: areaName })} id="area-timeline">
          <ActivityTimeline activities={activities.data} today={todayIso()} caption={t('programmes:areaActivities.caption', { area: areaName })} />
        </Section>
      ) : null}
    </Page>
  );
}
