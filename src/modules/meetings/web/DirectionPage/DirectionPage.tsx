import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { oneFieldError, textCheck } from '../../../../platform/web/i18n/small-form-errors';
import { TextAreaField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { classNames } from '../../../../platform/web/components/class-names';
import { formatDateTime, formatNumber } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { MoneySlip } from '../../../finance/contract';
import { moneySignalHref, useSignalText } from '../../../finance/web/index';
import type { Action, Escalation, OffTrackGoal, SlippingActivity, WaitingDecision } from '../../contract';
import { ActionStatusBadge, DueDate, ownerLabel } from '../components/ActionsTable';
import { EscalateControl } from '../components/EscalateForm';
import { formatCalendarDate } from '../format-date';
import { useDirection, useEscalations, useHandleEscalation } from '../meetings-api';
import '../meetings.css';

function HandleForm({ escalation, onDone }: { escalation: Escalation; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const handle = useHandleEscalation();
  const [open, setOpen] = useState(false);
  const [resolution, setResolution] = useState('');
  const [checked, setChecked] = useState<string | undefined>();
  const fieldId = `resolution-${escalation.id}`;
  const { message, links } = oneFieldError(checked, handle.error, { name: 'resolution', id: fieldId, label: t('meetings:direction.resolution') }, t, i18n.language);
  if (!open) {
    return (
      <Button appearance="subtle" aria-label={t('meetings:direction.handleFor', { label: escalation.subject.label })} onClick={() => setOpen(true)}>
        {t('meetings:direction.handle')}
      </Button>
    );
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = textCheck(resolution, 3, t, i18n.language);
    setChecked(found);
    if (found) handle.reset();
    // mutateAsync, not mutate's callbacks: the handled escalation leaves the list (and this form unmounts)
    // when the list is fetched again, and the page must still say it was handled.
    else void handle.mutateAsync({ id: escalation.id, resolution: resolution.trim() }).then(() => onDone(t('meetings:direction.handled')), () => undefined);
  }
  return (
    <form className="wr-escalate-form" noValidate onSubmit={submit}>
      <ErrorSummary error={handle.error} fields={links} />
      <TextAreaField id={fieldId} label={t('meetings:direction.resolution')} value={resolution} rows={3} maxLength={2000} error={message} onChange={(event) => setResolution(event.target.value)} />
      <div className="wr-button-group">
        <Button type="submit" appearance="primary" busy={handle.isPending}>
          {t('meetings:direction.handleSave')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common:common.cancel')}</Button>
      </div>
    </form>
  );
}

function SectionLead({ children }: { children: string }) {
  return <p className="utrecht-paragraph wr-muted wr-section__lead">{children}</p>;
}

export default function DirectionPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const dashboard = useDirection();
  const handled = useEscalations('handled');
  const [message, setMessage] = useState<string | null>(null);
  const signalText = useSignalText();
  const canEscalate = hasPermission(user, 'escalations.manage');
  const data = dashboard.data;
  const lang = i18n.language;
  const meetingLink = (meetingId: string, title: string) => (
    <Link className="utrecht-link utrecht-link--html-a" to={`/overleggen/${meetingId}`}>
      {title}
    </Link>
  );

  const overdueColumns: Column<Action & { escalated: boolean }>[] = [
    { key: 'title', header: t('meetings:actions.action'), rowHeader: true, render: (row) => row.title },
    { key: 'meeting', header: t('meetings:actions.meeting'), render: (row) => meetingLink(row.meetingId, row.meetingTitle) },
    { key: 'owner', header: t('meetings:actions.owner'), render: ownerLabel },
    { key: 'due', header: t('meetings:actions.due'), render: (row) => <DueDate action={row} /> },
    { key: 'status', header: t('meetings:actions.status'), render: (row) => <ActionStatusBadge action={row} /> },
    {
      key: 'escalate',
      header: t('meetings:direction.escalate'),
      render: (row) => <EscalateControl subject={{ kind: 'action', id: row.id, label: row.title }} escalated={row.escalated} canEscalate={canEscalate} onDone={setMessage} />,
    },
  ];
  const slippingColumns: Column<SlippingActivity>[] = [
    {
      key: 'name',
      header: t('meetings:direction.activity'),
      rowHeader: true,
      render: (row) => (
        <Link className="utrecht-link utrecht-link--html-a" to={`/activiteiten/${row.id}`}>
          {row.name}
        </Link>
      ),
    },
    { key: 'programme', header: t('meetings:direction.programme'), render: (row) => row.programmeName },
    { key: 'owner', header: t('meetings:actions.owner'), render: (row) => row.ownerOrganisationName },
    {
      key: 'end',
      header: t('meetings:direction.end'),
      render: (row) => (
        <span className="wr-nowrap">
          {formatCalendarDate(row.endDate, lang)}
          <br />
          <span className="wr-overdue">{t('meetings:overdueDays', { count: row.daysOverdue })}</span>
        </span>
      ),
    },
    { key: 'progress', header: t('meetings:direction.progress'), numeric: true, render: (row) => `${formatNumber(row.progress, lang)}%` },
    { key: 'status', header: t('meetings:actions.status'), render: (row) => t(`meetings:activityStatus.${row.status}`, { defaultValue: row.status }) },
    {
      key: 'escalate',
      header: t('meetings:direction.escalate'),
      render: (row) => <EscalateControl subject={{ kind: 'activity', id: row.id, label: row.name }} escalated={row.escalated} canEscalate={canEscalate} onDone={setMessage} />,
    },
  ];
  const goalColumns: Column<OffTrackGoal>[] = [
    {
      key: 'name',
      header: t('meetings:direction.goal'),
      rowHeader: true,
      render: (row) => (
        <Link className="utrecht-link utrecht-link--html-a" to={`/programmas/${row.programmeId}/doelen/${row.id}`}>
          {row.name}
        </Link>
      ),
    },
    { key: 'programme', header: t('meetings:direction.programme'), render: (row) => row.programmeName },
    { key: 'area', header: t('meetings:direction.area'), render: (row) => `${row.areaName} · ${row.indicatorName}` },
    { key: 'target', header: t('meetings:direction.targetDate'), render: (row) => <span className="wr-nowrap">{formatCalendarDate(row.targetDate, lang)}</span> },
    { key: 'status', header: t('meetings:actions.status'), render: (row) => <StatusBadge status={row.status === 'off_track' ? 'danger' : 'warning'}>{t(`meetings:goalStatus.${row.status}`, { defaultValue: row.status })}</StatusBadge> },
    {
      key: 'escalate',
      header: t('meetings:direction.escalate'),
      render: (row) => <EscalateControl subject={{ kind: 'goal', id: row.id, label: row.name }} escalated={row.escalated} canEscalate={canEscalate} onDone={setMessage} />,
    },
  ];
  const moneyColumns: Column<MoneySlip>[] = [
    {
      key: 'subject',
      header: t('meetings:direction.moneySubject'),
      rowHeader: true,
      render: (row) => {
        const href = moneySignalHref(row);
        const name = row.signal.scope.name ?? t('finance:hiddenActivity');
        return (
          <>
            {row.signal.scope.type === 'funding_source' ? <span className="wr-muted">{t('meetings:direction.sourceKind')}: </span> : null}
            {href ? (
              <Link className="utrecht-link utrecht-link--html-a" to={href}>
                {name}
              </Link>
            ) : (
              name
            )}
          </>
        );
      },
    },
    {
      key: 'signal',
      header: t('meetings:direction.moneySignal'),
      render: (row) => (
        <>
          <StatusBadge status={row.signal.level === 'alert' ? 'danger' : 'warning'}>{t(`finance:level.${row.signal.level}`)}</StatusBadge>
          <br />
          {signalText(row.signal)}
        </>
      ),
    },
    { key: 'programme', header: t('meetings:direction.moneyWhere'), render: (row) => row.programme?.name ?? '—' },
    {
      key: 'owner',
      header: t('meetings:direction.moneyOwner'),
      render: (row) => (row.owner.name === null ? <span className="wr-muted">{t('meetings:direction.ownerHidden')}</span> : row.owner.kind === 'funder' ? t('meetings:direction.ownerFunder', { name: row.owner.name }) : row.owner.name),
    },
  ];
  const waitingColumns: Column<WaitingDecision>[] = [
    {
      key: 'text',
      header: t('meetings:direction.what'),
      rowHeader: true,
      render: (row) => (
        <>
          <span className="wr-muted">{t(`meetings:subjectKinds.${row.kind}`)}: </span>
          {row.text}
        </>
      ),
    },
    {
      key: 'meeting',
      header: t('meetings:actions.meeting'),
      render: (row) => (
        <>
          {meetingLink(row.meetingId, row.meetingTitle)}
          <span className="wr-table__secondary wr-muted wr-nowrap"> · {formatCalendarDate(row.meetingHeldOn, lang)}</span>
        </>
      ),
    },
    {
      key: 'why',
      header: t('meetings:direction.why'),
      render: (row) => (row.waitingFor === 'open_actions' ? t('meetings:direction.waitingFor.open_actions', { count: row.openActionCount }) : t(`meetings:direction.waitingFor.${row.waitingFor}`)),
    },
    {
      key: 'escalate',
      header: t('meetings:direction.escalate'),
      render: (row) => <EscalateControl subject={{ kind: row.kind, id: row.id, label: row.text }} escalated={row.escalated} canEscalate={canEscalate} onDone={setMessage} />,
    },
  ];
  const escalationColumns = (withHandling: boolean): Column<Escalation>[] => [
    {
      key: 'subject',
      header: t('meetings:direction.subject'),
      rowHeader: true,
      render: (row) => (
        <>
          <span className="wr-muted">{t(`meetings:subjectKinds.${row.subject.kind}`)}: </span>
          {row.meetingId ? meetingLink(row.meetingId, row.subject.label) : row.subject.label}
        </>
      ),
    },
    { key: 'reason', header: t('meetings:direction.reason'), render: (row) => row.reason },
    {
      key: 'when',
      header: t('meetings:direction.escalatedOn'),
      render: (row) => (
        <>
          {formatDateTime(row.escalatedAt, lang)}
          {row.escalatedBy ? <span className="wr-table__secondary wr-muted"> · {row.escalatedBy}</span> : null}
        </>
      ),
    },
    withHandling
      ? { key: 'handle', header: t('meetings:direction.handle'), render: (row) => (canEscalate ? <HandleForm escalation={row} onDone={setMessage} /> : null) }
      : {
          key: 'resolution',
          header: t('meetings:direction.resolution'),
          render: (row) => (
            <>
              {row.resolution}
              <span className="wr-table__secondary wr-muted"> · {t('meetings:direction.handledOn', { date: formatDateTime(row.handledAt, lang) })}</span>
            </>
          ),
        },
  ];

  const summary = data
    ? [
        { id: 'direction-overdue', label: t('meetings:direction.overdueActions'), count: data.overdueActions.length },
        { id: 'direction-slipping', label: t('meetings:direction.slipping'), count: data.slippingActivities.length },
        { id: 'direction-goals', label: t('meetings:direction.offTrack'), count: data.offTrackGoals.length },
        ...(data.money ? [{ id: 'direction-money', label: t('meetings:direction.money'), count: data.money.length }] : []),
        { id: 'direction-waiting', label: t('meetings:direction.waiting'), count: data.waitingDecisions.length },
        { id: 'direction-agenda', label: t('meetings:direction.agenda'), count: data.escalations.length },
      ]
    : [];

  return (
    <Page title={t('meetings:direction.title')} lead={data ? t('meetings:direction.lead', { date: formatCalendarDate(data.today, lang, 'full') }) : undefined}>
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      <QueryState isPending={dashboard.isPending} error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      {data ? (
        <>
          <ul className="wr-dashboard-summary">
            {summary.map((s) => (
              <li key={s.id} className={classNames('wr-dashboard-summary__item', s.count > 0 && s.id !== 'direction-agenda' && 'wr-dashboard-summary__item--alert')}>
                <a className="utrecht-link utrecht-link--html-a wr-dashboard-summary__label" href={`#${s.id}`}>
                  <span className="wr-dashboard-summary__count">{formatNumber(s.count, lang)}</span>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
          <Section title={t('meetings:direction.overdueActions')} id="direction-overdue">
            <SectionLead>{t('meetings:direction.overdueLead')}</SectionLead>
            <Table caption={t('meetings:direction.overdueActions')} captionHidden columns={overdueColumns} rows={data.overdueActions} rowKey={(row) => row.id} rowClassName={() => 'wr-row--overdue'} empty={t('meetings:direction.noOverdue')} />
          </Section>
          <Section title={t('meetings:direction.slipping')} id="direction-slipping">
            <SectionLead>{t('meetings:direction.slippingLead')}</SectionLead>
            <Table caption={t('meetings:direction.slipping')} captionHidden columns={slippingColumns} rows={data.slippingActivities} rowKey={(row) => row.id} empty={t('meetings:direction.noSlipping')} />
          </Section>
          <Section title={t('meetings:direction.offTrack')} id="direction-goals">
            <SectionLead>{t('meetings:direction.offTrackLead')}</SectionLead>
            <Table caption={t('meetings:direction.offTrack')} captionHidden columns={goalColumns} rows={data.offTrackGoals} rowKey={(row) => row.id} empty={t('meetings:direction.noOffTrack')} />
          </Section>
          {data.money ? (
            <Section title={t('meetings:direction.money')} id="direction-money">
              <SectionLead>{t('meetings:direction.moneyLead')}</SectionLead>
              <Table caption={t('meetings:direction.money')} captionHidden columns={moneyColumns} rows={data.money} rowKey={(row) => `${row.signal.code}:${row.signal.scope.id}:${row.signal.subject ?? ''}:${row.signal.date ?? ''}`} empty={t('meetings:direction.noMoney')} />
            </Section>
          ) : null}
          <Section title={t('meetings:direction.waiting')} id="direction-waiting">
            <SectionLead>{t('meetings:direction.waitingLead')}</SectionLead>
            <Table caption={t('meetings:direction.waiting')} captionHidden columns={waitingColumns} rows={data.waitingDecisions} rowKey={(row) => `${row.kind}:${row.id}`} empty={t('meetings:direction.noWaiting')} />
          </Section>
          <Section title={t('meetings:direction.agenda')} id="direction-agenda">
            <SectionLead>{t('meetings:direction.agendaLead')}</SectionLead>
            <Table caption={t('meetings:direction.agenda')} captionHidden columns={escalationColumns(true)} rows={data.escalations} rowKey={(row) => row.id} empty={t('meetings:direction.noAgenda')} />
            {handled.data && handled.data.length > 0 ? (
              <Section title={t('meetings:direction.handledHeading')} headingLevel={3} id="direction-handled">
                <Table caption={t('meetings:direction.handledHeading')} captionHidden columns={escalationColumns(false)} rows={handled.data} rowKey={(row) => row.id} />
              </Section>
            ) : null}
          </Section>
        </>
      ) : null}
    </Page>
  );
}
