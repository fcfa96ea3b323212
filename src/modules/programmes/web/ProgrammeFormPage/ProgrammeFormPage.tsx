import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { useMunicipalityChoices, type MunicipalityChoice } from '../../../areas/web/index';
import type { ProgrammeDetail, ProgrammeInput } from '../../contract';
import { useChoosableAreas, useProgramme, useSaveProgramme } from '../programmes-api';
import '../programmes.css';
import { fieldMessages, serverFieldLinksWith } from '../../../../platform/web/i18n/field-error-message';

interface Values {
  name: string;
  municipality: string;
  ambition: string;
  horizonStart: string;
  horizonEnd: string;
  areas: string[];
  pillars: string[];
  strategicGoals: { name: string; pillar: string }[];
  executionProgrammes: { name: string; periodStart: string; periodEnd: string }[];
}

function initialValues(programme: ProgrammeDetail | undefined): Values {
  if (!programme) return { name: '', municipality: '', ambition: '', horizonStart: '', horizonEnd: '', areas: [], pillars: [''], strategicGoals: [], executionProgrammes: [] };
  const pillarName = new Map(programme.pillars.map((p) => [p.id, p.name]));
  return {
    name: programme.name,
    municipality: programme.municipalityCode,
    ambition: programme.ambition,
    horizonStart: programme.horizonStart,
    horizonEnd: programme.horizonEnd,
    areas: programme.areas.map((a) => a.code),
    pillars: programme.pillars.map((p) => p.name),
    strategicGoals: programme.strategicGoals.map((g) => ({ name: g.name, pillar: g.pillarId ? (pillarName.get(g.pillarId) ?? '') : '' })),
    executionProgrammes: programme.executionProgrammes.map((e) => ({ name: e.name, periodStart: e.periodStart, periodEnd: e.periodEnd })),
  };
}

/** The municipalities by name; a programme's own stays choosable when its year is not the newest loaded. */
function municipalityOptions(choices: readonly MunicipalityChoice[], programme: ProgrammeDetail | undefined): { value: string; label: string }[] {
  const options = choices.map((m) => ({ value: m.code, label: m.name }));
  if (programme && !choices.some((m) => m.code === programme.municipalityCode)) options.unshift({ value: programme.municipalityCode, label: programme.municipalityName ?? programme.municipalityCode });
  return options;
}

