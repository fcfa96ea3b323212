import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { TextAreaField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { Meeting, MeetingPart } from '../contract';
import { useMeeting, useSaveNotes } from './circle-api';
import { CircleError } from './components/CircleError';
import { CircleNav } from './components/CircleNav';
import { LessonForm } from './components/LessonForm';
import { formatDay } from './format';
import './circle.css';

function PartNotes({ meeting, part, notes, canManage }: { meeting: Meeting; part: MeetingPart; notes: string; canManage: boolean }) {
  const { t } = useTranslation();
  const save = useSaveNotes(meeting.id);
  const [text, setText] = useState(notes);
  const lessons = meeting.lessons.filter((l) => l.meetingPart === part);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ part, notes: text });
  };
  return (
    <section className="wr-circle-part" aria-labelledby={`part-${part}`}>
      <h3 className="utrecht-heading-3" id={`part-${part}`}>
        {t(`circle:parts.${part}`)}
      </h3>
      <p className="utrecht-paragraph wr-muted">{t(`circle:partHints.${part}`)}</p>
      {canManage ? (
        <form onSubmit={submit} noValidate className="wr-form">
          <CircleError error={save.error} />
          <TextAreaField id={`notes-${part}`} label={t('circle:meeting.notes')} value={text} onChange={(e) => setText(e.target.value)} rows={4} maxLength={8000} />
          <Button type="submit" busy={save.isPending}>
            {t('circle:meeting.saveNotes')}
          </Button>
          {save.isSuccess ? <span role="status"> {t('circle:meeting.notesSaved')}</span> : null}
        </form>
      ) : (
        <p className="utrecht-paragraph">{notes || t('circle:meeting.noNotes')}</p>
      )}
      {lessons.length > 0 ? (
        <>
          <h4 className="utrecht-heading-4 wr-circle-part-lessons">{t('circle:meeting.lessons')}</h4>
          <ul className="utrecht-unordered-list">
            {lessons.map((l) => (
              <li key={l.id} className="utrecht-unordered-list__item">
                <strong>{l.title}</strong> — {l.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A circle meeting in its four parts: news round, peer consultation, theme, project visit. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const meeting = useMeeting(id);
  const canManage = hasPermission(user, 'circle.manage');
  const title = meeting.data ? t('circle:meetings.name', { date: formatDay(meeting.data.heldOn, i18n.language), host: meeting.data.hostMunicipality }) : t('circle:meeting.title');
  return (
    <Page title={title} lead={meeting.data ? t('circle:meeting.lead', { place: meeting.data.place }) : undefined}>
      <CircleNav />
      <QueryState isPending={meeting.isPending} error={meeting.error} onRetry={() => void meeting.refetch()} />
      {meeting.data ? (
        <>
          {meeting.data.isIllustrative ? <Alert type="info" heading={t('circle:illustrativeHeading')}>{t('circle:meeting.illustrative')}</Alert> : null}
          <Section title={t('circle:meeting.parts')} id="circle-parts">
            <div className="wr-circle-parts">
              {meeting.data.parts.map((p) => (
                <PartNotes key={p.part} meeting={meeting.data} part={p.part} notes={p.notes} canManage={canManage} />
              ))}
            </div>
          </Section>
          {canManage ? (
            <Section title={t('circle:meeting.newLesson')} id="circle-meeting-lesson">
              <LessonForm meetingId={meeting.data.id} />
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
