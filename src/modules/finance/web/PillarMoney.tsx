import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { ProgrammeBudget } from '../contract';
import { useProgrammeBudget } from './finance-api';
import { euro } from './money';
import { moneyFigureColumns } from './money-columns';
import './finance.css';

type PillarRow = ProgrammeBudget['pillars'][number];

/**
 * This year's budget and spend per pillar of a programme, for the programme page: the lines of the activities
 * that serve each pillar through their goals (GET /programmes/{id}/budget → pillars). Only for who may read
 * finance; an activity serving two pillars counts in both, which the note says.
 */
export function PillarMoney({ programmeId }: { programmeId: string }) {
  const user = useCurrentUser();
  const allowed = hasPermission(user, 'finance.read');
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const query = useProgrammeBudget(allowed ? programmeId : undefined, year);
  if (!allowed) return null;
  const columns: Column<PillarRow>[] = [
    { key: 'name', header: t('finance:pillarMoney.pillar'), rowHeader: true, render: (p) => p.name ?? t('finance:pillarMoney.noPillar') },
    ...moneyFigureColumns<PillarRow>(t),
  ];
  return (
    <Section title={t('finance:pillarMoney.heading', { year })} id="pillar-money">
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <>
          <Table caption={t('finance:pillarMoney.caption', { year })} captionHidden columns={columns} rows={query.data.pillars} rowKey={(p) => p.id ?? 'none'} empty={t('finance:budget.noLines')} compact />
          <p className="utrecht-paragraph wr-fin-muted">{t('finance:pillarMoney.rule', { total: euro(query.data.totals.budgetCents) })}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to={`/financien?programma=${programmeId}&jaar=${year}`}>
              {t('finance:pillarMoney.budgetLink', { year })}
            </Link>
          </p>
        </>
      ) : null}
    </Section>
  );
}
