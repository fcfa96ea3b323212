import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { normaliseCode } from '../../contract';
import { surveyProblem } from '../problem-text';
import { useAnswerWithCode, useLookupCode } from '../survey-api';
import '../survey.css';
import { QuestionsForm } from './QuestionsForm';
import { Thanks } from './Thanks';

/** /bewoners/enquete: a resident types the code from the letter, answers, and gets a confirmation. No login. */
export default function CodeAnswerPage() {
  const { t, i18n } = useTranslation();
  const lookup = useLookupCode();
  const answer = useAnswerWithCode();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const found = lookup.data;

  function check(event: FormEvent) {
    event.preventDefault();
    if (!normaliseCode(code)) {
      setCodeError(t('survey:code.malformed'));
      return;
    }
    setCodeError(undefined);
    lookup.mutate(code);
  }

  if (answer.isSuccess) {
    return (
      <Page title={t('survey:thanks.title')}>
        <Thanks />
      </Page>
    );
  }
  if (found) {
    const english = i18n.language.startsWith('en');
    return (
      <Page title={found.survey.title} lead={t('survey:answer.lead', { buurt: found.buurt.name, municipality: found.survey.municipalityName })}>
        <QuestionsForm questions={found.survey.questions} busy={answer.isPending} problem={answer.error ? surveyProblem(answer.error, t) : null} onSubmit={(answers) => answer.mutate({ code, answers })}>
          <p className="utrecht-paragraph">{t('survey:answer.intro')}</p>
          {english ? <p className="utrecht-paragraph wr-muted">{t('survey:answer.questionsInEnglish')}</p> : null}
        </QuestionsForm>
      </Page>
    );
  }
  const problem = codeError ?? (lookup.error ? surveyProblem(lookup.error, t) : undefined);
  return (
    <Page title={t('survey:code.title')} lead={t('survey:code.lead')}>
      <Section title={t('survey:code.heading')}>
        <form className="wr-form wr-survey-code" onSubmit={check} noValidate>
          <TextField
            id="survey-code"
            label={t('survey:code.label')}
            description={t('survey:code.hint')}
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
            error={problem}
          />
          <Button appearance="primary" type="submit" busy={lookup.isPending}>
            {t('survey:code.next')}
          </Button>
        </form>
        <p className="utrecht-paragraph wr-muted">{t('survey:code.privacy')}</p>
      </Section>
    </Page>
  );
}
