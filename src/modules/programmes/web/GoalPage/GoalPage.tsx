import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { GoalMkbaUse } from '../../../learning/web/index';
import type { GoalDetail, GoalMeasurement } from '../../contract';
import { GoalChart } from '../components/GoalChart';
import { needsExampleBadge } from '../components/example-mark';
import { ExampleBadge, GoalStatusBadge } from '../components/StatusBadges';
import { formatIsoDate, formatValue } from '../format';
import { useDeleteGoal, useGoal } from '../programmes-api';
import '../programmes.css';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

function StatusExplanation({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const value = (v: number | null) => formatValue(v, goal.decimals, goal.unit, i18n.language);
  if (goal.status === 'no_data') return <p className="utrecht-paragraph">{t(`programmes:goal.reason.${goal.statusReason}`)}</p>;
  return (
    <p className="utrecht-paragraph">
      {t('programmes:goal.explanation', {
        period: goal.latest?.period,
        actual: value(goal.latest?.value ?? null),
        expected: value(goal.expected),
        shortfall: Math.round((goal.shortfall ?? 0) * 100),
      })}
    </p>
  );
}

/** One operational goal: its SMART definition, status, and actual against trajectory as chart and table. */
export default function GoalPage() {
  const { t, i18n } = useTranslation();
  const { id = '', goalId = '' } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const goal = useGoal(id, goalId);
  const remove = useDeleteGoal(id, goalId);
  const data = goal.data;
  const value = (v: number | null) => (data ? formatValue(v, data.decimals, data.unit, i18n.language) : '–');
  const columns: Column<GoalMeasurement>[] = [
    { key: 'period', header: t('programmes:goal.year'), rowHeader: true, render: (m) => m.period },
    { key: 'value', header: data?.areaName ?? '', numeric: true, render: (m) => value(m.value) },
    { key: 'municipality', header: t('programmes:goal.municipality'), numeric: true, render: (m) => value(m.municipalityValue) },
  ];
  return (
    <Page
      title={data?.name ?? t('programmes:goal.title')}
      lead={data ? t('programmes:goal.lead', { indicator: data.indicatorName, area: data.areaName }) : undefined}
      actions={
        data && hasPermission(user, 'programmes.manage') ? (
          <div className="wr-button-group">
            <Link className="utrecht-button utrecht-button--secondary-action wr-button-link" to={`/programmas/${id}/doelen/${goalId}/bewerken`}>
              {t('programmes:goal.edit')}
            </Link>
            <Button
              danger
              busy={remove.isPending}
              onClick={() => {
                if (window.confirm(t('programmes:goal.confirmDelete'))) remove.mutate(undefined, { onSuccess: () => void navigate(`/programmas/${id}`) });
              }}
            >
              {t('programmes:goal.delete')}
            </Button>
          </div>
        ) : null
      }
    >
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to={`/programmas/${id}`}>
          {t('programmes:goal.back')}
        </Link>
      </p>
      <QueryState isPending={goal.isPending} error={goal.error ?? remove.error} onRetry={() => void goal.refetch()} />
      {data ? (
        <>
          {data.isExample ? (
            <Alert type="warning" heading={t('programmes:programme.examplesHeading')}>
              <p className="utrecht-paragraph">{t('programmes:goal.exampleText')}</p>
            </Alert>
          ) : null}
          <Section title={t('programmes:goal.statusHeading')} id="status">
            <p className="utrecht-paragraph wr-goal-status">
              <GoalStatusBadge status={data.status} /> {needsExampleBadge(data) ? <ExampleBadge /> : null}
            </p>
            <StatusExplanation goal={data} />
            {data.municipalityValueSource === 'aggregated_from_buurten' ? (
              <Alert type="info">
                <p className="utrecht-paragraph">{t('programmes:goal.aggregatedNote')}</p>
              </Alert>
            ) : null}
          </Section>
          <Section title={t('programmes:goal.definition')} id="definition">
            <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
              <Fact label={t('programmes:goal.indicator')}>{data.indicatorName}</Fact>
              <Fact label={t('programmes:goal.area')}>
                <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${data.area}`}>
                  {data.areaName}
                </Link>
              </Fact>
              <Fact label={t('programmes:goal.baseline')}>{`${value(data.baseline)} (${formatIsoDate(data.baselineDate, i18n.language)})`}</Fact>
              <Fact label={t('programmes:goal.target')}>
                {data.targetKind === 'municipality_average' ? t('programmes:goal.municipalityAverageValue', { value: value(data.target) }) : value(data.target)} ({formatIsoDate(data.targetDate, i18n.language)})
              </Fact>
              <Fact label={t('programmes:goal.trajectoryLabel')}>{t('programmes:goal.linear')}</Fact>
            </dl>
            <GoalMkbaUse goalId={data.id} />
          </Section>
          <Section title={t('programmes:goal.chartHeading')} id="chart">
            <GoalChart goal={data} />
            <Table caption={t('programmes:goal.tableCaption')} columns={columns} rows={data.measurements} rowKey={(m) => String(m.period)} empty={t('programmes:goal.noMeasurements')} compact />
            <p className="utrecht-paragraph wr-muted">{t('programmes:goal.source')}</p>
          </Section>
        </>
      ) : null}
    </Page>
  );
}
