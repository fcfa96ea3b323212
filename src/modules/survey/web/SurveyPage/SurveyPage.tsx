import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { formatDate, formatDateTime } from '../../../../platform/web/i18n/format';
import { surveyProblem } from '../problem-text';
import { usePublishFigures, useSurvey, useSurveyResults } from '../survey-api';
import '../survey.css';
import { CodesForm } from './CodesForm';
import { QuestionResults } from './QuestionResults';
import { RespondentsTable } from './RespondentsTable';

/** /enquetes/<id>: results per buurt (small numbers withheld), the figures on the map, open answers, letters. */
export default function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  const results = useSurveyResults(id);
  const publish = usePublishFigures(id);
  const s = survey.data;
  const r = results.data;
  const openLink = `${window.location.origin}/bewoners/enquete/${id}`;
  const mapLink = (code: string) => `/kaart?gemeente=${s?.municipalityCode ?? ''}&niveau=buurt&indicator=${code}&jaar=${s?.year ?? ''}`;
  const published = publish.data?.publishedAt ?? s?.publishedAt ?? null;

  return (
    <Page
      title={s?.title ?? t('survey:list.title')}
      lead={s ? t('survey:detail.lead', { from: formatDate(s.opensOn, i18n.language), to: formatDate(s.closesOn, i18n.language), threshold: s.minRespondents }) : undefined}
      actions={s ? <StatusBadge status={s.open ? 'active' : 'inactive'}>{t(s.open ? 'survey:status.open' : 'survey:status.closed')}</StatusBadge> : undefined}
    >
      <QueryState isPending={survey.isPending || results.isPending} error={survey.error ?? results.error} onRetry={() => void Promise.all([survey.refetch(), results.refetch()])} />
      {s && r ? (
        <>
          <Section id="survey-respondents" title={t('survey:results.respondentsTitle')}>
            <p className="utrecht-paragraph">{t('survey:results.suppressionExplain', { threshold: s.minRespondents })}</p>
            <RespondentsTable results={r} />
          </Section>
          <Section id="survey-map" title={t('survey:figures.title')}>
            <p className="utrecht-paragraph">{published ? t('survey:figures.published', { date: formatDateTime(published, i18n.language) }) : t('survey:figures.notPublished')}</p>
            {publish.isSuccess ? (
              <Alert type="ok" live="status">
                <p className="utrecht-paragraph">{t('survey:figures.done', { values: publish.data.values, suppressed: publish.data.suppressed })}</p>
              </Alert>
            ) : null}
            {publish.error ? (
              <Alert type="error">
                <p className="utrecht-paragraph">{surveyProblem(publish.error, t)}</p>
              </Alert>
            ) : null}
            <Button appearance="primary" busy={publish.isPending} onClick={() => publish.mutate()}>
              {t(published ? 'survey:figures.republish' : 'survey:figures.publish')}
            </Button>
            {published ? (
              <ul className="utrecht-unordered-list">
                {r.indicators.map((indicator) => (
                  <li key={indicator.code} className="utrecht-unordered-list__item">
                    <Link className="utrecht-link utrecht-link--html-a" to={mapLink(indicator.code)}>
                      {t('survey:figures.onMap', { name: indicator.name })}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </Section>
          <Section id="survey-questions" title={t('survey:results.questionsTitle')}>
            <QuestionResults results={r} />
          </Section>
          <Section id="survey-open-answers" title={t('survey:results.openTitle')}>
            <p className="utrecht-paragraph">{t('survey:results.openExplain')}</p>
            {r.openTexts.map((o) => (
              <div key={o.questionKey}>
                <p className="utrecht-paragraph"><strong>{(() => { const q = r.questions.find((x) => x.key === o.questionKey); return q ? (i18n.language.startsWith('en') ? q.textEn : q.textNl) : o.questionKey; })()}</strong></p>
                {o.texts.length ? (
                  <ul className="utrecht-unordered-list">
                    {o.texts.map((text, i) => (
                      <li key={i} className="utrecht-unordered-list__item">{text}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="utrecht-paragraph wr-muted">{t('survey:results.noOpenAnswers')}</p>
                )}
              </div>
            ))}
          </Section>
          <Section id="survey-letters" title={t('survey:codes.title')}>
            <CodesForm survey={s} />
          </Section>
          <Section id="survey-open-link" title={t('survey:openLink.title')}>
            <p className="utrecht-paragraph">{t('survey:openLink.explain')}</p>
            <p className="utrecht-paragraph"><code>{openLink}</code></p>
          </Section>
        </>
      ) : null}
    </Page>
  );
}
