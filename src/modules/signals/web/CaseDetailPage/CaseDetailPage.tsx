import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../../platform/web/api-client';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { calendarDayOf } from '../../../../platform/shared/time';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { CASE_CLOSE_REASONS, CASE_REOPEN_REASONS, type Case, type CaseStatus, type CaseTimelineEntry, type Intervention } from '../../contract';
import { ConfidentialityTag } from '../components/SyntheticNotice';
import { categoryName, formatDate, formatDateTime, regimeName, useCase, useOrganisations, useTaxonomy } from '../signals-api';
import '../signals.css';
import { fieldMessages, serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';

function MeetingForm({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const [heldOn, setHeldOn] = useState(() => calendarDayOf(new Date()));
  const [attendees, setAttendees] = useState('');
  const [decisions, setDecisions] = useState('');
  const [kind, setKind] = useState('preventive');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/signal-cases/${caseId}/meetings`, {
        heldOn,
        attendees,
        decisions: decisions.split('\n').map((d) => d.trim()).filter(Boolean),
        interventions: description.trim() ? [{ kind, description, ownerOrganisationId: owner, dueDate: due }] : [],
      }),
    onSuccess: async () => {
      setDecisions('');
      setDescription('');
      await queryClient.invalidateQueries({ queryKey: ['signals', 'case', caseId] });
    },
  });
  const errors = fieldMessages(save.error, t, i18n.language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Section title={t('signals:meetings.new')}>
        <ErrorSummary error={save.error} />
        <TextField label={t('signals:meetings.heldOn')} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={errors.heldOn} />
        <TextField label={t('signals:meetings.attendees')} value={attendees} onChange={(e) => setAttendees(e.target.value)} description={t('signals:meetings.attendeesHint')} />
        <TextAreaField label={t('signals:meetings.decisions')} description={t('signals:meetings.decisionsHint')} rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} error={errors.decisions} />
        <fieldset className="wr-signals-fieldset">
          <legend>{t('signals:meetings.intervention')}</legend>
          <SelectField label={t('signals:meetings.kind')} value={kind} options={['preventive', 'repressive'].map((k) => ({ value: k, label: t(`signals:intervention.${k}`) }))} onChange={(e) => setKind(e.target.value)} />
          <TextField label={t('signals:meetings.what')} value={description} onChange={(e) => setDescription(e.target.value)} optionalText={t('signals:register.optional')} error={errors.interventions} />
          <SelectField label={t('signals:meetings.owner')} value={owner} placeholder={t('signals:register.choose')} options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} onChange={(e) => setOwner(e.target.value)} />
          <TextField label={t('signals:meetings.due')} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </fieldset>
        <Button appearance="primary" type="submit" busy={save.isPending}>
          {t('signals:meetings.save')}
        </Button>
      </Section>
    </form>
  );
}

const BADGE: Record<CaseStatus, BadgeStatus> = { open: 'neutral', in_progress: 'active', closed: 'inactive' };

/** The case's status and the one step it can take: take up (open), close with a reason (in behandeling), reopen with a reason (afgesloten). */
function CaseStatusSection({ c, canManage }: { c: Case; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const change = useMutation({
    mutationFn: (body: { status: 'in_progress' | 'closed'; reasonCode?: string; reasonText?: string }) => api.post(`/api/v1/signal-cases/${c.id}/status`, body),
    onSuccess: async () => {
      setReasonCode('');
      setReasonText('');
      await queryClient.invalidateQueries({ queryKey: ['signals', 'case', c.id] });
      await queryClient.invalidateQueries({ queryKey: ['signals', 'cases'] });
    },
  });
  const errors = fieldMessages(change.error, t, i18n.language);
  const closing = c.status === 'in_progress';
  const reasons = closing ? CASE_CLOSE_REASONS : CASE_REOPEN_REASONS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ status: closing ? 'closed' : 'in_progress', ...(reasonCode ? { reasonCode } : {}), ...(reasonText.trim() ? { reasonText: reasonText.trim() } : {}) });
  };
  return (
    <Section title={t('signals:caseStatus.heading')}>
      <p className="utrecht-paragraph">
        {t('signals:caseStatus.current')} <StatusBadge status={BADGE[c.status]}>{t(`signals:caseStatus.status.${c.status}`)}</StatusBadge>
      </p>
      {canManage && c.status === 'open' ? (
        <>
          <ErrorSummary error={change.error} />
          <Button appearance="secondary" busy={change.isPending} onClick={() => change.mutate({ status: 'in_progress' })}>
            {t('signals:caseStatus.takeUp')}
          </Button>
        </>
      ) : null}
      {canManage && c.status !== 'open' ? (
        <form onSubmit={submit} noValidate>
          <fieldset className="wr-signals-fieldset">
            <legend>{closing ? t('signals:caseStatus.closeLegend') : t('signals:caseStatus.reopenLegend')}</legend>
            <ErrorSummary
              error={change.error}
              fields={serverFieldLinks(change.error, t, i18n.language, {
                reasonCode: { id: 'case-reason', label: t('signals:caseStatus.reason') },
                reasonText: { id: 'case-reason-text', label: t('signals:caseStatus.reasonText') },
              })}
            />
            <SelectField
              id="case-reason"
              label={t('signals:caseStatus.reason')}
              value={reasonCode}
              placeholder={t('signals:register.choose')}
              options={reasons.map((r) => ({ value: r, label: t(`signals:caseStatus.reasons.${r}`) }))}
              onChange={(e) => setReasonCode(e.target.value)}
              error={errors.reasonCode}
            />
            <TextAreaField
              id="case-reason-text"
              label={t('signals:caseStatus.reasonText')}
              description={t('signals:caseStatus.reasonTextHint')}
              optionalText={reasonCode === 'other' ? undefined : t('signals:register.optional')}
              rows={2}
              maxLength={500}
              value={reasonText}
              onChange={(e) => setReasonText(e.target.value)}
              error={errors.reasonText}
            />
            <Button appearance="primary" type="submit" busy={change.isPending}>
              {closing ? t('signals:caseStatus.close') : t('signals:caseStatus.reopen')}
            </Button>
          </fieldset>
        </form>
      ) : null}
    </Section>
  );
}

function timelineText(e: CaseTimelineEntry, t: TFunction, language: string): string {
  if (e.kind === 'created') return t('signals:timeline.created', { count: e.signalCount ?? 0 });
  if (e.kind === 'signals_linked') return t('signals:timeline.linked', { count: e.signalCount ?? 0 });
  if (e.kind === 'meeting') return t('signals:timeline.meeting', { date: e.heldOn ? formatDate(e.heldOn, language) : '' });
  const reason = e.reasonCode ? t(`signals:caseStatus.reasons.${e.reasonCode}`) : '';
  const what = e.fromStatus === 'closed' ? t('signals:timeline.reopened') : e.toStatus === 'closed' ? t('signals:timeline.closed') : t('signals:timeline.takenUp');
  return [what, reason ? t('signals:timeline.reason', { reason }) : '', e.reasonText ? `“${e.reasonText}”` : ''].filter(Boolean).join(' ');
}

/** What happened to the case, in order, with who and when (Amsterdam time). */
function CaseTimeline({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('signals:timeline.heading')}>
      <ol className="wr-signals-timeline" aria-label={t('signals:timeline.heading')}>
        {c.timeline.map((e, i) => (
          <li key={i} className="wr-signals-timeline__item">
            <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time> · {timelineText(e, t, i18n.language)}
            {e.by ? <span className="wr-signals-timeline__by"> — {t('signals:timeline.by', { name: e.by })}</span> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function InterventionStatus({ caseId, intervention }: { caseId: string; intervention: Intervention }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: string) => api.patch(`/api/v1/signal-cases/${caseId}/interventions/${intervention.id}`, { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['signals', 'case', caseId] }),
  });
  if (intervention.status !== 'open') return null;
  return (
    <Button appearance="subtle" onClick={() => update.mutate('done')} busy={update.isPending} aria-label={t('signals:intervention.markDoneFor', { what: intervention.description })}>
      {t('signals:intervention.markDone')}
    </Button>
  );
}

function CaseView({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const taxonomy = useTaxonomy();
  const canManage = hasPermission(user, 'signal_cases.manage');
  return (
    <>
      <div className="wr-signals-layout">
        <Section title={t('signals:cases.facts')}>
          <dl className="wr-signals-dl">
            <dt>{t('signals:cases.focusKind')}</dt>
            <dd>{t(`signals:focus.${c.focusKind}`)}</dd>
            {c.focusAddress ? (
              <>
                <dt>{t('signals:fields.address')}</dt>
                <dd>{c.focusAddress}</dd>
              </>
            ) : null}
            {c.focusPseudonym ? (
              <>
                <dt>{t('signals:detail.pseudonym')}</dt>
                <dd className="wr-signals-mono">{c.focusPseudonym.slice(0, 16)}…</dd>
              </>
            ) : null}
            <dt>{t('signals:fields.buurt')}</dt>
            <dd>{c.areaName ?? c.areaCode}</dd>
            <dt>{t('signals:fields.category')}</dt>
            <dd>{categoryName(taxonomy.data, c.category, i18n.language)}</dd>
            <dt>{t('signals:fields.legalRegime')}</dt>
            <dd>{regimeName(taxonomy.data, c.legalRegime, i18n.language)}</dd>
            <dt>{t('signals:fields.purpose')}</dt>
            <dd>{c.purpose}</dd>
            <dt>{t('signals:fields.confidentiality')}</dt>
            <dd>
              <ConfidentialityTag level={c.confidentiality} />
            </dd>
            <dt>{t('signals:cases.owner')}</dt>
            <dd>{c.ownerOrganisation.name}</dd>
          </dl>
        </Section>
        <Section title={t('signals:cases.signalsHeading', { count: c.signalCount })}>
          <p className="utrecht-paragraph">{t('signals:cases.whoMaySee')}</p>
          <ul className="utrecht-unordered-list">
            {c.signals.map((s) => (
              <li key={s.id} className="utrecht-unordered-list__item">
                <Link className="utrecht-link utrecht-link--html-a" to={`/signalen/${s.id}`}>
                  {formatDateTime(s.occurredAt, i18n.language)} · {categoryName(taxonomy.data, s.category, i18n.language)}
                </Link>{' '}
                ({s.sourceOrganisation.name})
              </li>
            ))}
          </ul>
        </Section>
      </div>
      <div className="wr-signals-layout">
        <CaseStatusSection c={c} canManage={canManage} />
        <CaseTimeline c={c} />
      </div>
      <Section title={t('signals:meetings.heading')}>
        {c.meetings.length === 0 ? <p className="utrecht-paragraph">{t('signals:meetings.none')}</p> : null}
        {c.meetings.map((m) => (
          <div key={m.id}>
            <h3 className="utrecht-heading-3">{t('signals:meetings.of', { date: formatDate(m.heldOn, i18n.language) })}</h3>
            {m.attendees ? <p className="utrecht-paragraph">{t('signals:meetings.attendeesLine', { attendees: m.attendees })}</p> : null}
            <ul className="utrecht-unordered-list">
              {m.decisions.map((d, i) => (
                <li key={i} className="utrecht-unordered-list__item">
                  {d}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Section>
      <Section title={t('signals:intervention.heading')}>
        <Table
          caption={t('signals:intervention.heading')}
          captionHidden
          columns={[
            { key: 'what', header: t('signals:meetings.what'), rowHeader: true, render: (i) => i.description },
            { key: 'kind', header: t('signals:meetings.kind'), render: (i) => t(`signals:intervention.${i.kind}`) },
            { key: 'owner', header: t('signals:meetings.owner'), render: (i) => i.ownerOrganisation.name },
            { key: 'due', header: t('signals:meetings.due'), render: (i) => formatDate(i.dueDate, i18n.language) },
            { key: 'status', header: t('signals:intervention.status'), render: (i) => (i.overdue ? <strong>{t('signals:intervention.overdue')}</strong> : t(`signals:intervention.${i.status}`)) },
            ...(canManage ? [{ key: 'act', header: t('signals:intervention.action'), render: (i: Intervention) => <InterventionStatus caseId={c.id} intervention={i} /> }] : []),
          ]}
          rows={c.interventions}
          rowKey={(i) => i.id}
          empty={t('signals:intervention.none')}
        />
      </Section>
      {canManage ? <MeetingForm caseId={c.id} /> : null}
    </>
  );
}

/** One case (casus): its signals, case meetings with decisions, and interventions with owner and due date. */
export default function CaseDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const found = useCase(id);
  return (
    <Page title={found.data?.title ?? t('signals:cases.title')} lead={<Link className="utrecht-link utrecht-link--html-a" to="/casussen">{t('signals:cases.back')}</Link>}>
      <QueryState isPending={found.isPending} error={found.error} />
      {found.data ? <CaseView c={found.data} /> : null}
    </Page>
  );
}
