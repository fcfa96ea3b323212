import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { ActivityMoney } from '../../../finance/web/index';
import { InitiativeOrigin } from '../../../initiatives/web/index';
import type { ActivityDetail, ActivityStatus } from '../../contract';
import { ActivityStatusBadge } from '../components/StatusBadges';
import { formatIsoDate, formatPercent } from '../format';
import { todayIso, useActivity, useAddMilestone, useChangeStatus, useMarkMilestone, useReportProgress } from '../programmes-api';
import '../programmes.css';

type Milestone = ActivityDetail['milestones'][number];

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

function StatusActions({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const change = useChangeStatus(activity.id);
  if (!activity.can.changeStatus || activity.nextStatuses.length === 0) return null;
  return (
    <div className="wr-card">
      <h3 className="utrecht-heading-3 wr-card__heading">{t('programmes:activity.changeStatus')}</h3>
      <ErrorSummary error={change.error} />
      <TextField id="status-note" label={t('programmes:activity.statusNote')} optionalText={t('programmes:form.optional')} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="wr-button-group">
        {activity.nextStatuses.map((status: ActivityStatus) => (
          <Button key={status} appearance={status === 'stopped' ? 'secondary' : 'primary'} danger={status === 'stopped'} busy={change.isPending} onClick={() => change.mutate({ status, note }, { onSuccess: () => setNote('') })}>
            {t(`programmes:activity.to.${status}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}

function ProgressForm({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState(String(activity.progress));
  const [narrative, setNarrative] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const report = useReportProgress(activity.id);
  if (!activity.can.reportProgress || activity.status === 'done' || activity.status === 'stopped') return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const value = Number(percent);
    if (!/^\d{1,3}$/.test(percent.trim()) || value > 100) found.percent = t('programmes:activity.percentRange');
    if (!narrative.trim()) found.narrative = t('programmes:form.required');
    setErrors(found);
    if (Object.keys(found).length === 0) report.mutate({ percent: value, narrative: narrative.trim() }, { onSuccess: () => setNarrative('') });
  }
  const summary = Object.entries(errors).map(([field, message]) => ({ fieldId: `progress-${field}`, label: t(`programmes:activity.${field}`), message }));
  return (
    <form className="utrecht-form wr-card" noValidate onSubmit={submit}>
      <h3 className="utrecht-heading-3 wr-card__heading">{t('programmes:activity.reportProgress')}</h3>
      {summary.length ? <ErrorSummary fields={summary} /> : <ErrorSummary error={report.error} />}
      <TextField id="progress-percent" className="wr-field--short" label={t('programmes:activity.percent')} inputMode="numeric" value={percent} error={errors.percent} onChange={(e) => setPercent(e.target.value)} />
      <TextAreaField id="progress-narrative" label={t('programmes:activity.narrative')} description={t('programmes:activity.narrativeDescription')} rows={3} maxLength={8000} value={narrative} error={errors.narrative} onChange={(e) => setNarrative(e.target.value)} />
      <Button type="submit" appearance="primary" busy={report.isPending}>
        {t('programmes:activity.saveProgress')}
      </Button>
    </form>
  );
}

function Milestones({ activity }: { activity: ActivityDetail }) {
  const { t, i18n } = useTranslation();
  const mark = useMarkMilestone(activity.id);
  const add = useAddMilestone(activity.id);
  const [name, setName] = useState('');
  const [due, setDue] = useState('');
  const columns: Column<Milestone>[] = [
    { key: 'name', header: t('programmes:activity.milestone'), rowHeader: true, render: (m) => m.name },
    { key: 'due', header: t('programmes:activity.due'), render: (m) => formatIsoDate(m.dueDate, i18n.language) },
    { key: 'reached', header: t('programmes:activity.reached'), render: (m) => (m.reachedOn ? formatIsoDate(m.reachedOn, i18n.language) : m.dueDate < todayIso() ? <span className="wr-overdue">{t('programmes:activity.overdue')}</span> : '–') },
    ...(activity.can.changeStatus
      ? [
          {
            key: 'action',
            header: <span className="wr-visually-hidden">{t('programmes:activity.actions')}</span>,
            render: (m: Milestone) => (
              <Button appearance="subtle" busy={mark.isPending} onClick={() => mark.mutate({ milestoneId: m.id, reachedOn: m.reachedOn ? null : todayIso() })}>
                {m.reachedOn ? t('programmes:activity.unmark', { name: m.name }) : t('programmes:activity.mark', { name: m.name })}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ErrorSummary error={mark.error ?? add.error} />
      <Table caption={t('programmes:activity.milestones')} captionHidden columns={columns} rows={activity.milestones} rowKey={(m) => m.id} empty={t('programmes:activity.noMilestones')} compact />
      {activity.can.changeStatus ? (
        <form
          className="utrecht-form wr-inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && due) add.mutate({ name: name.trim(), dueDate: due }, { onSuccess: () => { setName(''); setDue(''); } });
          }}
        >
          <TextField id="milestone-name" label={t('programmes:activity.newMilestone')} maxLength={300} value={name} onChange={(e) => setName(e.target.value)} />
          <TextField id="milestone-due" type="date" label={t('programmes:activity.due')} value={due} onChange={(e) => setDue(e.target.value)} />
          <Button type="submit" busy={add.isPending} disabled={!name.trim() || !due}>
            {t('programmes:activity.addMilestone')}
          </Button>
        </form>
      ) : null}
    </>
  );
}

/** One activity: who, where, which goals, when; its status workflow, milestones and progress. */
export default function ActivityPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const activity = useActivity(id);
  const a = activity.data;
  return (
    <Page
      title={a?.name ?? t('programmes:activities.activity')}
      lead={a ? t('programmes:activity.lead', { owner: a.owner.organisationName, start: formatIsoDate(a.start, i18n.language), end: formatIsoDate(a.end, i18n.language) }) : undefined}
      actions={
        a?.can.edit ? (
          <Link className="utrecht-button utrecht-button--secondary-action wr-button-link" to={`/activiteiten/${a.id}/bewerken`}>
            {t('programmes:activity.edit')}
          </Link>
        ) : null
      }
    >
      {a ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link utrecht-link--html-a wr-back-link" to={`/programmas/${a.programmeId}/activiteiten`}>
            {t('programmes:activity.back')}
          </Link>
        </p>
      ) : null}
      <QueryState isPending={activity.isPending} error={activity.error} onRetry={() => void activity.refetch()} />
      {a ? (
        <>
          {a.slipping ? (
            <Alert type="warning" heading={t('programmes:activity.slippingHeading')}>
              <p className="utrecht-paragraph">{t('programmes:activity.slippingText', { end: formatIsoDate(a.end, i18n.language) })}</p>
            </Alert>
          ) : null}
          <div className="wr-activity-layout">
            <div>
              <Section title={t('programmes:activity.details')} id="details">
                <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
                  <Fact label={t('programmes:activities.status')}>
                    <ActivityStatusBadge status={a.status} slipping={a.slipping} />
                  </Fact>
                  <Fact label={t('programmes:activities.progress')}>
                    <span className="wr-progress">
                      <span className="wr-progress__bar" aria-hidden="true">
                        <span className="wr-progress__fill" style={{ width: `${a.progress}%` }} />
                      </span>
                      {formatPercent(a.progress, i18n.language)}
                    </span>
                  </Fact>
                  <Fact label={t('programmes:activities.owner')}>{a.owner.userName ? `${a.owner.organisationName} (${a.owner.userName})` : a.owner.organisationName}</Fact>
                  <Fact label={t('programmes:activities.partners')}>{a.partners.map((p) => p.name).join(', ') || '–'}</Fact>
                  <Fact label={t('programmes:activities.areas')}>
                    {a.areas.length
                      ? a.areas.map((area, i) => (
                          <span key={area.code}>
                            {i > 0 ? ', ' : ''}
                            <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${area.code}`}>
                              {area.name}
                            </Link>
                          </span>
                        ))
                      : '–'}
                  </Fact>
                  <Fact label={t('programmes:activity.goals')}>
                    {a.goals.length ? (
                      <ul className="wr-plain-list">
                        {a.goals.map((g) => (
                          <li key={g.id}>
                            {g.name} <span className="wr-muted">({t(`programmes:activity.goalKind.${g.kind}`)})</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '–'
                    )}
                  </Fact>
                  {a.description ? <Fact label={t('programmes:activities.description')}>{a.description}</Fact> : null}
                </dl>
              </Section>
              <Section title={t('programmes:activity.milestones')} id="milestones">
                <Milestones activity={a} />
              </Section>
              <Section title={t('programmes:activity.progressUpdates')} id="progress">
                {a.progressUpdates.length === 0 ? <p className="utrecht-paragraph wr-muted">{t('programmes:activity.noProgress')}</p> : null}
                <ol className="wr-updates">
                  {a.progressUpdates.map((u) => (
                    <li key={u.id} className="wr-update">
                      <p className="utrecht-paragraph wr-update__meta">
                        <strong>{formatPercent(u.percent, i18n.language)}</strong> · {formatDateTime(u.reportedAt, i18n.language)} · {u.reportedBy}
                        {u.organisationName ? ` (${u.organisationName})` : ''}
                      </p>
                      <p className="utrecht-paragraph">{u.narrative}</p>
                    </li>
                  ))}
                </ol>
              </Section>
            </div>
            <aside className="wr-activity-side" aria-label={t('programmes:activity.actions')}>
              <StatusActions activity={a} />
              <ProgressForm activity={a} />
              <Section title={t('programmes:activity.history')} headingLevel={3} id="history">
                <ol className="wr-plain-list wr-history">
                  {a.statusHistory.map((c, i) => (
                    <li key={i}>
                      <strong>{t(`programmes:activityStatus.${c.to}`)}</strong> · {formatDateTime(c.changedAt, i18n.language)}
                      {c.changedBy ? ` · ${c.changedBy}` : ''}
                      {c.note ? <span className="wr-table__secondary">{c.note}</span> : null}
                    </li>
                  ))}
                </ol>
              </Section>
            </aside>
          </div>
          <InitiativeOrigin activityId={a.id} />
          {/* Full width: the money table has eight figures per line. */}
          <ActivityMoney activityId={a.id} />
        </>
      ) : null}
    </Page>
  );
}
