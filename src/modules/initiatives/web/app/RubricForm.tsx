import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField } from '../../../../platform/web/components/FormField';
import type { InitiativeDetail, Rubric } from '../../contract';
import { PASS_TOTAL, RUBRIC_CRITERIA, RUBRIC_MAX, rubricShortfalls, rubricTotal } from '../../rubric';
import { useAssess } from '../initiatives-api';
import { initiativeProblem } from '../problems';

type Criterion = (typeof RUBRIC_CRITERIA)[number];

/** The assessor scores the four criteria (0–3, anchors from docs/initiatives.md) and sees total and verdict before saving. */
export function RubricForm({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const assess = useAssess(initiative.id);
  const [scores, setScores] = useState<Record<Criterion, string>>({ goal: '', support: '', feasibility: '', value: '' });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ fieldId: string; label: string; message: string }[]>([]);
  const complete = RUBRIC_CRITERIA.every((c) => scores[c] !== '');
  const rubric: Rubric | null = complete ? { goal: Number(scores.goal), support: Number(scores.support), feasibility: Number(scores.feasibility), value: Number(scores.value) } : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = [
      ...RUBRIC_CRITERIA.filter((c) => scores[c] === '').map((c) => ({ fieldId: `rubric-${c}`, label: t(`initiatives:rubric.criteria.${c}.label`), message: t('initiatives:rubric.scoreRequired') })),
      ...(reason.trim() ? [] : [{ fieldId: 'rubric-reason', label: t('initiatives:rubric.reason'), message: t('initiatives:step.reasonRequired') }]),
    ];
    setErrors(found);
    if (found.length || !rubric) return;
    assess.mutate({ rubric, reason: reason.trim() });
  }

  return (
    <form className="wr-form" onSubmit={submit} noValidate aria-label={t('initiatives:rubric.heading')}>
      <ErrorSummary fields={errors} />
      {assess.error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{initiativeProblem(assess.error, t)}</p>
        </Alert>
      ) : null}
      {RUBRIC_CRITERIA.map((c) => (
        <SelectField
          key={c}
          id={`rubric-${c}`}
          label={t(`initiatives:rubric.criteria.${c}.label`)}
          description={t(`initiatives:rubric.criteria.${c}.question`)}
          options={[0, 1, 2, 3].map((n) => ({ value: String(n), label: `${n} – ${t(`initiatives:rubric.criteria.${c}.anchors.${n}`)}` }))}
          placeholder={t('initiatives:submit.choose')}
          value={scores[c]}
          onChange={(e) => setScores((s) => ({ ...s, [c]: e.target.value }))}
          error={errors.find((e) => e.fieldId === `rubric-${c}`)?.message}
        />
      ))}
      {rubric ? (
        <Alert type={rubricShortfalls(rubric).length ? 'warning' : 'ok'} live="status">
          <p className="utrecht-paragraph">{t('initiatives:rubric.total', { total: rubricTotal(rubric), max: RUBRIC_MAX, threshold: PASS_TOTAL })}</p>
          <p className="utrecht-paragraph">
            {rubricShortfalls(rubric).length ? rubricShortfalls(rubric).map((s) => t(`initiatives:rubric.shortfalls.${s}`)).join(' ') : t('initiatives:rubric.passes')}
          </p>
        </Alert>
      ) : null}
      <TextAreaField id="rubric-reason" label={t('initiatives:rubric.reason')} description={t('initiatives:rubric.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} error={errors.find((e) => e.fieldId === 'rubric-reason')?.message} maxLength={2000} />
      <Button type="submit" appearance="primary" busy={assess.isPending}>
        {t('initiatives:rubric.save')}
      </Button>
    </form>
  );
}
