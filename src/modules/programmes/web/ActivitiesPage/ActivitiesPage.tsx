import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { Activity } from '../../contract';
import { ActivityTimeline } from '../components/ActivityTimeline';
import { ActivityStatusBadge } from '../components/StatusBadges';
import { formatIsoDate, formatPercent } from '../format';
import { todayIso, useChoosableAreas, useProgramme, useProgrammeActivities } from '../programmes-api';
import '../programmes.css';

/** The activities of a programme as a timeline and a table, for the whole programme or one area. */
export default function ActivitiesPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const area = search.get('gebied') ?? '';
  const user = useCurrentUser();
  const programme = useProgramme(id);
  const areas = useChoosableAreas(programme.data?.municipalityCode);
  const activities = useProgrammeActivities(id, area || undefined);
  const today = todayIso();
  const areaName = (areas.data ?? []).find((a) => a.code === area)?.name ?? area;
  const columns: Column<Activity>[] = [
    {
      key: 'name',
      header: t('programmes:activities.activity'),
      rowHeader: true,
      render: (a) => (
        <Link className="utrecht-link utrecht-link--html-a" to={`/activiteiten/${a.id}`}>
          {a.name}
        </Link>
      ),
    },
    {
      key: 'owner',
      header: t('programmes:activities.ownerAndPartners'),
      render: (a) => (
        <>
          {a.owner.organisationName}
          {a.owner.userName ? ` (${a.owner.userName})` : ''}
          {a.partners.length ? <span className="wr-table__secondary">{t('programmes:activities.with', { partners: a.partners.map((p) => p.name).join(', ') })}</span> : null}
        </>
      ),
    },
    { key: 'areas', header: t('programmes:activities.areas'), render: (a) => a.areas.map((x) => x.name).join(', ') || '–' },
    { key: 'period', header: t('programmes:activities.periodHeader'), render: (a) => <span className="wr-nowrap">{`${formatIsoDate(a.start, i18n.language)} – ${formatIsoDate(a.end, i18n.language)}`}</span> },
    { key: 'status', header: t('programmes:activities.status'), render: (a) => <ActivityStatusBadge status={a.status} slipping={a.slipping} /> },
    { key: 'progress', header: t('programmes:activities.progress'), numeric: true, render: (a) => formatPercent(a.progress, i18n.language) },
  ];
  return (
    <Page
      title={t('programmes:activities.title')}
      lead={programme.data ? (area ? t('programmes:activities.leadArea', { programme: programme.data.name, area: areaName }) : programme.data.name) : undefined}
      actions={
        id && hasPermission(user, 'programmes.manage') ? (
          <Link className="utrecht-button utrecht-button--primary-action wr-button-link" to={`/programmas/${id}/activiteiten/nieuw`}>
            {t('programmes:activities.new')}
          </Link>
        ) : null
      }
    >
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to={`/programmas/${id ?? ''}`}>
          {t('programmes:activities.back')}
        </Link>
      </p>
      <div className="wr-programme-filter">
        <SelectField
          id="activities-area"
          label={t('programmes:activities.filterArea')}
          placeholder={t('programmes:activities.allAreas')}
          options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
          value={area}
          onChange={(e) => setSearch(e.target.value ? { gebied: e.target.value } : {})}
        />
        <p className="utrecht-paragraph">
          <Link className="utrecht-link utrecht-link--html-a" to={area ? `/activiteiten?gebied=${encodeURIComponent(area)}` : '/activiteiten'}>
            {t('programmes:areaActivities.link')}
          </Link>
        </p>
      </div>
      <QueryState isPending={activities.isPending} error={activities.error} onRetry={() => void activities.refetch()} />
      {activities.data ? (
        <>
          <Section title={t('programmes:activities.timeline')} id="timeline">
            <ActivityTimeline activities={activities.data} today={today} caption={t('programmes:activities.timelineCaption')} />
          </Section>
          <Section title={t('programmes:activities.list')} id="list">
            <Table caption={t('programmes:activities.list')} captionHidden columns={columns} rows={activities.data} rowKey={(a) => a.id} empty={t('programmes:activities.empty')} />
            {hasPermission(user, 'activities.update') && !hasPermission(user, 'programmes.manage') ? <p className="utrecht-paragraph wr-muted">{t('programmes:activities.partnerNote')}</p> : null}
          </Section>
        </>
      ) : null}
    </Page>
  );
}
