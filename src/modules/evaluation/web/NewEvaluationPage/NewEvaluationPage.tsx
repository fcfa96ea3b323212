import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { calendarDayOf } from '../../../../platform/shared/time';
import type { EvaluationKind, FrameworkCode } from '../../contract';
import { EvaluationError } from '../components/EvaluationError';
import { LibraryList } from '../components/LibraryList';
import { useCreateEvaluation, useFactorLibrary, useProgrammes } from '../evaluation-api';
import '../evaluation.css';

/** Start an evaluation: programme, name, kind, peildatum, frameworks, and lessons from earlier evaluations to check. */
export default function NewEvaluationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const library = useFactorLibrary('', '');
  const create = useCreateEvaluation();
  const [form, setForm] = useState({ programmeId: '', title: '', kind: 'interim' as EvaluationKind, peildatum: calendarDayOf(new Date()), frameworks: ['platform31', 'programme_goals'] as string[], adopt: [] as string[] });
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const error = (id: string) => fieldErrors.find((f) => f.fieldId === id)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrorLink[] = [];
    const need = (ok: boolean, fieldId: string, label: string, message: string) => (ok ? null : errors.push({ fieldId, label, message }));
    need(form.programmeId !== '', 'evaluation-programme', t('evaluation:create.programme'), t('evaluation:form.choose'));
    need(form.title.trim() !== '', 'evaluation-title', t('evaluation:create.name'), t('evaluation:form.required'));
    need(/^\d{4}-\d{2}-\d{2}$/.test(form.peildatum), 'evaluation-peildatum', t('evaluation:create.peildatum'), t('evaluation:form.date'));
    need(form.frameworks.length > 0, 'evaluation-frameworks', t('evaluation:create.frameworks'), t('evaluation:form.frameworks'));
    setFieldErrors(errors);
    if (errors.length > 0) return;
    create.mutate(
      { programmeId: form.programmeId, title: form.title, kind: form.kind, peildatum: form.peildatum, frameworks: form.frameworks as FrameworkCode[], adoptFactorIds: form.adopt },
      { onSuccess: (evaluation) => void navigate(`/evaluaties/${evaluation.id}`) },
    );
  };

  return (
    <Page title={t('evaluation:create.title')} lead={t('evaluation:create.lead')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/evaluaties">
          {t('evaluation:create.back')}
        </Link>
      </p>
      <QueryState isPending={programmes.isPending} error={programmes.error} onRetry={() => void programmes.refetch()} />
      <form onSubmit={submit} noValidate className="wr-form" aria-labelledby="page-heading">
        {create.error ? <EvaluationError error={create.error} /> : <ErrorSummary fields={fieldErrors} />}
        <SelectField
          id="evaluation-programme"
          label={t('evaluation:create.programme')}
          placeholder={t('evaluation:create.choose')}
          options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={form.programmeId}
          onChange={(event) => setForm({ ...form, programmeId: event.target.value })}
          error={error('evaluation-programme')}
        />
        <TextField id="evaluation-title" label={t('evaluation:create.name')} value={form.title} onChange={(event) => setForm({ ...form, title: event.target.value })} error={error('evaluation-title')} />
        <SelectField
          id="evaluation-kind"
          label={t('evaluation:create.kind')}
          options={[
            { value: 'interim', label: t('evaluation:kind.interim') },
            { value: 'final', label: t('evaluation:kind.final') },
          ]}
          value={form.kind}
          onChange={(event) => setForm({ ...form, kind: event.target.value as EvaluationKind })}
        />
        <TextField id="evaluation-peildatum" type="date" label={t('evaluation:create.peildatum')} description={t('evaluation:create.peildatumHint')} value={form.peildatum} onChange={(event) => setForm({ ...form, peildatum: event.target.value })} error={error('evaluation-peildatum')} />
        <CheckboxGroup
          id="evaluation-frameworks"
          name="frameworks"
          legend={t('evaluation:create.frameworks')}
          description={t('evaluation:create.frameworksHint')}
          error={error('evaluation-frameworks')}
          options={[
            { value: 'platform31', label: t('evaluation:framework.platform31') },
            { value: 'programme_goals', label: t('evaluation:framework.programme_goals') },
          ]}
          value={form.frameworks}
          onChange={(frameworks) => setForm({ ...form, frameworks })}
        />
        <Section title={t('evaluation:create.lessons')} id="evaluation-lessons">
          <p className="utrecht-paragraph">{t('evaluation:create.lessonsHint')}</p>
          <QueryState isPending={library.isPending} error={library.error} onRetry={() => void library.refetch()} />
          {library.data ? (
            <LibraryList
              items={library.data}
              action={(factor) => (
                <label className="wr-checkbox-field__label">
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input wr-checkbox"
                    checked={form.adopt.includes(factor.id)}
                    onChange={(event) => setForm({ ...form, adopt: event.target.checked ? [...form.adopt, factor.id] : form.adopt.filter((id) => id !== factor.id) })}
                  />
                  <span>{t('evaluation:adopted.adoptLabel', { title: factor.title })}</span>
                </label>
              )}
            />
          ) : null}
        </Section>
        <Button appearance="primary" type="submit" busy={create.isPending}>
          {t('evaluation:create.submit')}
        </Button>
      </form>
    </Page>
  );
}
