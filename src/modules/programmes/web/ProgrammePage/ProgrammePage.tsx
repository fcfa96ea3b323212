import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { GoalMoney, PillarMoney } from '../../../finance/web/index';
import { SpatialAdviceSection } from '../../../spatialadvice/web/index';
import type { OperationalGoal, ProgrammeDetail } from '../../contract';
import { needsExampleBadge } from '../components/example-mark';
import { ExampleBadge, GoalStatusBadge } from '../components/StatusBadges';
import { formatIsoDate, formatValue } from '../format';
import { useProgramme } from '../programmes-api';
import '../programmes.css';
import { PublicationSection } from './PublicationSection';

function GoalTable({ programme }: { programme: ProgrammeDetail }) {
  const { t, i18n } = useTranslation();
  const value = (goal: OperationalGoal, v: number | null) => formatValue(v, goal.decimals, goal.unit, i18n.language);
  const columns: Column<OperationalGoal>[] = [
    {
      key: 'name',
      header: t('programmes:goal.name'),
      rowHeader: true,
      render: (g) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/programmas/${programme.id}/doelen/${g.id}`}>
            {g.name}
          </Link>
          {needsExampleBadge(g) ? (
            <>
              {' '}
              <ExampleBadge />
            </>
          ) : null}
          <span className="wr-table__secondary">
            {g.indicatorName} · {g.areaName}
          </span>
        </>
      ),
    },
    { key: 'baseline', header: t('programmes:goal.baseline'), numeric: true, render: (g) => `${value(g, g.baseline)} (${g.baselineDate.slice(0, 4)})` },
    { key: 'latest', header: t('programmes:goal.latest'), numeric: true, render: (g) => (g.latest ? `${value(g, g.latest.value)} (${g.latest.period})` : '–') },
    {
      key: 'target',
      header: t('programmes:goal.target'),
      numeric: true,
      render: (g) => (g.targetKind === 'municipality_average' ? `${t('programmes:goal.municipalityAverageShort')}${g.target !== null ? ` (${value(g, g.target)})` : ''}` : value(g, g.target)),
    },
    { key: 'targetDate', header: t('programmes:goal.targetDate'), render: (g) => formatIsoDate(g.targetDate, i18n.language) },
    { key: 'status', header: t('programmes:goal.status'), render: (g) => <GoalStatusBadge status={g.status} /> },
  ];
  return <Table caption={t('programmes:programme.operationalGoals')} captionHidden columns={columns} rows={programme.operationalGoals} rowKey={(g) => g.id} empty={t('programmes:programme.noGoals')} />;
}

/** A programme: ambition, pillars with their strategic goals, and the operational goals with their status. */
export default function ProgrammePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const user = useCurrentUser();
  const programme = useProgramme(id);
  const data = programme.data;
  const canManage = hasPermission(user, 'programmes.manage');
  const examples = data?.operationalGoals.some((g) => g.isExample) ?? false;
  return (
    <Page
      title={data?.name ?? t('programmes:list.title')}
      lead={data ? t('programmes:programme.lead', { start: formatIsoDate(data.horizonStart, i18n.language), end: formatIsoDate(data.horizonEnd, i18n.language), areas: data.areas.map((a) => a.name).join(', ') || (data.municipalityName ?? t('programmes:programme.cbsCode', { code: data.municipalityCode })) }) : undefined}
      actions={
        data ? (
          <div className="wr-button-group">
            <Link className="utrecht-button utrecht-button--primary-action wr-button-link" to={`/programmas/${data.id}/activiteiten`}>
              {t('programmes:programme.toActivities')}
            </Link>
            {hasPermission(user, 'reports.read') ? (
              <Link className="utrecht-button utrecht-button--secondary-action wr-button-link" to={`/programmas/${data.id}/rapportages`}>
                {t('programmes:programme.toReports')}
              </Link>
            ) : null}
            {canManage ? (
              <Link className="utrecht-button utrecht-button--secondary-action wr-button-link" to={`/programmas/${data.id}/bewerken`}>
                {t('programmes:programme.edit')}
              </Link>
            ) : null}
          </div>
        ) : null
      }
    >
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to="/programmas">
          {t('programmes:list.back')}
        </Link>
      </p>
      <QueryState isPending={programme.isPending} error={programme.error} onRetry={() => void programme.refetch()} />
      {data ? (
        <>
          {data.isDemo ? (
            <Alert type="info" heading={t('programmes:programme.demoHeading')}>
              <p className="utrecht-paragraph">{t('programmes:programme.demoText')}</p>
            </Alert>
          ) : null}
          <Section title={t('programmes:programme.ambition')} id="ambition">
            <blockquote className="wr-ambition">{data.ambition || t('programmes:programme.noAmbition')}</blockquote>
          </Section>
          <Section title={t('programmes:programme.pillarsAndGoals')} id="pillars">
            <ol className="wr-pillars">
              {data.pillars.map((pillar) => (
                <li key={pillar.id} className="wr-pillar">
                  <h3 className="utrecht-heading-3 wr-pillar__name">{pillar.name}</h3>
                  <ol className="wr-pillar__goals">
                    {data.strategicGoals
                      .filter((g) => g.pillarId === pillar.id)
                      .map((g) => (
                        <li key={g.id} value={g.position + 1}>
                          {g.name}
                        </li>
                      ))}
                  </ol>
                </li>
              ))}
            </ol>
            {data.strategicGoals.some((g) => g.pillarId === null) ? (
              <>
                <h3 className="utrecht-heading-3">{t('programmes:programme.goalsWithoutPillar')}</h3>
                <ul className="utrecht-unordered-list">
                  {data.strategicGoals
                    .filter((g) => g.pillarId === null)
                    .map((g) => (
                      <li key={g.id}>{g.name}</li>
                    ))}
                </ul>
              </>
            ) : null}
          </Section>
          <PillarMoney programmeId={data.id} />
          <GoalMoney programmeId={data.id} />
          <Section title={t('programmes:programme.operationalGoals')} id="goals">
            <p className="utrecht-paragraph">{t('programmes:programme.goalsExplained')}</p>
            {examples ? (
              <Alert type="warning" heading={t('programmes:programme.examplesHeading')}>
                <p className="utrecht-paragraph">{t('programmes:programme.examplesText')}</p>
              </Alert>
            ) : null}
            <GoalTable programme={data} />
            {canManage ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-button utrecht-button--secondary-action wr-button-link" to={`/programmas/${data.id}/doelen/nieuw`}>
                  {t('programmes:goal.new')}
                </Link>
              </p>
            ) : null}
          </Section>
          <PublicationSection programme={data} canManage={canManage} />
          <SpatialAdviceSection programmeId={data.id} />
          {data.executionProgrammes.length ? (
            <Section title={t('programmes:programme.executionProgrammes')} id="execution">
              <ul className="utrecht-unordered-list">
                {data.executionProgrammes.map((e) => (
                  <li key={e.id}>
                    {e.name} ({formatIsoDate(e.periodStart, i18n.language)} – {formatIsoDate(e.periodEnd, i18n.language)})
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
