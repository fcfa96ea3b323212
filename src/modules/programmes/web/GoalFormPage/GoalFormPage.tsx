import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import type { GoalDetail, GoalInput, ProgrammeDetail } from '../../contract';
import { useCatalogue, useChoosableAreas, useGoal, useProgramme, useSaveGoal } from '../programmes-api';
import '../programmes.css';
import { fieldMessages, serverFieldLinksWith } from '../../../../platform/web/i18n/field-error-message';

interface Values {
  name: string;
  strategicGoalId: string;
  indicator: string;
  area: string;
  baseline: string;
  baselineDate: string;
  targetKind: 'fixed' | 'municipality_average';
  target: string;
  targetDate: string;
  isExample: boolean;
}

const fromGoal = (goal: GoalDetail | undefined, programme: ProgrammeDetail): Values => ({
  name: goal?.name ?? '',
  strategicGoalId: goal?.strategicGoalId ?? '',
  indicator: goal?.indicator ?? '',
  area: goal?.area ?? programme.areas[0]?.code ?? '',
  baseline: goal ? String(goal.baseline) : '',
  baselineDate: goal?.baselineDate ?? '',
  targetKind: goal?.targetKind ?? 'fixed',
  target: goal && goal.targetKind === 'fixed' && goal.target !== null ? String(goal.target) : '',
  targetDate: goal?.targetDate ?? '',
  isExample: goal?.isExample ?? false,
});

/** Numbers as people type them: a Dutch decimal comma is accepted. */
export function parseNumber(text: string): number {
  const s = text.trim();
  if (!s) return Number.NaN;
  return Number(s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s);
}

