import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import type { EvaluationDetail } from '../../contract';
import { useCandidates, useEvaluationChange } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';

function InviteForm({ evaluationId }: { evaluationId: string }) {
  const { t } = useTranslation();
  const candidates = useCandidates(evaluationId, true);
  const change = useEvaluationChange(evaluationId);
  const [userId, setUserId] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!userId);
    if (!userId) return;
    change.mutate({ method: 'POST', path: `/api/v1/evaluations/${evaluationId}/evaluators`, body: { userId } }, { onSuccess: () => setUserId('') });
  };
  if (candidates.data && candidates.data.length === 0) return <p className="utrecht-paragraph wr-muted">{t('evaluation:evaluators.noCandidates')}</p>;
  return (
    <form onSubmit={submit} noValidate className="wr-form wr-evaluation-row" aria-label={t('evaluation:evaluators.invite')}>
      <EvaluationError error={change.error ?? candidates.error} />
      <SelectField
        id="invite-user"
        label={t('evaluation:evaluators.person')}
        placeholder={t('evaluation:evaluators.choose')}
        options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.organisation})` }))}
        value={userId}
        onChange={(event) => setUserId(event.target.value)}
        error={missing ? t('evaluation:form.choose') : undefined}
      />
      <div>
        <Button type="submit" busy={change.isPending}>
          {t('evaluation:evaluators.invite')}
        </Button>
      </div>
    </form>
  );
}

/** Who scores, whether they submitted, and (for the lead, before scoring closes) inviting another. */
export function EvaluatorsSection({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('evaluation:evaluators.heading')} id="evaluation-evaluators">
      <ul className="utrecht-unordered-list">
        {evaluation.evaluators.map((e) => (
          <li key={e.id} className="utrecht-unordered-list__item">
            {e.name}
            {e.id === evaluation.lead.id ? ` (${t('evaluation:evaluators.leadTag')})` : ''}: {e.submitted ? t('evaluation:evaluators.submitted') : t('evaluation:evaluators.notSubmitted')}
          </li>
        ))}
      </ul>
      {evaluation.isLead && (evaluation.status === 'concept' || evaluation.status === 'scoring_open') ? <InviteForm evaluationId={evaluation.id} /> : null}
    </Section>
  );
}
