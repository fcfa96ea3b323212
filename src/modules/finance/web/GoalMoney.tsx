import { useTranslation } from 'react-i18next';
import { Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { ProgrammeBudget } from '../contract';
import { useProgrammeBudget } from './finance-api';
import { euro } from './money';
import { moneyFigureColumns } from './money-columns';
import './finance.css';

type StrategicRow = ProgrammeBudget['goals']['strategic'][number];
type OperationalRow = ProgrammeBudget['goals']['operational'][number];

/**
 * This year's budget and spend per strategic and per operational goal of a programme, for the programme page,
 * next to the pillars (GET /programmes/{id}/budget → goals). Same counting rule: an activity counts under
 * every goal it serves (a strategic goal also through an operational goal under it), which the note says; the
 * last row holds the activities without such a goal. Only for who may read finance.
 */
export function GoalMoney({ programmeId }: { programmeId: string }) {
  const user = useCurrentUser();
  const allowed = hasPermission(user, 'finance.read');
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const query = useProgrammeBudget(allowed ? programmeId : undefined, year);
  if (!allowed) return null;
  const strategic: Column<StrategicRow>[] = [
    {
      key: 'name',
      header: t('finance:goalMoney.strategicGoal'),
      rowHeader: true,
      render: (g) => (g.id === null ? t('finance:goalMoney.noStrategic') : <>{g.name}{g.pillarName ? <span className="wr-fin-line-description">{g.pillarName}</span> : null}</>),
    },
    ...moneyFigureColumns<StrategicRow>(t),
  ];
  const operational: Column<OperationalRow>[] = [
    {
      key: 'name',
      header: t('finance:goalMoney.operationalGoal'),
      rowHeader: true,
      render: (g) => (g.id === null ? t('finance:goalMoney.noOperational') : <>{g.name}{g.strategicGoalName ? <span className="wr-fin-line-description">{g.strategicGoalName}</span> : null}</>),
    },
    ...moneyFigureColumns<OperationalRow>(t),
  ];
  return (
    <Section title={t('finance:goalMoney.heading', { year })} id="goal-money">
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <>
          <p className="utrecht-paragraph wr-fin-muted">{t('finance:goalMoney.rule', { total: euro(query.data.totals.budgetCents) })}</p>
          <Table caption={t('finance:goalMoney.strategicCaption', { year })} columns={strategic} rows={query.data.goals.strategic} rowKey={(g) => g.id ?? 'none'} empty={t('finance:goalMoney.noGoals')} compact />
          <Table caption={t('finance:goalMoney.operationalCaption', { year })} columns={operational} rows={query.data.goals.operational} rowKey={(g) => g.id ?? 'none'} empty={t('finance:goalMoney.noGoals')} compact />
        </>
      ) : null}
    </Section>
  );
}