function GoalForm({ programme, goal }: { programme: ProgrammeDetail; goal?: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => fromGoal(goal, programme));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const catalogue = useCatalogue();
  const areas = useChoosableAreas(programme.municipalityCode);
  const save = useSaveGoal(programme.id, goal?.id);
  const serverErrors = fieldMessages(save.error, t, i18n.language);
  const errorOf = (field: string) => clientErrors[field] ?? serverErrors[field];
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A corrected field stops showing its message; the summary is rebuilt at the next submit.
    setClientErrors((errors) => {
      if (!(field in errors)) return errors;
      const rest = { ...errors };
      delete rest[field as string];
      return rest;
    });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const required = t('programmes:form.required');
    if (!values.name.trim()) errors.name = required;
    if (!values.indicator) errors.indicator = required;
    if (!values.area) errors.area = required;
    if (!Number.isFinite(parseNumber(values.baseline))) errors.baseline = t('programmes:form.number');
    if (!values.baselineDate) errors.baselineDate = required;
    if (!values.targetDate) errors.targetDate = required;
    if (values.targetKind === 'fixed' && !Number.isFinite(parseNumber(values.target))) errors.target = t('programmes:form.number');
    if (values.baselineDate && values.targetDate && values.targetDate <= values.baselineDate) errors.targetDate = t('programmes:goal.targetAfterBaseline');
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const input: GoalInput = {
      name: values.name.trim(),
      strategicGoalId: values.strategicGoalId || null,
      indicator: values.indicator,
      area: values.area,
      baseline: parseNumber(values.baseline),
      baselineDate: values.baselineDate,
      targetKind: values.targetKind,
      ...(values.targetKind === 'fixed' ? { target: parseNumber(values.target) } : {}),
      targetDate: values.targetDate,
      isExample: values.isExample,
    };
    save.mutate(input, { onSuccess: (saved) => void navigate(`/programmas/${programme.id}/doelen/${saved.id}`) });
  }

  const labels: Record<string, string> = {
    name: t('programmes:goal.name'),
    indicator: t('programmes:goal.indicator'),
    area: t('programmes:goal.area'),
    baseline: t('programmes:goal.baselineValue'),
    baselineDate: t('programmes:goal.baselineDate'),
    target: t('programmes:goal.targetValue'),
    targetDate: t('programmes:goal.targetDate'),
  };
  const summary = Object.entries(clientErrors).map(([field, message]) => ({ fieldId: `goal-${field}`, label: labels[field] ?? field, message }));
  const programmeAreas = programme.areas.map((a) => ({ value: a.code, label: a.name }));
  const otherAreas = (areas.data ?? []).filter((a) => !programme.areas.some((p) => p.code === a.code)).map((a) => ({ value: a.code, label: a.name }));
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      {summary.length ? <ErrorSummary fields={summary} /> : <ErrorSummary error={save.error} fields={serverFieldLinksWith(save.error, t, i18n.language, (field) => (labels[field] ? { id: `goal-${field}`, label: labels[field] } : null))} />}
      <div className="wr-form-grid">
        <TextField id="goal-name" className="wr-form-grid__wide" label={labels.name} description={t('programmes:goal.nameDescription')} value={values.name} maxLength={300} error={errorOf('name')} onChange={(e) => set('name', e.target.value)} />
        <SelectField
          id="goal-strategicGoalId"
          className="wr-form-grid__wide"
          label={t('programmes:goal.strategicGoal')}
          optionalText={t('programmes:form.optional')}
          placeholder={t('programmes:goal.noStrategicGoal')}
          options={programme.strategicGoals.map((g) => ({ value: g.id, label: g.name }))}
          value={values.strategicGoalId}
          error={errorOf('strategicGoalId')}
          onChange={(e) => set('strategicGoalId', e.target.value)}
        />
        <SelectField
          id="goal-indicator"
          label={labels.indicator}
          placeholder={t('programmes:goal.chooseIndicator')}
          options={(catalogue.data ?? []).map((i) => ({ value: i.code, label: i.unit ? `${i.name} (${i.unit})` : i.name }))}
          value={values.indicator}
          error={errorOf('indicator')}
          onChange={(e) => set('indicator', e.target.value)}
        />
        <SelectField id="goal-area" label={labels.area} placeholder={t('programmes:goal.chooseArea')} options={[...programmeAreas, ...otherAreas]} value={values.area} error={errorOf('area')} onChange={(e) => set('area', e.target.value)} />
        <TextField id="goal-baseline" label={labels.baseline} inputMode="decimal" value={values.baseline} error={errorOf('baseline')} onChange={(e) => set('baseline', e.target.value)} />
        <TextField id="goal-baselineDate" type="date" label={labels.baselineDate} value={values.baselineDate} error={errorOf('baselineDate')} onChange={(e) => set('baselineDate', e.target.value)} />
        <SelectField
          id="goal-targetKind"
          label={t('programmes:goal.targetKind')}
          options={[
            { value: 'fixed', label: t('programmes:goal.targetKinds.fixed') },
            { value: 'municipality_average', label: t('programmes:goal.targetKinds.municipality_average') },
          ]}
          value={values.targetKind}
          error={errorOf('targetKind')}
          description={values.targetKind === 'municipality_average' ? t('programmes:goal.municipalityAverageDescription') : undefined}
          onChange={(e) => set('targetKind', e.target.value === 'municipality_average' ? 'municipality_average' : 'fixed')}
        />
        {values.targetKind === 'fixed' ? (
          <TextField id="goal-target" label={labels.target} inputMode="decimal" value={values.target} error={errorOf('target')} onChange={(e) => set('target', e.target.value)} />
        ) : null}
        <TextField id="goal-targetDate" type="date" label={labels.targetDate} value={values.targetDate} error={errorOf('targetDate')} onChange={(e) => set('targetDate', e.target.value)} />
        <div className="wr-form-grid__wide">
          <CheckboxField id="goal-isExample" label={t('programmes:goal.isExample')} description={t('programmes:goal.isExampleDescription')} checked={values.isExample} onChange={(e) => set('isExample', e.target.checked)} />
        </div>
      </div>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('programmes:form.save')}
        </Button>
        <Link className="utrecht-link utrecht-link--html-a" to={goal ? `/programmas/${programme.id}/doelen/${goal.id}` : `/programmas/${programme.id}`}>
          {t('programmes:form.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** Add or edit a SMART operational goal. */
export default function GoalFormPage() {
  const { t } = useTranslation();
  const { id, goalId } = useParams();
  const programme = useProgramme(id);
  const goal = useGoal(id, goalId);
  const ready = programme.data && (!goalId || goal.data);
  return (
    <Page title={goalId ? t('programmes:goal.editTitle') : t('programmes:goal.newTitle')} lead={programme.data?.name}>
      <QueryState isPending={programme.isPending || (Boolean(goalId) && goal.isPending)} error={programme.error ?? goal.error} />
      {ready && programme.data ? <GoalForm programme={programme.data} {...(goal.data ? { goal: goal.data } : {})} /> : null}
    </Page>
  );
}
