import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { TextAreaField } from '../../../../platform/web/components/FormField';
import type { CriterionView } from '../../contract';
import { useEvaluationChange } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';

/** The lead's conclusion on one criterion, once scoring is closed. */
export function ConclusionForm({ evaluationId, criterion }: { evaluationId: string; criterion: CriterionView }) {
  const { t } = useTranslation();
  const change = useEvaluationChange(evaluationId);
  const [text, setText] = useState(criterion.conclusion);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return;
    change.mutate({ method: 'PUT', path: `/api/v1/evaluation-criteria/${criterion.id}/conclusion`, body: { conclusion: text } });
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form">
      <EvaluationError error={change.error} />
      <TextAreaField id={`conclusion-${criterion.id}`} label={t('evaluation:conclusion.label', { criterion: criterion.title })} rows={3} value={text} onChange={(event) => setText(event.target.value)} error={missing ? t('evaluation:form.required') : undefined} />
      <Button type="submit" busy={change.isPending}>
        {t('evaluation:conclusion.save')}
      </Button>
    </form>
  );
}
