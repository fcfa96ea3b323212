import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { TextField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import { useCreateMeeting, useMeetings } from './circle-api';
import { CircleError } from './components/CircleError';
import { CircleNav } from './components/CircleNav';
import { formatDay } from './format';
import './circle.css';

function CreateMeetingForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [form, setForm] = useState({ heldOn: '', hostMunicipality: '', place: '' });
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.heldOn)) found.push({ fieldId: 'meeting-date', label: t('circle:meetings.date'), message: t('circle:form.date') });
    if (!form.hostMunicipality.trim()) found.push({ fieldId: 'meeting-host', label: t('circle:meetings.host'), message: t('circle:form.required') });
    if (!form.place.trim()) found.push({ fieldId: 'meeting-place', label: t('circle:meetings.place'), message: t('circle:form.required') });
    setErrors(found);
    if (found.length === 0) create.mutate(form, { onSuccess: (meeting) => void navigate(`/kring/bijeenkomsten/${meeting.id}`) });
  };
  const error = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <Section title={t('circle:meetings.new')} id="circle-meeting-new">
      <form onSubmit={submit} noValidate className="wr-form">
        {create.error ? <CircleError error={create.error} /> : <ErrorSummary fields={errors} />}
        <TextField id="meeting-date" type="date" label={t('circle:meetings.date')} value={form.heldOn} onChange={set('heldOn')} error={error('meeting-date')} />
        <TextField id="meeting-host" label={t('circle:meetings.host')} description={t('circle:meetings.hostHint')} value={form.hostMunicipality} onChange={set('hostMunicipality')} error={error('meeting-host')} maxLength={200} />
        <TextField id="meeting-place" label={t('circle:meetings.place')} value={form.place} onChange={set('place')} error={error('meeting-place')} maxLength={200} />
        <Button appearance="primary" type="submit" busy={create.isPending}>
          {t('circle:meetings.submit')}
        </Button>
      </form>
    </Section>
  );
}

/** The circle meetings, newest first, and the form to record one. */
export default function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const meetings = useMeetings();
  return (
    <Page title={t('circle:meetings.title')} lead={t('circle:meetings.lead')}>
      <CircleNav />
      <Section title={t('circle:meetings.heading')} id="circle-meetings">
        <QueryState isPending={meetings.isPending} error={meetings.error} onRetry={() => void meetings.refetch()} />
        {meetings.data?.length === 0 ? <p className="utrecht-paragraph">{t('circle:meetings.none')}</p> : null}
        <ul className="utrecht-unordered-list">
          {meetings.data?.map((m) => (
            <li key={m.id} className="utrecht-unordered-list__item">
              <Link className="utrecht-link utrecht-link--html-a" to={`/kring/bijeenkomsten/${m.id}`}>
                {t('circle:meetings.name', { date: formatDay(m.heldOn, i18n.language), host: m.hostMunicipality })}
              </Link>{' '}
              <span className="wr-muted">{t('circle:meetings.facts', { place: m.place, count: m.lessonCount })}</span>
              {m.isIllustrative ? <span className="wr-tag">{t('circle:illustrative')}</span> : null}
            </li>
          ))}
        </ul>
      </Section>
      {hasPermission(user, 'circle.manage') ? <CreateMeetingForm /> : null}
    </Page>
  );
}
