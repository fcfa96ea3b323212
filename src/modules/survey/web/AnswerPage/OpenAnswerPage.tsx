import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { surveyProblem } from '../problem-text';
import { browserTokenFor, useAnswerOpen, useSurveyForm } from '../survey-api';
import '../survey.css';
import { QuestionsForm } from './QuestionsForm';
import { Thanks } from './Thanks';

/** /bewoners/enquete/<id>: the open link, without a code; the resident says which buurt they live in. */
export default function OpenAnswerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const form = useSurveyForm(id);
  const answer = useAnswerOpen(id);
  const [buurt, setBuurt] = useState('');
  const [buurtError, setBuurtError] = useState<string | undefined>();
  const survey = form.data;

  if (answer.isSuccess) {
    return (
      <Page title={t('survey:thanks.title')}>
        <Thanks />
      </Page>
    );
  }
  return (
    <Page title={survey?.title ?? t('survey:code.title')} lead={survey ? t('survey:open.lead', { municipality: survey.municipalityName }) : undefined}>
      <QueryState isPending={form.isPending} error={form.error} onRetry={() => void form.refetch()} />
      {survey && !survey.open ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('survey:problems.survey_closed')}</p>
        </Alert>
      ) : null}
      {survey?.open ? (
        <QuestionsForm
          questions={survey.questions}
          busy={answer.isPending}
          problem={answer.error ? surveyProblem(answer.error, t) : null}
          onSubmit={(answers) => {
            if (!buurt) {
              setBuurtError(t('survey:open.buurtRequired'));
              document.getElementById('survey-buurt')?.focus();
              return;
            }
            answer.mutate({ buurtCode: buurt, answers, browserToken: browserTokenFor(id) });
          }}
        >
          <p className="utrecht-paragraph">{t('survey:answer.intro')}</p>
          <SelectField
            id="survey-buurt"
            label={t('survey:open.buurtLabel')}
            description={t('survey:open.buurtHint')}
            placeholder={t('survey:open.buurtPlaceholder')}
            options={survey.buurten.map((b) => ({ value: b.code, label: t('survey:open.buurtOption', { buurt: b.name, wijk: b.wijkName }) }))}
            value={buurt}
            onChange={(e) => {
              setBuurt(e.target.value);
              setBuurtError(undefined);
            }}
            error={buurtError}
          />
        </QuestionsForm>
      ) : null}
    </Page>
  );
}
