import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { SelectField } from '../../../platform/web/components/FormField';
import { Table, type Column } from '../../../platform/web/components/Table';
import { formatDate } from '../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { BudgetLine, Entry, ProgrammeBudget } from '../contract';
import { EntryForm } from './EntryForm';
import { FinanceNav } from './FinanceNav';
import { LineForm } from './LineForm';
import { ReversalPanel, ReverseButton } from './ReverseEntry';
import { useProgrammeBudget, useProgrammeOptions } from './finance-api';
import { euro, euroExact, percent } from './money';
import { ProposedLines } from './ProposedLines';
import { SignalBadge, SignalList } from './SignalList';
import './finance.css';

type ActivityRow = ProgrammeBudget['activities'][number];
type SourceRow = ProgrammeBudget['fundingSources'][number];

/** Budget per programme and year: figures, warnings, lines per activity, bookings, and entry of spend. */
export default function BudgetPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const options = useProgrammeOptions();
  const programmeId = params.get('programma') ?? options.data?.[0]?.id;
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('jaar') ?? thisYear) || thisYear;
  const budget = useProgrammeBudget(programmeId, year);
  const [lineForEntry, setLineForEntry] = useState<string>('');
  const [reversing, setReversing] = useState<Entry | null>(null);
  const data = budget.data;
  const programme = options.data?.find((p) => p.id === programmeId);

  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  const figureColumns = <R extends { budgetCents: number; committedCents: number; spentCents: number; remainingCents: number; forecastCents: number }>(): Column<R>[] => [
    { key: 'budget', header: t('finance:figures.budget'), numeric: true, render: (r) => euro(r.budgetCents) },
    { key: 'committed', header: t('finance:figures.committed'), numeric: true, render: (r) => euro(r.committedCents) },
    { key: 'spent', header: t('finance:figures.spent'), numeric: true, render: (r) => euro(r.spentCents) },
    { key: 'remaining', header: t('finance:figures.remaining'), numeric: true, render: (r) => <span className={r.remainingCents < 0 ? 'wr-fin-negative' : undefined}>{euro(r.remainingCents)}</span> },
    { key: 'forecast', header: t('finance:figures.forecast'), numeric: true, render: (r) => euro(r.forecastCents) },
  ];
  const activityColumns: Column<ActivityRow>[] = [
    { key: 'name', header: t('finance:budget.activity'), rowHeader: true, render: (a) => a.name ?? t('finance:hiddenActivity') },
    ...figureColumns<ActivityRow>(),
    { key: 'status', header: t('finance:budget.status'), render: (a) => <SignalBadge signal={a.signal} /> },
  ];
  const sourceColumns: Column<SourceRow>[] = [
    {
      key: 'name',
      header: t('finance:budget.source'),
      rowHeader: true,
      render: (s) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/financien/bronnen/${s.id}`}>
            {s.name}
          </Link>
          <span className="wr-fin-line-description">{t(`finance:kind.${s.kind}`)}</span>
        </>
      ),
    },
    ...figureColumns<SourceRow>(),
  ];
  const lineColumns: Column<BudgetLine>[] = [
    {
      key: 'line',
      header: t('finance:budget.line'),
      rowHeader: true,
      render: (l) => (
        <>
          <span className="wr-fin-line-activity">{l.activityName ?? t('finance:hiddenActivity')}</span>
          <span className="wr-fin-line-description">{l.description}</span>
        </>
      ),
    },
    {
      key: 'financing',
      header: t('finance:budget.financing'),
      render: (l) => (
        <ul className="wr-fin-allocations">
          {l.allocations.map((a) => (
            <li key={a.fundingSourceId}>
              <Link className="utrecht-link utrecht-link--html-a" to={`/financien/bronnen/${a.fundingSourceId}`}>
                {a.fundingSourceName}
              </Link>{' '}
              {a.shareBp !== null ? `${percent(a.shareBp)} · ` : ''}
              {euro(a.amountCents)}
            </li>
          ))}
          {l.uncoveredCents > 0 ? <li className="wr-fin-negative">{t('finance:budget.uncovered', { amount: euro(l.uncoveredCents) })}</li> : null}
        </ul>
      ),
    },
    ...figureColumns<BudgetLine>(),
    { key: 'status', header: t('finance:budget.status'), render: (l) => <SignalBadge signal={l.signal} /> },
  ];
  const entryColumns: Column<Entry>[] = [
    { key: 'date', header: t('finance:entry.bookedOn'), render: (e) => formatDate(e.bookedOn, i18n.language) },
    {
      key: 'what',
      header: t('finance:entry.description'),
      rowHeader: true,
      render: (e) => `${e.reversesId ? t('finance:reversal.label', { reason: e.description }) : e.description} (${e.activityName ?? t('finance:hiddenActivity')})`,
    },
    { key: 'kind', header: t('finance:entry.kind'), render: (e) => t(`finance:entry.kinds.${e.kind}`) },
    { key: 'doc', header: t('finance:entry.documentRef'), render: (e) => <code className="wr-code">{e.documentRef}</code> },
    { key: 'amount', header: t('finance:entry.amount'), numeric: true, render: (e) => euroExact(e.amountCents) },
    {
      key: 'status',
      header: t('finance:entry.status'),
      render: (e) => (
        <span className={`wr-fin-status wr-fin-status--${e.status}`}>
          {t(`finance:entry.statuses.${e.status}`)}
          {e.reversedById ? ` · ${t('finance:reversal.reversed')}` : ''}
        </span>
      ),
    },
    { key: 'who', header: t('finance:entry.people'), render: (e) => (e.decidedBy ? t('finance:entry.submittedAndDecided', { submitted: e.submittedBy, decided: e.decidedBy }) : e.submittedBy) },
    // Finance reverses an approved booking with a counter-entry; nothing is ever deleted.
    ...(hasPermission(user, 'finance.manage')
      ? [
          {
            key: 'action',
            header: t('finance:reversal.column'),
            render: (e: Entry) => (e.status === 'approved' && e.reversesId === null && e.reversedById === null ? <ReverseButton entry={e} onChoose={setReversing} /> : null),
          },
        ]
      : []),
  ];
  const years = [thisYear - 3, thisYear - 2, thisYear - 1, thisYear, thisYear + 1];

  return (
    <Page title={t('finance:budget.title')} lead={t('finance:budget.lead')}>
      <FinanceNav />
      <QueryState isPending={options.isPending} error={options.error} onRetry={() => void options.refetch()} />
      {options.data && options.data.length === 0 ? <p className="utrecht-paragraph">{t('finance:budget.noProgrammes')}</p> : null}
      {options.data && options.data.length > 0 ? (
        <div className="wr-fin-filters">
          <SelectField label={t('finance:budget.programme')} value={programmeId ?? ''} onChange={(e) => choose('programma', e.target.value)} options={options.data.map((p) => ({ value: p.id, label: p.name }))} />
          <SelectField label={t('finance:budget.year')} value={String(year)} onChange={(e) => choose('jaar', e.target.value)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        </div>
      ) : null}
      <QueryState isPending={Boolean(programmeId) && budget.isPending} error={budget.error} onRetry={() => void budget.refetch()} />
      {data ? (
        <>
          <Section title={t('finance:budget.summaryHeading', { name: data.programme.name, year: data.year })} id="budget-summary">
            <p className="utrecht-paragraph wr-fin-muted">{t('finance:budget.asOf', { date: formatDate(data.today, i18n.language) })}</p>
            <dl className="wr-fin-kpis">
              {(
                [
                  ['budget', data.totals.budgetCents],
                  ['committed', data.totals.committedCents],
                  ['spent', data.totals.spentCents],
                  ['pending', data.totals.pendingCents],
                  ['remaining', data.totals.remainingCents],
                  ['forecast', data.totals.forecastCents],
                ] as const
              ).map(([key, cents]) => (
                <div key={key} className="wr-fin-kpi">
                  <dt>{t(`finance:figures.${key}`)}</dt>
                  <dd>{euro(cents)}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <Section title={t('finance:budget.alertsHeading', { count: data.alerts.length })} id="budget-alerts">
            <SignalList signals={data.alerts} emptyText={t('finance:budget.noAlerts')} />
          </Section>
          <Section title={t('finance:budget.activitiesHeading')} id="budget-activities">
            <Table caption={t('finance:budget.activitiesCaption', { year: data.year })} captionHidden columns={activityColumns} rows={data.activities} rowKey={(a) => a.id} empty={t('finance:budget.noLines')} />
          </Section>
          <Section title={t('finance:budget.sourcesHeading')} id="budget-sources">
            <Table caption={t('finance:budget.sourcesCaption', { year: data.year })} captionHidden columns={sourceColumns} rows={data.fundingSources} rowKey={(s) => s.id} empty={t('finance:budget.noLines')} />
            <p className="utrecht-paragraph wr-fin-muted">{t('finance:budget.sourcesRule')}</p>
          </Section>
          <Section title={t('finance:budget.linesHeading')} id="budget-lines">
            <Table caption={t('finance:budget.linesCaption', { year: data.year })} captionHidden columns={lineColumns} rows={data.lines} rowKey={(l) => l.id} empty={t('finance:budget.noLines')} compact />
            <p className="utrecht-paragraph wr-fin-muted">{t('finance:budget.forecastRule')}</p>
          </Section>
          {data.proposedLines.length > 0 ? (
            <Section title={t('finance:proposedLines.budgetHeading', { count: data.proposedLines.length })} id="budget-proposed-lines">
              <p className="utrecht-paragraph wr-fin-muted">{t('finance:proposedLines.budgetRule')}</p>
              <ProposedLines proposals={data.proposedLines} caption={t('finance:proposedLines.budgetCaption', { year: data.year })} showActivity />
              {hasPermission(user, 'finance.manage') ? (
                <p className="utrecht-paragraph">
                  <Link className="utrecht-link utrecht-link--html-a" to="/financien/accordering#line-proposals">
                    {t('finance:proposedLines.toApprovals')}
                  </Link>
                </p>
              ) : null}
            </Section>
          ) : null}
          {hasPermission(user, 'finance.spend') && data.lines.length > 0 ? (
            <Section title={t('finance:entry.heading')} id="entry-form">
              <EntryForm lines={data.lines} thresholdCents={data.approvalThresholdCents} selectedLine={lineForEntry} onSelectLine={setLineForEntry} />
            </Section>
          ) : null}
          <Section title={t('finance:entry.listHeading')} id="budget-entries">
            <Table caption={t('finance:entry.listCaption')} captionHidden columns={entryColumns} rows={data.spend.slice(0, 40)} rowKey={(e) => e.id} empty={t('finance:entry.none')} compact />
            {reversing ? <ReversalPanel key={reversing.id} entry={reversing} thresholdCents={data.approvalThresholdCents} onClose={() => setReversing(null)} /> : null}
          </Section>
          {hasPermission(user, 'finance.manage') && programme ? (
            <Section title={t('finance:line.heading')} id="line-form">
              <LineForm activities={programme.activities} year={data.year} />
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
