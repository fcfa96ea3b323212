import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField, TextAreaField } from '../../../../platform/web/components/FormField';
import type { CriterionView } from '../../contract';
import { useEvaluationChange } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';

const NONE = 'none';

/** The caller's own score of one criterion: 1–5 (each point in words) or "niet te beoordelen", with a motivation. */
export function ScoreForm({ evaluationId, criterion }: { evaluationId: string; criterion: CriterionView }) {
  const { t } = useTranslation();
  const change = useEvaluationChange(evaluationId);
  const mine = criterion.myScore;
  const [score, setScore] = useState(mine ? (mine.score === null ? NONE : String(mine.score)) : '');
  const [motivation, setMotivation] = useState(mine?.motivation ?? '');
  const [errors, setErrors] = useState<{ score?: string; motivation?: string }>({});
  const [saved, setSaved] = useState(false);
  const id = `score-${criterion.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      score: score === '' ? t('evaluation:form.choose') : undefined,
      // Why a point was given matters more than the point: a score of 1–5 needs its reason.
      motivation: score !== '' && score !== NONE && !motivation.trim() ? t('evaluation:score.motivationRequired') : undefined,
    };
    setErrors(found);
    setSaved(false);
    if (found.score || found.motivation) return;
    change.mutate(
      { method: 'PUT', path: `/api/v1/evaluation-criteria/${criterion.id}/my-score`, body: { score: score === NONE ? null : Number(score), motivation } },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="wr-form wr-evaluation-score" aria-label={t('evaluation:score.heading')}>
      <EvaluationError error={change.error} />
      <SelectField
        id={`${id}-value`}
        label={t('evaluation:score.question')}
        placeholder={t('evaluation:evidence.choose')}
        options={[...['1', '2', '3', '4', '5'].map((value) => ({ value, label: t(`evaluation:score.${value}`) })), { value: NONE, label: t('evaluation:score.none') }]}
        value={score}
        onChange={(event) => setScore(event.target.value)}
        error={errors.score}
      />
      <TextAreaField id={`${id}-motivation`} label={t('evaluation:score.motivation')} description={t('evaluation:score.motivationHint')} rows={2} value={motivation} onChange={(event) => setMotivation(event.target.value)} error={errors.motivation} />
      <Button type="submit" busy={change.isPending}>
        {t('evaluation:score.save')}
      </Button>
      {saved ? (
        <p className="utrecht-paragraph" role="status">
          {t('evaluation:score.saved')}
        </p>
      ) : null}
    </form>
  );
}

/** A score in words: "4 – Grotendeels", or "Niet te beoordelen". */
export function useScoreWords() {
  const { t } = useTranslation();
  return (score: number | null) => (score === null ? t('evaluation:score.none') : t(`evaluation:score.${score}`));
}
