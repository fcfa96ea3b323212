import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { TextAreaField } from '../../../../platform/web/components/FormField';
import { OPEN_TEXT_MAX, TREND_ANSWERS, type Answers, type Question } from '../../contract';

const RATINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The questions of a survey; every question may be skipped, at least one must be answered. */
export function QuestionsForm({ questions, busy, problem, onSubmit, children }: { questions: readonly Question[]; busy: boolean; problem: string | null; onSubmit: (answers: Answers) => void; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const [answers, setAnswers] = useState<Answers>({});
  const [empty, setEmpty] = useState(false);
  const set = (key: string, value: number | string | null) => {
    setEmpty(false);
    setAnswers((current) => {
      const next = { ...current };
      if (value === null || value === '') delete next[key];
      else next[key] = value;
      return next;
    });
  };
  const textOf = (q: Question) => (english ? q.textEn : q.textNl);

  function submit(event: FormEvent) {
    event.preventDefault();
    const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => typeof v !== 'string' || v.trim()));
    if (Object.keys(given).length === 0) {
      setEmpty(true);
      return;
    }
    onSubmit(given);
  }

  const radios = (q: Question, values: readonly (string | number)[], label: (v: string | number) => string, compact: boolean) => (
    <fieldset key={q.key} className={`utrecht-form-fieldset wr-fieldset wr-survey-question${compact ? ' wr-survey-question--scale' : ''}`}>
      <legend className="utrecht-form-fieldset__legend">{textOf(q)}</legend>
      {compact ? <p className="utrecht-paragraph wr-muted wr-survey-question__hint">{t('survey:answer.ratingHint')}</p> : null}
      <div className="wr-survey-options">
        {values.map((v) => {
          const id = `q-${q.key}-${v}`;
          return (
            <div key={v} className="utrecht-form-field utrecht-form-field--radio wr-survey-option">
              <input className="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={id} name={`q-${q.key}`} value={String(v)} checked={answers[q.key] === v} onChange={() => set(q.key, v)} />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                {label(v)}
              </label>
            </div>
          );
        })}
      </div>
      {answers[q.key] !== undefined ? (
        <Button appearance="subtle" type="button" onClick={() => set(q.key, null)}>
          {t('survey:answer.clear')}
          <span className="wr-visually-hidden">: {textOf(q)}</span>
        </Button>
      ) : null}
    </fieldset>
  );

  return (
    <form className="wr-form wr-survey-form" onSubmit={submit} noValidate>
      {children}
      {questions.map((q) => {
        if (q.kind === 'rating') return radios(q, RATINGS, String, true);
        if (q.kind === 'trend') return radios(q, TREND_ANSWERS, (v) => t(`survey:trend.${String(v)}`), false);
        if (q.kind === 'choice') return radios(q, q.options.map((o) => o.key), (v) => { const o = q.options.find((x) => x.key === v)!; return english ? o.en : o.nl; }, false);
        return (
          <TextAreaField
            key={q.key}
            id={`q-${q.key}`}
            label={textOf(q)}
            description={t('survey:answer.openHint', { max: OPEN_TEXT_MAX })}
            optionalText={t('survey:answer.optional')}
            maxLength={OPEN_TEXT_MAX}
            rows={4}
            value={typeof answers[q.key] === 'string' ? (answers[q.key] as string) : ''}
            onChange={(e) => set(q.key, e.target.value)}
          />
        );
      })}
      {empty ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('survey:answer.nothingAnswered')}</p>
        </Alert>
      ) : null}
      {problem ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{problem}</p>
        </Alert>
      ) : null}
      <Button appearance="primary" type="submit" busy={busy}>
        {t('survey:answer.send')}
      </Button>
    </form>
  );
}
