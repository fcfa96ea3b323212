import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { PublicLesson } from '../../contract';
import { usePublicLessons } from '../public-api';
import { PUBLIC_AREAS_PATH } from '../public-paths';
import '../public.css';

function LessonCard({ lesson }: { lesson: PublicLesson }) {
  const { t, i18n } = useTranslation();
  const where = [lesson.theme, lesson.areaName].filter(Boolean).join(' · ');
  return (
    <li className="wr-public-card">
      <h2 className="utrecht-heading-3">{lesson.title}</h2>
      {lesson.isIllustrative ? <p className="utrecht-paragraph wr-muted">{t('publicpages:lessons.illustrative')}</p> : null}
      <p className="utrecht-paragraph wr-public-lesson-text">{lesson.text}</p>
      <p className="utrecht-paragraph wr-muted">
        {where}
        {lesson.tags.length ? ` · ${lesson.tags.join(', ')}` : ''}
      </p>
      <p className="utrecht-paragraph wr-muted">
        {lesson.meeting
          ? t('publicpages:lessons.fromMeeting', { date: formatDate(lesson.meeting.heldOn, i18n.language), host: lesson.meeting.hostMunicipality, part: t(`publicpages:lessons.parts.${lesson.meeting.part}`, { defaultValue: lesson.meeting.part }) })
          : t('publicpages:lessons.recorded', { date: formatDate(lesson.recordedOn, i18n.language) })}
      </p>
    </li>
  );
}

/** /openbaar/lessen: what the municipality learned and chose to share with everyone, from its learning circle. */
export default function PublicLessonsPage() {
  const { t } = useTranslation();
  const lessons = usePublicLessons();
  return (
    <Page title={t('publicpages:lessons.title')} lead={t('publicpages:lessons.lead')}>
      <QueryState isPending={lessons.isPending} error={lessons.error} onRetry={() => void lessons.refetch()} />
      {lessons.data && lessons.data.items.length === 0 ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('publicpages:lessons.empty')}</p>
        </Alert>
      ) : null}
      {lessons.data && lessons.data.items.length > 0 ? (
        <ul className="wr-public-goals">
          {lessons.data.items.map((lesson, i) => (
            <LessonCard key={i} lesson={lesson} />
          ))}
        </ul>
      ) : null}
      <p className="utrecht-paragraph wr-public-lessons-back">
        <Link className="utrecht-link" to={PUBLIC_AREAS_PATH}>
          {t('publicpages:lessons.toAreas')}
        </Link>
      </p>
    </Page>
  );
}
