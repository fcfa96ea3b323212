import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../platform/web/components/Button';
import { TextField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import { useLessonSearch, useLessons } from './circle-api';
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

/** Search over all lessons (own and received), this installation's lessons, and writing one down. */
export default function LessonsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const lessons = useLessons();
  return (
    <Page title={t('circle:lessons.title')} lead={t('circle:lessons.lead')}>
      <CircleNav />
      <Search />
      <Section title={t('circle:lessons.own')} id="circle-lessons">
        <QueryState isPending={lessons.isPending} error={lessons.error} onRetry={() => void lessons.refetch()} />
        {lessons.data?.length === 0 ? <p className="utrecht-paragraph">{t('circle:lessons.none')}</p> : null}
        {lessons.data?.map((lesson) => (
          <article key={lesson.id} id={`lesson-${lesson.id}`} className="wr-circle-part">
            <h3 className="utrecht-heading-3">
              {lesson.title} {lesson.isIllustrative ? <span className="wr-tag">{t('circle:illustrative')}</span> : null}
            </h3>
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
          </article>
        ))}
      </Section>
      {hasPermission(user, 'circle.manage') ? (
        <Section title={t('circle:lesson.heading')} id="circle-lesson-new">
          <LessonForm />
        </Section>
      ) : null}
    </Page>
  );
}
