import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../../platform/web/api-client';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatNumber } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { useMunicipalityChoices } from '../../../areas/web/index';
import { CaseMeetingsOverview } from '../../../signals/web/index';
import { PLANNABLE_MEETING_KINDS, type MeetingKind, type MeetingSummary } from '../../contract';
import { formatCalendarDate } from '../format-date';
import { SearchPicker } from '../components/SearchPicker';
import { useCreateMeeting, useMeetings, useMunicipalityAreas, useOwnerOptions } from '../meetings-api';
import '../meetings.css';
import { serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';

/** The server's word on the area, by its field error code: unknown, outside the municipality, or not an area. */
function meetingAreaError(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiProblem)) return null;
  const problem = error.errors.find((e) => ApiProblem.fieldOf(e.path) === 'areaCode');
  if (!problem) return null;
  if (problem.code === 'unknown_reference') return t('meetings:form.areaUnknown');
  if (problem.code === 'area_outside_municipality') return t('meetings:form.areaForeign');
  return t('meetings:form.areaNotAllowed');
}

/** The municipalities whose casusoverleggen the overview lists: those the listed meetings are held in. */
function caseMunicipalities(meetings: readonly MeetingSummary[]): string[] {
  return [...new Set(meetings.map((m) => m.municipality))].sort();
}

function NewMeetingForm({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const owners = useOwnerOptions(true);
  const municipalities = useMunicipalityChoices();
  const mayReadCases = hasPermission(useCurrentUser(), 'signals.read');
  const [kind, setKind] = useState<MeetingKind>('kernteam');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today);
  const [location, setLocation] = useState('');
  const [municipality, setMunicipality] = useState('GM0505');
  const [areaCode, setAreaCode] = useState('');
  const [participants, setParticipants] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const areas = useMunicipalityAreas(municipality);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!title.trim()) found.push({ fieldId: 'meeting-title', label: t('meetings:form.title'), message: t('meetings:form.titleRequired') });
    if (!heldOn) found.push({ fieldId: 'meeting-date', label: t('meetings:form.heldOn'), message: t('meetings:form.heldOnRequired') });
    setErrors(found);
    if (found.length) return;
    create.mutate(
      { kind, title: title.trim(), heldOn, location: location.trim(), municipality, ...(areaCode ? { areaCode } : {}), participantOrganisationIds: participants },
      { onSuccess: (meeting) => void navigate(`/overleggen/${meeting.id}`) },
    );
  }
  const areaError = meetingAreaError(create.error, t);
  // The server's word on the other fields, at the field (issue 13, item 7); the browser's own checks first.
  const serverErrors = serverFieldLinks(create.error, t, i18n.language, {
    kind: { id: 'meeting-kind', label: t('meetings:form.kind') },
    title: { id: 'meeting-title', label: t('meetings:form.title') },
    heldOn: { id: 'meeting-date', label: t('meetings:form.heldOn') },
    location: { id: 'meeting-location', label: t('meetings:form.location') },
    municipality: { id: 'meeting-municipality', label: t('meetings:form.municipality') },
  });
  const shown = errors.length ? errors : serverErrors;
  const errorFor = (id: string) => shown.find((e) => e.fieldId === id)?.message;
  const fieldErrors = areaError ? [...shown, { fieldId: 'meeting-area', label: t('meetings:form.area'), message: areaError }] : shown;
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      <ErrorSummary error={create.error} fields={fieldErrors} />
      <p className="utrecht-paragraph" id="meeting-case-note">
        {t('meetings:form.kindCaseMeeting')}
        {mayReadCases ? (
          <>
            {' '}
            <Link className="utrecht-link utrecht-link--html-a" to="/casussen">
              {t('meetings:form.kindCaseMeetingLink')}
            </Link>
          </>
        ) : null}
      </p>
      <div className="wr-form-grid">
        <SelectField id="meeting-kind" label={t('meetings:form.kind')} value={kind} error={errorFor('meeting-kind')} options={PLANNABLE_MEETING_KINDS.map((value) => ({ value, label: t(`meetings:kinds.${value}`) }))} onChange={(event) => setKind(event.target.value as MeetingKind)} />
        <TextField id="meeting-title" label={t('meetings:form.title')} value={title} maxLength={200} error={errorFor('meeting-title')} onChange={(event) => setTitle(event.target.value)} />
        <TextField id="meeting-date" type="date" label={t('meetings:form.heldOn')} value={heldOn} error={errorFor('meeting-date')} onChange={(event) => setHeldOn(event.target.value)} />
        <TextField id="meeting-location" label={t('meetings:form.location')} optionalText={t('common:common.optional')} value={location} maxLength={200} error={errorFor('meeting-location')} onChange={(event) => setLocation(event.target.value)} />
        <SelectField
          id="meeting-municipality"
          label={t('meetings:form.municipality')}
          value={municipality}
          error={errorFor('meeting-municipality')}
          options={(municipalities.data ?? [{ code: 'GM0505', name: 'Dordrecht' }]).map((m) => ({ value: m.code, label: m.name }))}
          onChange={(event) => {
            setMunicipality(event.target.value);
            setAreaCode('');
          }}
        />
      </div>
      <SearchPicker
        id="meeting-area"
        label={t('meetings:form.area')}
        optionalText={t('common:common.optional')}
        description={t('meetings:form.areaDescription')}
        options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name, group: t(`meetings:areaGroups.${a.level}`), keywords: a.code }))}
        value={areaCode ? [areaCode] : []}
        onChange={(chosen) => setAreaCode(chosen[0] ?? '')}
        multiple={false}
        chipPrefix={(o) => t(`meetings:areaLevels.${areas.data?.find((a) => a.code === o.value)?.level ?? 'wijk'}`)}
        error={areaError ?? undefined}
      />
      {owners.data ? (
        <CheckboxGroup
          name="participants"
          legend={t('meetings:form.participants')}
          description={t('meetings:form.participantsDescription')}
          options={owners.data.organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={participants}
          onChange={setParticipants}
        />
      ) : null}
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={create.isPending}>
          {t('meetings:form.create')}
        </Button>
      </div>
    </form>
  );
}