function ProgrammeForm({ programme }: { programme?: ProgrammeDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => initialValues(programme));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const municipalities = useMunicipalityChoices();
  const areas = useChoosableAreas(values.municipality || undefined);
  const save = useSaveProgramme(programme?.id);
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
  const pillars = values.pillars.map((p) => p.trim()).filter(Boolean);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const required = t('programmes:form.required');
    if (!values.name.trim()) errors.name = required;
    if (!values.municipality) errors.municipality = t('programmes:programme.municipalityRequired');
    if (!values.horizonStart) errors.horizonStart = required;
    if (!values.horizonEnd) errors.horizonEnd = required;
    if (values.horizonStart && values.horizonEnd && values.horizonEnd <= values.horizonStart) errors.horizonEnd = t('programmes:programme.endAfterStart');
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const input: ProgrammeInput = {
      name: values.name.trim(),
      municipality: values.municipality,
      ambition: values.ambition,
      horizonStart: values.horizonStart,
      horizonEnd: values.horizonEnd,
      areas: values.areas,
      pillars,
      strategicGoals: values.strategicGoals.filter((g) => g.name.trim()).map((g) => ({ name: g.name.trim(), pillar: pillars.includes(g.pillar) ? g.pillar : null })),
      executionProgrammes: values.executionProgrammes.filter((e) => e.name.trim() && e.periodStart && e.periodEnd).map((e) => ({ ...e, name: e.name.trim() })),
    };
    save.mutate(input, { onSuccess: (saved) => void navigate(`/programmas/${saved.id}`) });
  }

  const labels: Record<string, string> = { name: t('programmes:programme.name'), municipality: t('programmes:programme.municipality'), horizonStart: t('programmes:programme.horizonStart'), horizonEnd: t('programmes:programme.horizonEnd'), ambition: t('programmes:programme.ambition') };
  const summary = Object.entries(clientErrors).map(([field, message]) => ({ fieldId: `programme-${field}`, label: labels[field] ?? field, message }));
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      {summary.length ? <ErrorSummary fields={summary} /> : <ErrorSummary error={save.error} fields={serverFieldLinksWith(save.error, t, i18n.language, (field) => (labels[field] ? { id: `programme-${field}`, label: labels[field] } : null))} />}
      <div className="wr-form-grid">
        <TextField id="programme-name" className="wr-form-grid__wide" label={labels.name} maxLength={200} value={values.name} error={errorOf('name')} onChange={(e) => set('name', e.target.value)} />
        <SelectField
          id="programme-municipality"
          label={labels.municipality}
          placeholder={t('programmes:programme.municipalityChoose')}
          value={values.municipality}
          options={municipalityOptions(municipalities.data ?? [], programme)}
          error={errorOf('municipality')}
          onChange={(e) => {
            set('municipality', e.target.value);
            // Areas belong to one municipality: a new choice starts without them.
            set('areas', []);
          }}
        />
        <div />
        <TextField id="programme-horizonStart" type="date" label={labels.horizonStart} value={values.horizonStart} error={errorOf('horizonStart')} onChange={(e) => set('horizonStart', e.target.value)} />
        <TextField id="programme-horizonEnd" type="date" label={labels.horizonEnd} value={values.horizonEnd} error={errorOf('horizonEnd')} onChange={(e) => set('horizonEnd', e.target.value)} />
        <TextAreaField id="programme-ambition" className="wr-form-grid__wide" label={t('programmes:programme.ambition')} rows={4} maxLength={8000} value={values.ambition} error={errorOf('ambition')} onChange={(e) => set('ambition', e.target.value)} />
        <div className="wr-form-grid__wide">
          <CheckboxGroup id="programme-areas" name="areas" legend={t('programmes:programme.areas')} options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name }))} value={values.areas} error={errorOf('areas')} onChange={(v) => set('areas', v)} />
        </div>
      </div>
      <Section title={t('programmes:programme.pillars')} id="form-pillars" headingLevel={2}>
        {values.pillars.map((pillar, i) => (
          <div key={i} className="wr-row-fields">
            <TextField id={`programme-pillar-${i}`} label={t('programmes:programme.pillarN', { n: i + 1 })} maxLength={200} value={pillar} onChange={(e) => set('pillars', values.pillars.map((p, j) => (j === i ? e.target.value : p)))} />
            <Button appearance="subtle" onClick={() => set('pillars', values.pillars.filter((_, j) => j !== i))}>
              {t('programmes:form.remove', { what: pillar || t('programmes:programme.pillarN', { n: i + 1 }) })}
            </Button>
          </div>
        ))}
        <Button onClick={() => set('pillars', [...values.pillars, ''])}>{t('programmes:programme.addPillar')}</Button>
      </Section>
      <Section title={t('programmes:programme.strategicGoals')} id="form-goals" headingLevel={2}>
        {values.strategicGoals.map((goal, i) => (
          <div key={i} className="wr-row-fields">
            <TextField id={`programme-goal-${i}`} label={t('programmes:programme.goalN', { n: i + 1 })} maxLength={300} value={goal.name} onChange={(e) => set('strategicGoals', values.strategicGoals.map((g, j) => (j === i ? { ...g, name: e.target.value } : g)))} />
            <SelectField id={`programme-goal-pillar-${i}`} label={t('programmes:programme.pillar')} placeholder={t('programmes:programme.noPillar')} options={pillars.map((p) => ({ value: p, label: p }))} value={goal.pillar} onChange={(e) => set('strategicGoals', values.strategicGoals.map((g, j) => (j === i ? { ...g, pillar: e.target.value } : g)))} />
            <Button appearance="subtle" onClick={() => set('strategicGoals', values.strategicGoals.filter((_, j) => j !== i))}>
              {t('programmes:form.remove', { what: goal.name || t('programmes:programme.goalN', { n: i + 1 }) })}
            </Button>
          </div>
        ))}
        <Button onClick={() => set('strategicGoals', [...values.strategicGoals, { name: '', pillar: '' }])}>{t('programmes:programme.addGoal')}</Button>
      </Section>
      <Section title={t('programmes:programme.executionProgrammes')} id="form-execution" headingLevel={2}>
        {values.executionProgrammes.map((e, i) => (
          <div key={i} className="wr-row-fields">
            <TextField id={`programme-exec-${i}`} label={t('programmes:programme.executionName')} maxLength={200} value={e.name} onChange={(ev) => set('executionProgrammes', values.executionProgrammes.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)))} />
            <TextField id={`programme-exec-start-${i}`} type="date" label={t('programmes:programme.periodStart')} value={e.periodStart} onChange={(ev) => set('executionProgrammes', values.executionProgrammes.map((x, j) => (j === i ? { ...x, periodStart: ev.target.value } : x)))} />
            <TextField id={`programme-exec-end-${i}`} type="date" label={t('programmes:programme.periodEnd')} value={e.periodEnd} onChange={(ev) => set('executionProgrammes', values.executionProgrammes.map((x, j) => (j === i ? { ...x, periodEnd: ev.target.value } : x)))} />
            <Button appearance="subtle" onClick={() => set('executionProgrammes', values.executionProgrammes.filter((_, j) => j !== i))}>
              {t('programmes:form.remove', { what: e.name || t('programmes:programme.executionName') })}
            </Button>
          </div>
        ))}
        <Button onClick={() => set('executionProgrammes', [...values.executionProgrammes, { name: '', periodStart: '', periodEnd: '' }])}>{t('programmes:programme.addExecution')}</Button>
      </Section>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('programmes:form.save')}
        </Button>
        <Link className="utrecht-link utrecht-link--html-a" to={programme ? `/programmas/${programme.id}` : '/programmas'}>
          {t('programmes:form.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** Create a programme, or edit its ambition, horizon, areas, pillars and strategic goals. */
export default function ProgrammeFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const programme = useProgramme(id);
  return (
    <Page title={id ? t('programmes:programme.editTitle') : t('programmes:programme.newTitle')} lead={programme.data?.name}>
      {id ? <QueryState isPending={programme.isPending} error={programme.error} /> : null}
      {!id || programme.data ? <ProgrammeForm {...(programme.data ? { programme: programme.data } : {})} /> : null}
    </Page>
  );
}
