import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../../platform/web/components/FormField';
import type { SurveyResults } from '../../contract';
import { QuestionTable } from './QuestionTable';

/** The figures of one question at a time (a table per question for every area would make a very long page). */
export function QuestionResults({ results }: { results: SurveyResults }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const questions = results.questions.filter((q) => q.kind !== 'open');
  const [key, setKey] = useState(questions[0]?.key ?? '');
  const question = questions.find((q) => q.key === key);
  return (
    <>
      <SelectField id="survey-question" label={t('survey:results.question')} options={questions.map((q) => ({ value: q.key, label: english ? q.textEn : q.textNl }))} value={key} onChange={(e) => setKey(e.target.value)} />
      {question ? <QuestionTable question={question} results={results} /> : null}
    </>
  );
}