export default function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const meetings = useMeetings();
  const canManage = hasPermission(user, 'meetings.manage');
  const mayReadCases = hasPermission(user, 'signals.read');

  const columns: Column<MeetingSummary>[] = [
    { key: 'date', header: t('meetings:list.date'), render: (row) => <span className="wr-nowrap">{formatCalendarDate(row.heldOn, i18n.language)}</span> },
    {
      key: 'title',
      header: t('meetings:list.meeting'),
      rowHeader: true,
      render: (row) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/overleggen/${row.id}`}>
            {row.title}
          </Link>
          {row.demo ? (
            <>
              {' '}
              <span className="wr-tag">{t('meetings:demo')}</span>
            </>
          ) : null}
          {row.location ? <span className="wr-table__secondary wr-muted"> · {row.location}</span> : null}
        </>
      ),
    },
    { key: 'kind', header: t('meetings:list.kind'), render: (row) => t(`meetings:kinds.${row.kind}`) },
    { key: 'status', header: t('meetings:list.status'), render: (row) => <StatusBadge status={row.status === 'open' ? 'active' : 'neutral'}>{t(`meetings:meetingStatus.${row.status}`)}</StatusBadge> },
    { key: 'open', header: t('meetings:list.openActions'), numeric: true, render: (row) => formatNumber(row.openActionCount, i18n.language) },
    {
      key: 'overdue',
      header: t('meetings:list.overdue'),
      numeric: true,
      render: (row) => (row.overdueActionCount > 0 ? <span className="wr-overdue">{formatNumber(row.overdueActionCount, i18n.language)}</span> : '0'),
    },
  ];

  return (
    <Page title={t('meetings:list.title')} lead={t('meetings:list.lead')}>
      <QueryState isPending={meetings.isPending} error={meetings.error} onRetry={() => void meetings.refetch()} />
      {meetings.data ? <Table caption={t('meetings:list.caption')} captionHidden columns={columns} rows={meetings.data.items} rowKey={(row) => row.id} empty={t('meetings:list.empty')} /> : null}
      {mayReadCases && meetings.data ? <CaseMeetingsOverview municipalities={caseMunicipalities(meetings.data.items)} /> : null}
      {canManage && meetings.data ? (
        <Section title={t('meetings:list.new')} id="meeting-new">
          <div className="wr-card">
            <NewMeetingForm today={meetings.data.today} />
          </div>
        </Section>
      ) : null}
    </Page>
  );
}
