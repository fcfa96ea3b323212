import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../platform/web/components/Button';
import { TextField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { Lesson } from '../contract';
import { useDeleteLesson, useLessonSearch, useLessons } from './circle-api';
import { CircleError } from './components/CircleError';
import { CircleNav } from './components/CircleNav';
import { LessonForm } from './components/LessonForm';
import './circle.css';

function Search() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const search = useLessonSearch(query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };
  return (
    <Section title={t('circle:search.heading')} id="circle-search">
      <form onSubmit={submit} role="search" className="wr-form">
        <TextField id="circle-search-text" label={t('circle:search.label')} description={t('circle:search.hint')} value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
        <Button type="submit">{t('circle:search.submit')}</Button>
      </form>
      {query ? <QueryState isPending={search.isPending} error={search.error} onRetry={() => void search.refetch()} /> : null}
      {search.data ? (
        search.data.length === 0 ? (
          <p className="utrecht-paragraph" role="status">{t('circle:search.none', { query })}</p>
        ) : (
          <ul className="utrecht-unordered-list" aria-label={t('circle:search.results')}>
            {search.data.map((hit) => (
              <li key={`${hit.source}:${hit.id}`} className="utrecht-unordered-list__item">
                {hit.source === 'member' ? (
                  <Link className="utrecht-link utrecht-link--html-a" to={`/kring/ontvangen/${hit.id}`}>
                    {hit.title}
                  </Link>
                ) : (
                  <a className="utrecht-link utrecht-link--html-a" href={`#lesson-${hit.id}`}>
                    {hit.title}
                  </a>
                )}{' '}
                <span className="wr-muted">{hit.kind === 'evaluation' ? t('circle:search.evaluationFromMember', { member: hit.memberName }) : hit.memberName ? t('circle:search.fromMember', { member: hit.memberName, theme: hit.theme }) : t('circle:search.own', { theme: hit.theme })}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Section>
  );
}

/** One of this installation's lessons; a programme manager can change it or delete it (after a confirmation). */
function OwnLesson({ lesson, canManage, onDeleted }: { lesson: Lesson; canManage: boolean; onDeleted: (title: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const remove = useDeleteLesson();
  const shared = lesson.shareLevel !== 'internal';
  return (
    <article id={`lesson-${lesson.id}`} className="wr-circle-part">
      <h3 className="utrecht-heading-3">
        {lesson.title} {lesson.isIllustrative ? <span className="wr-tag">{t('circle:illustrative')}</span> : null}
      </h3>
      {mode === 'edit' ? (
        <>
          {shared ? <p className="utrecht-paragraph">{t(`circle:lessons.editShared.${lesson.shareLevel}`)}</p> : null}
          <LessonForm lesson={lesson} onDone={() => setMode('view')} />
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">{lesson.text}</p>
          <p className="utrecht-paragraph wr-muted">
            {t('circle:lessons.facts', { theme: lesson.theme, level: t(`circle:levels.${lesson.shareLevel}`) })}
            {lesson.tags.length ? ` · ${lesson.tags.join(', ')}` : ''}
            {lesson.meetingId && lesson.meetingPart ? (
              <>
                {' · '}
                <Link className="utrecht-link utrecht-link--html-a" to={`/kring/bijeenkomsten/${lesson.meetingId}`}>
                  {t('circle:lessons.fromMeeting', { part: t(`circle:parts.${lesson.meetingPart}`) })}
                </Link>
              </>
            ) : null}
          </p>
        </>
      )}
      {canManage && mode === 'view' ? (
        <ButtonGroup>
          {/* The lesson's title completes each button's name for a screen reader: every lesson has the same two. */}
          <Button onClick={() => setMode('edit')}>
            {t('circle:lessons.edit')}
            <span className="wr-visually-hidden">: {lesson.title}</span>
          </Button>
          <Button danger onClick={() => setMode('delete')}>
            {t('circle:lessons.delete')}
            <span className="wr-visually-hidden">: {lesson.title}</span>
          </Button>
        </ButtonGroup>
      ) : null}
      {mode === 'delete' ? (
        <Alert type="warning" heading={t('circle:lessons.deleteHeading', { title: lesson.title })}>
          <p className="utrecht-paragraph">{t(`circle:lessons.deleteExplained.${lesson.shareLevel}`)}</p>
          <CircleError error={remove.error} />
          <ButtonGroup>
            <Button danger busy={remove.isPending} // mutateAsync: mutate's callback is dropped when the deleted lesson's card unmounts first.
              onClick={() => void remove.mutateAsync(lesson.id).then(() => onDeleted(lesson.title), () => undefined)}>
              {t('circle:lessons.deleteConfirm')}
            </Button>
            <Button onClick={() => setMode('view')}>{t('circle:form.cancel')}</Button>
          </ButtonGroup>
        </Alert>
      ) : null}
    </article>
  );
}

/** Search over all lessons (own and received), this installation's lessons, and writing one down. */
export default function LessonsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const lessons = useLessons();
  const canManage = hasPermission(user, 'circle.manage');
  const [deleted, setDeleted] = useState<string | null>(null);
  return (
    <Page title={t('circle:lessons.title')} lead={t('circle:lessons.lead')}>
      <CircleNav />
      <Search />
      <Section title={t('circle:lessons.own')} id="circle-lessons">
        <QueryState isPending={lessons.isPending} error={lessons.error} onRetry={() => void lessons.refetch()} />
        {deleted ? <Alert type="ok" live="status" heading={t('circle:lessons.deleted', { title: deleted })} /> : null}
        {lessons.data?.length === 0 ? <p className="utrecht-paragraph">{t('circle:lessons.none')}</p> : null}
        {lessons.data?.map((lesson) => <OwnLesson key={lesson.id} lesson={lesson} canManage={canManage} onDeleted={setDeleted} />)}
      </Section>
      {canManage ? (
        <Section title={t('circle:lesson.heading')} id="circle-lesson-new">
          <LessonForm />
        </Section>
      ) : null}
    </Page>
  );
}
