import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import type { EvaluationDetail, FactorKind } from '../../contract';
import { useEvaluationChange } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';

function AddFactorForm({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  const change = useEvaluationChange(evaluation.id);
  const [form, setForm] = useState({ kind: 'success' as FactorKind, title: '', explanation: '', criterionId: '' });
  const [missing, setMissing] = useState({ title: false, explanation: false });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { title: !form.title.trim(), explanation: !form.explanation.trim() };
    setMissing(found);
    if (found.title || found.explanation) return;
    change.mutate(
      { method: 'POST', path: `/api/v1/evaluations/${evaluation.id}/factors`, body: { kind: form.kind, title: form.title, explanation: form.explanation, criterionId: form.criterionId || null } },
      { onSuccess: () => setForm({ ...form, title: '', explanation: '' }) },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form" aria-labelledby="factor-add-heading">
      <h3 className="utrecht-heading-3" id="factor-add-heading">
        {t('evaluation:factors.addHeading')}
      </h3>
      <EvaluationError error={change.error} />
      <SelectField
        id="factor-kind"
        label={t('evaluation:factors.kind')}
        options={[
          { value: 'success', label: t('evaluation:factors.success') },
          { value: 'failure', label: t('evaluation:factors.failure') },
        ]}
        value={form.kind}
        onChange={(event) => setForm({ ...form, kind: event.target.value as FactorKind })}
      />
      <TextField id="factor-title" label={t('evaluation:factors.title')} value={form.title} onChange={(event) => setForm({ ...form, title: event.target.value })} error={missing.title ? t('evaluation:form.required') : undefined} />
      <TextAreaField id="factor-explanation" label={t('evaluation:factors.explanation')} rows={3} value={form.explanation} onChange={(event) => setForm({ ...form, explanation: event.target.value })} error={missing.explanation ? t('evaluation:form.required') : undefined} />
      <SelectField
        id="factor-criterion"
        label={t('evaluation:factors.criterion')}
        options={[{ value: '', label: t('evaluation:factors.noCriterion') }, ...evaluation.criteria.map((c) => ({ value: c.id, label: c.title }))]}
        value={form.criterionId}
        onChange={(event) => setForm({ ...form, criterionId: event.target.value })}
      />
      <Button type="submit" busy={change.isPending}>
        {t('evaluation:factors.add')}
      </Button>
    </form>
  );
}

/** The success and failure factors this evaluation records; they enter the library once it is established. */
export function FactorsSection({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  const change = useEvaluationChange(evaluation.id);
  const editable = evaluation.isLead && evaluation.status === 'scoring_closed';
  return (
    <Section title={t('evaluation:factors.heading')} id="evaluation-factors">
      <EvaluationError error={change.error} />
      {evaluation.factors.length === 0 ? <p className="utrecht-paragraph wr-muted">{t('evaluation:factors.empty')}</p> : null}
      {(['success', 'failure'] as const).map((kind) => {
        const items = evaluation.factors.filter((f) => f.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind}>
            <h3 className="utrecht-heading-3">{t(kind === 'success' ? 'evaluation:factors.successes' : 'evaluation:factors.failures')}</h3>
            <ul className="wr-evaluation-factors">
              {items.map((factor) => (
                <li key={factor.id} className={`wr-evaluation-factor wr-evaluation-factor--${kind}`}>
                  <p className="wr-evaluation-factor__title">
                    <strong>{factor.title}</strong>
                  </p>
                  <p className="utrecht-paragraph">{factor.explanation}</p>
                  {factor.criterionTitle ? <p className="utrecht-paragraph wr-muted">{t('evaluation:factors.from', { criterion: factor.criterionTitle })}</p> : null}
                  {editable ? (
                    <Button appearance="subtle" busy={change.isPending} aria-label={t('evaluation:factors.removeLabel', { title: factor.title })} onClick={() => change.mutate({ method: 'DELETE', path: `/api/v1/evaluation-factors/${factor.id}` })}>
                      {t('evaluation:factors.remove')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {editable ? <AddFactorForm evaluation={evaluation} /> : null}
    </Section>
  );
}
